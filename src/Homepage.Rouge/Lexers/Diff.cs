using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Diff</c> lexer (<c>diff</c>, <c>patch</c>, <c>udiff</c>), rule for rule.</summary>
public sealed class Diff : RegexLexer
{
    public override string Tag => "diff";
    public override IReadOnlyList<string> Aliases { get; } = ["patch", "udiff"];

    protected override void DefineStates(StateTable states) =>
        states["root"]
            .Rule(Rx(@"^ .*$\n?"), "Text")
            .Rule(Rx(@"^---$\n?"), "Punctuation")
            .Rule(Rx(@"^[+>]+.*$\n?"), "Generic.Inserted")
            .Rule(Rx(@"^\+.*$\n?"), "Generic.Inserted")
            .Rule(Rx(@"^[-<]+.*$\n?"), "Generic.Deleted")
            .Rule(Rx(@"^!.*$\n?"), "Generic.Strong")
            .Rule(Rx(@"^([Ii]ndex|diff).*$\n?"), "Generic.Heading")
            .Groups(Rx(@"^(@@[^@]*@@)([^\n]*\n)"), ["Punctuation", "Text"])
            .Rule(Rx(@"^\w.*$\n?"), "Punctuation")
            .Rule(Rx(@"^=.*$\n?"), "Generic.Heading")
            .Rule(Rx(@"\s.*$\n?"), "Text");
}
