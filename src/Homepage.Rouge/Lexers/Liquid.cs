using System.Text.RegularExpressions;
using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Liquid</c> lexer (<c>liquid</c>), rule for rule.</summary>
public sealed class Liquid : RegexLexer
{
    public override string Tag => "liquid";

    private static string StringClass(string? text) =>
        text is not null && Regex.IsMatch(text, "'[^']*'") ? "Literal.String.Single"
        : text is not null && Regex.IsMatch(text, "\"[^\"]*\"") ? "Literal.String.Double"
        : "";

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Rule(Rx(@"[^\{]+"), "Text")
            .Groups(Rx(@"(\{%-?)(\s*)"), ["Punctuation", "Text.Whitespace"], "tag_or_block")
            .Groups(Rx(@"(\{\{-?)(\s*)"), ["Punctuation", "Text.Whitespace"], "output")
            .Rule(Rx(@"\{"), "Text");

        states["tag_or_block"]
            .Rule(Rx(@"(if|elsif|unless|case)\b"), "Keyword.Reserved", "condition")
            .Rule(Rx(@"(when)\b"), "Keyword.Reserved", "when")
            .Rule(Rx(@"(else)(\s*)(-?%\})"), run => { run.Groups("Keyword.Reserved", "Text.Whitespace", "Punctuation"); run.Pop(); })
            .Rule(Rx(@"(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})"), run =>
            {
                run.Groups("Name.Tag", "Text.Whitespace", "Name.Variable", "Text.Whitespace", "Punctuation");
                run.Pop();
            })
            .Groups(Rx(@"(comment)(\s*)(-?%\})"), ["Name.Tag", "Text.Whitespace", "Punctuation"], "comment")
            .Groups(Rx(@"(raw)(\s*)(-?%\})"), ["Name.Tag", "Text.Whitespace", "Punctuation"], "raw")
            .Rule(Rx(@"(end(?:if|unless|case))(\s*)(-?%\})"), run => { run.Groups("Keyword.Reserved", "Text.Whitespace", "Punctuation"); run.Pop(); })
            .Rule(Rx(@"(end(?:[^\s%]+))(\s*)(-?%\})"), run => { run.Groups("Name.Tag", "Text.Whitespace", "Punctuation"); run.Pop(); })
            .Rule(Rx(@"(assign|echo)\b"), "Name.Tag", "assign")
            .Rule(Rx(@"(include|render)\b"), "Name.Tag", "include")
            .Rule(Rx(@"(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)"), run =>
            {
                var name = StringClass(run[3]);
                run.Groups("Name.Tag", "Text.Whitespace", name.Length > 0 ? name : "Name.Attribute", "Text.Whitespace", "Punctuation", "Text.Whitespace");
                run.Push("variable_tag_markup");
            })
            .Rule(Rx("""
                (for|tablerow)(\s+)
                ([\w-]+)(\s+)
                (in)(\s+)
                (
                  (?: [^\s%,\|'"] | (?:"[^"]*"|'[^']*') )+
                )(\s*)
                """, x: true), run =>
            {
                run.Groups("Name.Tag", "Text.Whitespace", "Name.Variable", "Text.Whitespace", "Name.Tag", "Text.Whitespace");
                var name = StringClass(run[7]);
                run.Token(name.Length > 0 ? name : "Name.Variable", run[7]);
                run.Token("Text.Whitespace", run[8]);
                run.Push("tag_markup");
            })
            .Groups(Rx(@"([^\s%]+)(\s*)"), ["Name.Tag", "Text.Whitespace"], "tag_markup");

        states["output"]
            .Groups(Rx(@"(\|)(\s*)([a-zA-Z_][^\s}\|:]*)"), ["Punctuation", "Text.Whitespace", "Name.Function"], "filters")
            .Mixin("end_of_tag")
            .Mixin("generic");

        states["filters"]
            .Groups(Rx(@"(\|)(\s*)([a-zA-Z_][^\s%}\|:]*)"), ["Punctuation", "Text.Whitespace", "Name.Function"])
            .Mixin("end_of_tag")
            .Mixin("end_of_block")
            .Mixin("variable_param_markup");

        states["condition"]
            .Rule(Rx(@"([=!]=|[<>]=?)"), "Operator")
            .Rule(Rx(@"(and|or|contains)\b"), "Operator.Word")
            .Mixin("end_of_block")
            .Mixin("generic");

        states["when"]
            .Mixin("end_of_block")
            .Mixin("generic");

        states["end_of_tag"].Rule(Rx(@"-?\}\}"), run => { run.Token("Punctuation"); run.ResetStack(); });
        states["end_of_block"].Rule(Rx(@"-?%\}"), run => { run.Token("Punctuation"); run.ResetStack(); });

        states["param_markup"]
            .Mixin("whitespace")
            .Mixin("keyword")
            .Mixin("string")
            .Mixin("number")
            .Groups(Rx(@"([^\s=:]+)(\s*)(=|:)"), ["Name.Attribute", "Text.Whitespace", "Operator"])
            .Rule(Rx(@"[,:]"), "Punctuation");

        states["default_param_markup"]
            .Mixin("param_markup")
            .Rule(Rx(@"\S+"), "Text");

        states["variable_param_markup"]
            .Mixin("param_markup")
            .Mixin("variable")
            .Rule(Rx(@"\S+"), "Text");

        states["tag_markup"]
            .Rule(Rx(@"(reversed)\b"), "Name.Attribute")
            .Mixin("end_of_block")
            .Mixin("default_param_markup");

        states["variable_tag_markup"]
            .Mixin("end_of_block")
            .Mixin("variable_param_markup");

        states["keyword"].Rule(Rx(@"(false|true|nil)\b"), "Keyword.Constant");

        states["variable"]
            .Rule(Rx(@"(empty|blank|forloop\.[^\s%}\|:]+)\b"), "Name.Builtin")
            .Rule(Rx(@"\.(?=\w)|\[|\]"), "Punctuation")
            .Rule(Rx(@"(first|last|size)\b"), "Name.Function")
            .Rule(Rx(@"[a-zA-Z_][\w-]*\??"), "Name.Variable");

        states["string"]
            .Rule(Rx(@"'[^']*'"), "Literal.String.Single")
            .Rule(Rx("\"[^\"]*\""), "Literal.String.Double");

        states["number"]
            .Rule(Rx("-"), "Operator")
            .Rule(Rx(@"\d+\.\d+"), "Literal.Number.Float")
            .Rule(Rx(@"\d+"), "Literal.Number.Integer");

        states["generic"]
            .Mixin("whitespace")
            .Mixin("keyword")
            .Mixin("string")
            .Mixin("number")
            .Mixin("variable");

        states["whitespace"].Rule(Rx(@"[ \t]+"), "Text.Whitespace");

        states["comment"]
            .Rule(Rx(@"[^\{]+"), "Comment")
            .Rule(Rx(@"(\{%-?)(\s*)(endcomment)(\s*)(-?%\})"), run =>
            {
                run.Groups("Punctuation", "Text.Whitespace", "Name.Tag", "Text.Whitespace", "Punctuation");
                run.ResetStack();
            })
            .Rule(Rx(@"\{"), "Comment");

        states["raw"]
            .Rule(Rx(@"[^\{]+"), "Text")
            .Rule(Rx(@"(\{%-?)(\s*)(endraw)(\s*)(-?%\})"), run =>
            {
                run.Groups("Punctuation", "Text.Whitespace", "Name.Tag", "Text.Whitespace", "Punctuation");
                run.ResetStack();
            })
            .Rule(Rx(@"\{"), "Text");

        states["assign"]
            .Rule(Rx("="), "Operator")
            .Groups(Rx(@"(\|)(\s*)([a-zA-Z_][^\s%\|:]*)"), ["Punctuation", "Text.Whitespace", "Name.Function"], "filters")
            .Mixin("end_of_block")
            .Mixin("generic");

        states["include"]
            .Groups(Rx(@"(\{\{-?)(\s*)"), ["Punctuation", "Text.Whitespace"], "output_embed")
            .Rule(Rx(@"(with|for)\b"), "Name.Tag")
            .Rule(Rx(@"[\/\w-]+(\.[\w-]+)+\b"), "Text")
            .Mixin("variable_tag_markup");

        states["output_embed"]
            .Groups(Rx(@"(\|)(\s*)([a-zA-Z_][^\s}\|:]*)"), ["Punctuation", "Text.Whitespace", "Name.Function"])
            .Rule(Rx(@"-?\}\}"), "Punctuation", "#pop")
            .Mixin("variable_param_markup");
    }
}
