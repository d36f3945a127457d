using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Java</c> lexer (<c>java</c>), rule for rule.</summary>
public sealed class Java : RegexLexer
{
    public override string Tag => "java";

    private const string Keywords = "assert|break|case|catch|continue|default|do|else|finally|for|if|goto|instanceof|new|return|switch|this|throw|try|while";
    private const string Declarations = "abstract|const|enum|extends|final|implements|native|private|protected|public|static|strictfp|super|synchronized|throws|transient|volatile";
    private const string Types = "boolean|byte|char|double|float|int|long|short|var|void";
    private const string Id = "[[:alpha:]_][[:word:]]*";
    private const string Digit = "(?:[0-9]_+[0-9]|[0-9])";

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Rule(Rx(@"[^\S\n]+"), "Text")
            .Rule(Rx("//.*?$"), "Comment.Single")
            .Rule(Rx(@"/\*.*?\*/", m: true), "Comment.Multiline")
            .Rule(Rx("(?:" + Keywords + @")\b"), "Keyword")
            .Rule(Rx("""
                (\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?) # return arguments
                ([a-zA-Z_][a-zA-Z0-9_]*)                  # method name
                (\s*)(\()                                 # signature start
                """, m: true, x: true), r =>
            {
                var args = r[1];
                var name = r[2];
                var space = r[3];
                var paren = r[4];
                r.Delegate(this, args);
                r.Token("Name.Function", name);
                r.Token("Text", space);
                r.Token("Operator", paren);
            })
            .Rule(Rx("@" + Id), "Name.Decorator")
            .Rule(Rx("(?:" + Declarations + @")\b"), "Keyword.Declaration")
            .Rule(Rx("(?:" + Types + @")\b"), "Keyword.Type")
            .Rule(Rx(@"(?:true|false|null)\b"), "Keyword.Constant")
            .Rule(Rx(@"(?:class|interface)\b"), "Keyword.Declaration", "class")
            .Rule(Rx(@"(?:import|package)\b"), "Keyword.Namespace", "import")
            .Rule(Rx(@"""(\\\\|\\""|[^""])*"""), "Literal.String")
            .Rule(Rx(@"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'"), "Literal.String.Char")
            .Groups(Rx(@"(\.)(" + Id + ")"), ["Operator", "Name.Attribute"])
            .Rule(Rx(Id + ":"), "Name.Label")
            .Rule(Rx(@"[[:upper:]][[:upper:][:digit:]_]*\b"), "Name.Constant")
            .Rule(Rx(@"[[:upper:]][[:alnum:]]*\b"), "Name.Class")
            .Rule(Rx(@"\$?" + Id), "Name")
            .Rule(Rx(@"[~^*!%&\[\](){}<>\|+=:;,.\/?-]"), "Operator")
            .Rule(Rx(Digit + @"+\." + Digit + "+([eE]" + Digit + "+)?[fd]?"), "Literal.Number.Float")
            .Rule(Rx("0b(?:[01]_+[01]|[01])+", i: true), "Literal.Number.Bin")
            .Rule(Rx("0x(?i:[0-9a-f]_+[0-9a-f]|[0-9a-f])+", i: true), "Literal.Number.Hex")
            .Rule(Rx("0(?:[0-7]_+[0-7]|[0-7])+"), "Literal.Number.Oct")
            .Rule(Rx(Digit + "+L?"), "Literal.Number.Integer")
            .Rule(Rx(@"\n"), "Text");

        states["class"]
            .Rule(Rx(@"\s+", m: true), "Text")
            .Rule(Rx(Id), "Name.Class", "#pop");

        states["import"]
            .Rule(Rx(@"\s+", m: true), "Text")
            .Rule(Rx(@"[a-z0-9_.]+\*?", i: true), "Name.Namespace", "#pop");
    }
}
