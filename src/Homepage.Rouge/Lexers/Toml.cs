using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>TOML</c> lexer (<c>toml</c>), rule for rule.</summary>
public sealed class Toml : RegexLexer
{
    public override string Tag => "toml";

    private const string Identifier = @"(?:\S+|""[^""]+""|'[^']+')";

    protected override void DefineStates(StateTable states)
    {
        states["basic"]
            .Rule(Rx(@"\s+"), "Text")
            .Rule(Rx("#.*?$"), "Comment")
            .Rule(Rx("(true|false)"), "Keyword.Constant")
            .Groups(Rx("(" + Identifier + @")(\s*)(=)(\s*)(\{)"), ["Name.Namespace", "Text", "Operator", "Text", "Punctuation"], "inline")
            .Rule(Rx(@"(?<!=)\s*\[[\S]+\]"), "Name.Namespace")
            .Rule(Rx(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"), "Literal.Date")
            .Rule(Rx(@"[+-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?"), "Literal.Number.Float")
            .Rule(Rx(@"[+-]?\d+(?:_\d+)*[eE][+-]?\d+(?:_\d+)*"), "Literal.Number.Float")
            .Rule(Rx("[+-]?(?:nan|inf)"), "Literal.Number.Float")
            .Rule(Rx(@"0x\h+(?:_\h+)*"), "Literal.Number.Hex")
            .Rule(Rx("0o[0-7]+(?:_[0-7]+)*"), "Literal.Number.Oct")
            .Rule(Rx("0b[01]+(?:_[01]+)*"), "Literal.Number.Bin")
            .Rule(Rx(@"[+-]?\d+(?:_\d+)*"), "Literal.Number.Integer");

        states["root"]
            .Mixin("basic")
            .Groups(Rx("(" + Identifier + @")(\s*)(=)"), ["Name.Property", "Text", "Punctuation"], "value");

        states["value"]
            .Rule(Rx(@"\n"), "Text", "#pop")
            .Mixin("content");

        states["content"]
            .Mixin("basic")
            .Groups(Rx("(" + Identifier + @")(\s*)(=)"), ["Name.Property", "Text", "Punctuation"])
            .Rule(Rx("\"\"\""), "Literal.String", "mdq")
            .Rule(Rx("\""), "Literal.String", "dq")
            .Rule(Rx("'''"), "Literal.String", "msq")
            .Rule(Rx("'"), "Literal.String", "sq")
            .Mixin("esc_str")
            .Rule(Rx(@"\,"), "Punctuation")
            .Rule(Rx(@"\["), "Punctuation", "array");

        states["dq"]
            .Rule(Rx("\""), "Literal.String", "#pop")
            .Rule(Rx(@"\n"), "Error", "#pop")
            .Mixin("esc_str")
            .Rule(Rx(@"[^\\""\n]+"), "Literal.String");

        states["mdq"]
            .Rule(Rx("\"\"\""), "Literal.String", "#pop")
            .Mixin("esc_str")
            .Rule(Rx(@"[^\\""]+"), "Literal.String")
            .Rule(Rx("\"+"), "Literal.String");

        states["sq"]
            .Rule(Rx("'"), "Literal.String", "#pop")
            .Rule(Rx(@"\n"), "Error", "#pop")
            .Rule(Rx(@"[^'\n]+"), "Literal.String");

        states["msq"]
            .Rule(Rx("'''"), "Literal.String", "#pop")
            .Rule(Rx("[^']+"), "Literal.String")
            .Rule(Rx("'+"), "Literal.String");

        states["esc_str"].Rule(Rx("\\\\[0t\tn\n \"\\\\r]"), "Literal.String.Escape");

        states["array"]
            .Mixin("content")
            .Rule(Rx(@"\]"), "Punctuation", "#pop");

        states["inline"]
            .Mixin("content")
            .Rule(Rx(@"\}"), "Punctuation", "#pop");
    }
}
