using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>SQL</c> lexer (<c>sql</c>), rule for rule.</summary>
public sealed partial class Sql : RegexLexer
{
    public override string Tag => "sql";

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Rule(Rx(@"\s+", m: true), "Text")
            .Rule(Rx("--.*"), "Comment.Single")
            .Rule(Rx(@"/\*"), "Comment.Multiline", "multiline_comments")
            .Rule(Rx(@"\d+"), "Literal.Number.Integer")
            .Rule(Rx("'"), "Literal.String.Single", "single_string")
            .Rule(Rx("\""), "Name.Variable", "double_string")
            .Rule(Rx("`"), "Name.Variable", "backtick")
            .Rule(Rx(@"\w[\w\d]*"), r =>
            {
                var word = r[0]!.ToUpperInvariant();
                r.Token(KeywordsType.Contains(word) ? "Name.Builtin" : Keywords.Contains(word) ? "Keyword" : "Name");
            })
            .Rule(Rx("[+*/<>=~!@#%&|?^-]"), "Operator")
            .Rule(Rx(@"[;:()\[\]\{\},.]"), "Punctuation");

        states["multiline_comments"]
            .Rule(Rx("/[*]"), "Comment.Multiline", "multiline_comments")
            .Rule(Rx("[*]/"), "Comment.Multiline", "#pop")
            .Rule(Rx("[^/*]+"), "Comment.Multiline")
            .Rule(Rx("[/*]"), "Comment.Multiline");

        states["backtick"]
            .Rule(Rx(@"\\."), "Literal.String.Escape")
            .Rule(Rx("``"), "Literal.String.Escape")
            .Rule(Rx("`"), "Name.Variable", "#pop")
            .Rule(Rx(@"[^\\`]+"), "Name.Variable");

        states["single_string"]
            .Rule(Rx(@"\\."), "Literal.String.Escape")
            .Rule(Rx("''"), "Literal.String.Escape")
            .Rule(Rx("'"), "Literal.String.Single", "#pop")
            .Rule(Rx(@"[^\\']+"), "Literal.String.Single");

        states["double_string"]
            .Rule(Rx(@"\\."), "Literal.String.Escape")
            .Rule(Rx("\"\""), "Literal.String.Escape")
            .Rule(Rx("\""), "Name.Variable", "#pop")
            .Rule(Rx(@"[^\\""]+"), "Name.Variable");
    }
}
