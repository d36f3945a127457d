using Xunit.Abstractions;

namespace Homepage.Kramdown.Tests;

/// <summary>
/// kramdown's own test cases and kramdown-parser-gfm's, measured against the reference: every case Debian's kramdown 2.4.0
/// passes must pass here except those in <c>known-misses.txt</c> (the kramdown port is issue 4; the list shrinks as it lands).
/// </summary>
public sealed class ConformanceTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Conformance");
    private readonly ITestOutputHelper _output;

    public ConformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Passes_what_the_reference_passes()
    {
        var knownMisses = File.ReadAllLines(Path.Combine(Root, "known-misses.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var passed = 0;
        var total = 0;
        var unexpected = new List<string>();
        var nowPassing = new List<string>();
        foreach (var (suite, input) in new[] { ("kramdown", "kramdown"), ("kramdown-parser-gfm", "GFM") })
        {
            var folder = Path.Combine(Root, suite);
            var referenceMisses = File.ReadAllLines(Path.Combine(folder, "debian-kramdown-2.4.0.misses.txt"))
                .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
            foreach (var text in Directory.EnumerateFiles(Path.Combine(folder, "testcases"), "*.text", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var html = Path.ChangeExtension(text, ".html");
                if (!File.Exists(html)) continue;
                var name = suite + "/" + Path.GetRelativePath(folder, text).Replace('\\', '/');
                if (referenceMisses.Any(m => name.EndsWith(m, StringComparison.Ordinal) || m.EndsWith(Path.GetRelativePath(folder, text).Replace('\\', '/'), StringComparison.Ordinal))) continue;
                total++;
                var options = Options(text, input);
                string actual;
                try
                {
                    actual = KramdownConverter.ToHtml(File.ReadAllText(text), options);
                }
                catch (Exception e)
                {
                    actual = "crash: " + e.Message;
                }
                var ok = actual == File.ReadAllText(html);
                if (ok) passed++;
                if (!ok && !knownMisses.Contains(name)) unexpected.Add(name);
                if (ok && knownMisses.Contains(name)) nowPassing.Add(name);
            }
        }
        _output.WriteLine($"kramdown suites: {passed} of the {total} cases the reference passes");
        Assert.True(unexpected.Count == 0, "cases fail that are not in known-misses.txt:\n" + string.Join("\n", unexpected));
        Assert.True(nowPassing.Count == 0, "these now pass; remove them from known-misses.txt:\n" + string.Join("\n", nowPassing));
    }

    /// <summary>The case's options: NAME.options, else the folder's <c>options</c>, else kramdown's test default.</summary>
    private static KramdownOptions Options(string textFile, string input)
    {
        var options = new KramdownOptions { Input = input, AutoIds = false, FootnoteNr = 1 };
        var file = Path.ChangeExtension(textFile, ".options");
        if (!File.Exists(file)) file = Path.Combine(Path.GetDirectoryName(textFile)!, "options");
        if (!File.Exists(file)) return options;
        foreach (var line in File.ReadAllLines(file))
        {
            var parts = line.TrimStart(':').Split(':', 2);
            if (parts.Length != 2) continue;
            var value = parts[1].Trim();
            switch (parts[0].Trim())
            {
                case "auto_ids": options.AutoIds = value == "true"; break;
                case "auto_id_prefix": options.AutoIdPrefix = value; break;
                case "hard_wrap": options.HardWrap = value == "true"; break;
            }
        }
        return options;
    }
}
