using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>TeX</c> lexer (<c>tex</c>, <c>latex</c>), rule for rule.</summary>
public sealed class Tex : RegexLexer
{
    public override string Tag => "tex";
    public override IReadOnlyList<string> Aliases { get; } = ["latex"];

    private const string Command = @"\\([a-z]+|\s+|.)";

    protected override void DefineStates(StateTable states)
    {
        states["general"]
            .Rule(Rx("%.*$"), "Comment")
            .Rule(Rx("[{}&_^]"), "Punctuation");

        states["root"]
            .Rule(Rx(@"\\\["), "Punctuation", "displaymath")
            .Rule(Rx(@"\\\("), "Punctuation", "inlinemath")
            .Rule(Rx(@"\$\$"), "Punctuation", "displaymath")
            .Rule(Rx(@"\$"), "Punctuation", "inlinemath")
            .Rule(Rx(@"\\(begin|end)\{.*?\}"), "Name.Tag")
            .Groups(Rx(@"(\\verb)\b(\S)(.*?)(\2)"), ["Name.Builtin", "Keyword.Pseudo", "Literal.String.Other", "Keyword.Pseudo"])
            .Rule(Rx(Command, i: true), "Keyword", "command")
            .Mixin("general")
            .Rule(Rx(@"[^\\$%&_^{}]+"), "Text");

        states["math"]
            .Rule(Rx(Command, i: true), "Name.Variable")
            .Mixin("general")
            .Rule(Rx("[0-9]+"), "Literal.Number")
            .Rule(Rx(@"[-=!+*\/()\[\]]"), "Operator")
            .Rule(Rx(@"[^=!+*\/()\[\]\\$%&_^{}0-9-]+"), "Name.Builtin");

        states["inlinemath"]
            .Rule(Rx(@"\\\)"), "Punctuation", "#pop")
            .Rule(Rx(@"\$"), "Punctuation", "#pop")
            .Mixin("math");

        states["displaymath"]
            .Rule(Rx(@"\\\]"), "Punctuation", "#pop")
            .Rule(Rx(@"\$\$"), "Punctuation", "#pop")
            .Rule(Rx(@"\$"), "Name.Builtin")
            .Mixin("math");

        states["command"]
            .Rule(Rx(@"\[.*?\]"), "Name.Attribute")
            .Rule(Rx(@"\*"), "Keyword")
            .Rule(Rx(""), r => r.Pop());
    }
}
