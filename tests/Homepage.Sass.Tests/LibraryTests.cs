namespace Homepage.Sass.Tests;

/// <summary>
/// Real libraries from npm (Libraries/sources, fetched by Libraries/regen.sh at pinned versions) compile to what
/// Debian's sassc 3.6.5 makes of them (Libraries/expected, from the same script), in the expanded, compressed and nested
/// styles. An entry listed in Libraries/known-differences.txt may differ in at most the lines it names (the reason
/// beside it); the test fails when it differs more, and when it has become identical (then remove the line).
/// </summary>
public sealed class LibraryTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Libraries");

    public static IEnumerable<object[]> Entries() =>
        File.ReadAllLines(Path.Combine(Folder, "entries.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SelectMany(p => new[] { "expanded", "compressed", "nested" }.Select(style => new object[] { p[0], p[1], style }));

    [Theory]
    [MemberData(nameof(Entries))]
    public void Compiles_as_sassc_does(string entry, string loadPath, string style)
    {
        var input = Path.Combine(Folder, entry);
        var css = SassCompiler.Compile(File.ReadAllText(input), new SassOptions
        {
            Style = Enum.Parse<SassOutputStyle>(style, ignoreCase: true),
            InputPath = input,
            LoadPaths = loadPath == "-" ? [] : [Path.Combine(Folder, loadPath)],
        }).Css;
        var name = Path.GetFileNameWithoutExtension(entry);
        // read as bytes: File.ReadAllText would drop the byte-order mark libsass writes before non-ASCII compressed CSS
        var expected = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Folder, "expected", $"{name}.{style}.css")));
        var allowed = KnownDifferences().GetValueOrDefault($"{name}.{style}");
        if (allowed == 0)
        {
            Assert.Equal(expected, css);
            return;
        }
        var differing = DifferingLines(expected, css, style == "compressed");
        Assert.True(differing > 0, $"{name}.{style} is now identical to sassc: remove it from known-differences.txt");
        Assert.True(differing <= allowed, $"{name}.{style}: {differing} lines differ from sassc, more than the {allowed} known");
    }

    public static IEnumerable<object[]> CompressedEntries() => Entries().Where(e => (string)e[2] == "compressed").Select(e => new[] { e[0], e[1] });

    /// <summary>The compressed CSS's source map is the one sassc -m writes (expected/maps), but for the mappings an entry of
    /// known-differences.txt (<c>NAME.map COUNT</c>) allows: mappings of one map the other lacks, counted both ways.</summary>
    [Theory]
    [MemberData(nameof(CompressedEntries))]
    public void Source_map_as_sassc_writes_it(string entry, string loadPath)
    {
        var input = Path.Combine(Folder, entry);
        var name = Path.GetFileNameWithoutExtension(entry);
        var expectedPath = Path.Combine(Folder, "expected", "maps", $"{name}.compressed.css.map");
        var map = SassCompiler.Compile(File.ReadAllText(input), new SassOptions
        {
            Style = SassOutputStyle.Compressed,
            InputPath = input,
            LoadPaths = loadPath == "-" ? [] : [Path.Combine(Folder, loadPath)],
            SourceMap = true,
            OutputPath = expectedPath[..^".map".Length],
        }).SourceMap!;
        var expected = File.ReadAllText(expectedPath);
        var allowed = KnownDifferences().GetValueOrDefault($"{name}.map");
        if (allowed == 0)
        {
            Assert.Equal(expected, map);
            return;
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in Mappings(expected)) counts[m] = counts.GetValueOrDefault(m) + 1;
        foreach (var m in Mappings(map)) counts[m] = counts.GetValueOrDefault(m) - 1;
        var differing = counts.Values.Sum(Math.Abs);
        Assert.True(differing > 0, $"{name}.map is now identical to sassc's: remove it from known-differences.txt");
        Assert.True(differing <= allowed, $"{name}.map: {differing} mappings differ from sassc's, more than the {allowed} known");
    }

    /// <summary>A map's mappings decoded: output line and column, source index, line and column.</summary>
    private static IEnumerable<string> Mappings(string map)
    {
        var text = System.Text.Json.JsonDocument.Parse(map).RootElement.GetProperty("mappings").GetString()!;
        const string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int line = 0, file = 0, sourceLine = 0, sourceColumn = 0;
        foreach (var row in text.Split(';'))
        {
            var column = 0;
            foreach (var segment in row.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var fields = new List<int>();
                int value = 0, shift = 0;
                foreach (var c in segment)
                {
                    var digit = digits.IndexOf(c);
                    value += (digit & 31) << shift;
                    shift += 5;
                    if ((digit & 32) != 0) continue;
                    fields.Add((value & 1) == 1 ? -(value >> 1) : value >> 1);
                    value = shift = 0;
                }
                column += fields[0];
                file += fields[1];
                sourceLine += fields[2];
                sourceColumn += fields[3];
                yield return $"{line}:{column} {file}:{sourceLine}:{sourceColumn}";
            }
            line++;
        }
    }

    /// <summary>known-differences.txt: <c>NAME.STYLE LINES reason</c>.</summary>
    private static Dictionary<string, int> KnownDifferences() =>
        File.ReadAllLines(Path.Combine(Folder, "known-differences.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => int.Parse(p[1]));

    /// <summary>Lines of one output that the other lacks, counted both ways (compressed output is cut at each <c>}</c>).</summary>
    private static int DifferingLines(string expected, string actual, bool compressed)
    {
        string[] Lines(string css) => compressed ? css.Split('}') : css.Split('\n');
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in Lines(expected)) counts[line] = counts.GetValueOrDefault(line) + 1;
        foreach (var line in Lines(actual)) counts[line] = counts.GetValueOrDefault(line) - 1;
        return counts.Values.Sum(Math.Abs);
    }
}
