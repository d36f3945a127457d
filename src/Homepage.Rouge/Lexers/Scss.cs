using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>SassCommon</c>: the states the SCSS (and Sass) lexers share.</summary>
public abstract class SassCommon : RegexLexer
{
    private const string Id = @"[\w-]+";

    protected override void DefineStates(StateTable states)
    {
        states["content_common"]
            .Rule(Rx(@"@for\b"), "Keyword", "for")
            .Rule(Rx("@(debug|warn|if|each|while|else|return|media)"), "Keyword", "value")
            .Groups(Rx(@"(@mixin)(\s+)(" + Id + ")"), ["Keyword", "Text", "Name.Function"], "value")
            .Groups(Rx(@"(@function)(\s+)(" + Id + ")"), ["Keyword", "Text", "Name.Function"], "value")
            .Rule(Rx(@"@extend\b"), "Keyword", "selector")
            .Groups(Rx(@"(@include)(\s+)(" + Id + ")"), ["Keyword", "Text", "Name.Decorator"], "value")
            .Rule(Rx("@" + Id), "Keyword", "selector")
            .Rule(Rx("&"), "Keyword", "selector")
            .Groups(Rx("([$]" + Id + @")([ \t]*)(:)"), ["Name.Variable", "Text", "Punctuation"], "value");

        states["value"]
            .Mixin("end_section")
            .Rule(Rx(@"[ \t]+"), "Text")
            .Rule(Rx("[$]" + Id), "Name.Variable")
            .Rule(Rx("url[(]"), "Literal.String.Other", "string_url")
            .Rule(Rx(Id + @"(?=\s*[(])"), "Name.Function")
            .Rule(Rx("%" + Id), "Name.Decorator")
            .Rule(Rx(@"(true|false)\b"), "Name.Builtin.Pseudo")
            .Rule(Rx(@"(and|or|not)\b"), "Operator.Word")
            .Rule(Rx("#[a-z0-9]{1,6}", i: true), "Literal.Number.Hex")
            .Rule(Rx(@"-?\d+(%|[a-z]+)?"), "Literal.Number")
            .Rule(Rx(@"-?\d*\.\d+(%|[a-z]+)?"), "Literal.Number.Integer")
            .Mixin("has_strings")
            .Mixin("has_interp")
            .Rule(Rx(@"[~^*!&%<>\|+=@:,.\/?-]+"), "Operator")
            .Rule(Rx(@"[\[\]()]+"), "Punctuation")
            .Rule(Rx("/[*]"), "Comment.Multiline", "inline_comment")
            .Rule(Rx(@"//[^\n]*"), "Comment.Single")
            .Rule(Rx(Id), r => r.Token(Css.Builtins.Contains(r[0]!) ? "Name.Builtin" : Css.Constants.Contains(r[0]!) ? "Name.Constant" : "Name"));

        states["has_interp"].Rule(Rx("[#][{]"), "Literal.String.Interpol", "interpolation");
        states["has_strings"]
            .Rule(Rx("\""), "Literal.String.Double", "dq")
            .Rule(Rx("'"), "Literal.String.Single", "sq");
        states["interpolation"].Rule(Rx("}"), "Literal.String.Interpol", "#pop").Mixin("value");

        states["selector"]
            .Mixin("end_section")
            .Mixin("has_strings")
            .Mixin("has_interp")
            .Rule(Rx(@"[ \t]+"), "Text")
            .Rule(Rx(":"), "Name.Decorator", "pseudo_class")
            .Rule(Rx("[.]"), "Name.Class", "class")
            .Rule(Rx("#"), "Name.Namespace", "id")
            .Rule(Rx("%"), "Name.Variable", "placeholder")
            .Rule(Rx(Id), "Name.Tag")
            .Rule(Rx("&"), "Keyword")
            .Rule(Rx(@"[~^*!&\[\]()<>\|+=@:;,.\/?-]"), "Operator");

        states["dq"]
            .Rule(Rx("\""), "Literal.String.Double", "#pop")
            .Mixin("has_interp")
            .Rule(Rx(@"(\\.|#(?![{])|[^\n""#])+"), "Literal.String.Double");
        states["sq"]
            .Rule(Rx("'"), "Literal.String.Single", "#pop")
            .Mixin("has_interp")
            .Rule(Rx(@"(\\.|#(?![{])|[^\n'#])+"), "Literal.String.Single");
        states["string_url"]
            .Rule(Rx("[)]"), "Literal.String.Other", "#pop")
            .Rule(Rx(@"(\\.|#(?![{])|[^\n)#])+"), "Literal.String.Other")
            .Mixin("has_interp");

        states["selector_piece"].Mixin("has_interp").Rule(Rx(""), r => r.Pop());
        states["pseudo_class"].Rule(Rx(Id), "Name.Decorator").Mixin("selector_piece");
        states["class"].Rule(Rx(Id), "Name.Class").Mixin("selector_piece");
        states["id"].Rule(Rx(Id), "Name.Namespace").Mixin("selector_piece");
        states["placeholder"].Rule(Rx(Id), "Name.Variable").Mixin("selector_piece");
        states["for"].Rule(Rx("(from|to|through)"), "Operator.Word").Mixin("value");

        states["attr_common"]
            .Mixin("has_interp")
            .Rule(Rx(Id), r => r.Token(Css.Attributes.Contains(r[0]!) ? "Name.Label" : "Name.Attribute"));
        states["attribute"]
            .Mixin("attr_common")
            .Groups(Rx(@"([ \t]*)(:)"), ["Text", "Punctuation"], "value");

        states["inline_comment"]
            .Rule(Rx(@"(\\#|#(?=[^\n{])|\*(?=[^\n\/])|[^\n#*])+"), "Comment.Multiline")
            .Mixin("has_interp")
            .Rule(Rx("[*]/"), "Comment.Multiline", "#pop");
    }
}

/// <summary>rouge 3.30's <c>Scss</c> lexer (<c>scss</c>), rule for rule.</summary>
public sealed class Scss : SassCommon
{
    public override string Tag => "scss";

    protected override void DefineStates(StateTable states)
    {
        base.DefineStates(states);
        states["root"]
            .Rule(Rx(@"\s+"), "Text")
            .Rule(Rx("//.*?$"), "Comment.Single")
            .Rule(Rx("/[*].*?[*]/", m: true), "Comment.Multiline")
            .Rule(Rx(@"@import\b"), "Keyword", "value")
            .Mixin("content_common")
            .Rule(Rx("(?=[^;{}][;}])"), r => r.Push("attribute"))
            .Rule(Rx("(?=[^;{}:\\[]+:[^a-z])"), r => r.Push("attribute"))
            .Rule(Rx(""), r => r.Push("selector"));

        states["end_section"]
            .Rule(Rx(@"\n"), "Text")
            .Rule(Rx("[;{}]"), r => { r.Token("Punctuation"); r.ResetStack(); });
    }
}
