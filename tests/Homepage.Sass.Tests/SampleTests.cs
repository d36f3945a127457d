namespace Homepage.Sass.Tests;

/// <summary>Each sample compiles byte-identical to sassc 3.6.5 (goldens from regen-goldens.sh).</summary>
public sealed class SampleTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Samples");

    public static IEnumerable<object[]> Samples() =>
        Directory.EnumerateFiles(Folder, "*.*").Where(f => f.EndsWith(".scss") || f.EndsWith(".sass"))
            .Select(Path.GetFileName).OfType<string>().Order().Select(n => new object[] { n });

    public static IEnumerable<object[]> SamplesAndStyles() =>
        Samples().SelectMany(s => new[] { SassOutputStyle.Compressed, SassOutputStyle.Compact, SassOutputStyle.Expanded, SassOutputStyle.Nested }.Select(style => new[] { s[0], style }));

    [Theory]
    [MemberData(nameof(SamplesAndStyles))]
    public void Output_matches_sassc(string sample, SassOutputStyle style)
    {
        var path = Path.Combine(Folder, sample);
        var syntax = path.EndsWith(".sass", StringComparison.Ordinal) ? SassSyntax.Sass : SassSyntax.Scss;
        var result = SassCompiler.Compile(File.ReadAllText(path), new SassOptions { Style = style, InputPath = path, Syntax = syntax });
        Assert.Equal(Read(Path.ChangeExtension(path, "." + style.ToString().ToLowerInvariant() + ".css")), result.Css);
    }

    /// <summary>With a source map, as sassc -m writes it beside the CSS in maps/: the CSS ends with its sourceMappingURL,
    /// the map lists the sources relative to it and maps every token libsass maps.</summary>
    /// <summary>The SCSS samples and styles (an indented-syntax source maps to its SCSS translation's places, which are
    /// the same but for a call with interpolations on the file's last line).</summary>
    public static IEnumerable<object[]> ScssSamplesAndStyles() => SamplesAndStyles().Where(s => ((string)s[0]).EndsWith(".scss"));

    [Theory]
    [MemberData(nameof(ScssSamplesAndStyles))]
    public void Source_map_matches_sassc(string sample, SassOutputStyle style)
    {
        var path = Path.Combine(Folder, sample);
        var syntax = path.EndsWith(".sass", StringComparison.Ordinal) ? SassSyntax.Sass : SassSyntax.Scss;
        var output = Path.Combine(Folder, "maps", Path.GetFileNameWithoutExtension(sample) + "." + style.ToString().ToLowerInvariant() + ".css");
        var result = SassCompiler.Compile(File.ReadAllText(path), new SassOptions
        {
            Style = style, InputPath = path, Syntax = syntax, SourceMap = true, OutputPath = output,
        });
        Assert.Equal(Read(output), result.Css);
        if (MapsNotYet().Contains(sample))
        {
            Assert.True(File.ReadAllText(output + ".map") != result.SourceMap, $"{sample}: its map is now identical to sassc's; remove it from maps/not-yet.txt");
            return;
        }
        Assert.Equal(File.ReadAllText(output + ".map"), result.SourceMap);
    }

    /// <summary>Samples whose source maps do not match sassc's yet (maps/not-yet.txt: the sample, then why).</summary>
    private static HashSet<string> MapsNotYet() =>
        File.ReadAllLines(Path.Combine(Folder, "maps", "not-yet.txt")).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2)[0]).ToHashSet();

    /// <summary>A golden as sassc wrote it, a byte-order mark kept (File.ReadAllText would drop it).</summary>
    private static string Read(string path) => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path));

    [Fact]
    public void Errors_name_the_file_and_line()
    {
        var e = Assert.Throws<SassException>(() => SassCompiler.Compile("a {\n  color: $nope;\n}\n", new SassOptions { InputPath = "style.scss" }));
        Assert.Contains("Undefined variable: \"$nope\"", e.Message);
        Assert.Equal(2, e.Line);
        Assert.Equal("style.scss", e.File);
    }
}
