using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>INI</c> lexer (<c>ini</c>), rule for rule.</summary>
public sealed class Ini : RegexLexer
{
    public override string Tag => "ini";

    protected override void DefineStates(StateTable states)
    {
        states["basic"]
            .Rule(Rx(@"[;#].*?\n"), "Comment")
            .Rule(Rx(@"\s+"), "Text")
            .Rule(Rx(@"\\\n"), "Literal.String.Escape");

        states["root"]
            .Mixin("basic")
            .Groups(Rx(@"([\w\-.]+)(\s*)(=)"), ["Name.Property", "Text", "Punctuation"], "value")
            .Rule(Rx(@"\[.*?\]"), "Name.Namespace");

        states["value"]
            .Rule(Rx(@"\n"), "Text", "#pop")
            .Mixin("basic")
            .Rule(Rx("\""), "Literal.String", "dq")
            .Rule(Rx("'.*?'"), "Literal.String")
            .Mixin("esc_str")
            .Rule(Rx(@"[^\\\n]+"), "Literal.String");

        states["dq"]
            .Rule(Rx("\""), "Literal.String", "#pop")
            .Mixin("esc_str")
            .Rule(Rx(@"[^\\""]+", m: true), "Literal.String");

        states["esc_str"].Rule(Rx(@"\\.", m: true), "Literal.String.Escape");
    }
}
