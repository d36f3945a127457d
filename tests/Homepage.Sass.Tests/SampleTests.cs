namespace Homepage.Sass.Tests;

/// <summary>Each sample compiles byte-identical to sassc 3.6.5 (goldens from regen-goldens.sh).</summary>
public sealed class SampleTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Samples");

    public static IEnumerable<object[]> Samples() =>
        Directory.EnumerateFiles(Folder, "*.*").Where(f => f.EndsWith(".scss") || f.EndsWith(".sass"))
            .Select(Path.GetFileName).OfType<string>().Order().Select(n => new object[] { n });

    public static IEnumerable<object[]> SamplesAndStyles() =>
        Samples().SelectMany(s => new[] { SassOutputStyle.Compressed, SassOutputStyle.Compact, SassOutputStyle.Expanded }.Select(style => new[] { s[0], style }));

    [Theory]
    [MemberData(nameof(SamplesAndStyles))]
    public void Output_matches_sassc(string sample, SassOutputStyle style)
    {
        var path = Path.Combine(Folder, sample);
        var syntax = path.EndsWith(".sass", StringComparison.Ordinal) ? SassSyntax.Sass : SassSyntax.Scss;
        var result = SassCompiler.Compile(File.ReadAllText(path), new SassOptions { Style = style, InputPath = path, Syntax = syntax });
        Assert.Equal(File.ReadAllText(Path.ChangeExtension(path, "." + style.ToString().ToLowerInvariant() + ".css")), result.Css);
    }

    [Fact]
    public void Errors_name_the_file_and_line()
    {
        var e = Assert.Throws<SassException>(() => SassCompiler.Compile("a {\n  color: $nope;\n}\n", new SassOptions { InputPath = "style.scss" }));
        Assert.Contains("Undefined variable: \"$nope\"", e.Message);
        Assert.Equal(2, e.Line);
        Assert.Equal("style.scss", e.File);
    }
}
