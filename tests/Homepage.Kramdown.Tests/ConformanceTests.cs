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
                if (!ok && Environment.GetEnvironmentVariable("KRAMDOWN_DUMP") is { Length: > 0 } dump)
                {
                    var target = Path.Combine(dump, name.Replace('/', '_') + ".actual.html");
                    File.WriteAllText(target, actual);
                }
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
    internal static KramdownOptions Options(string textFile, string input)
    {
        var raw = new Dictionary<string, object?> { ["auto_ids"] = false, ["footnote_nr"] = 1L };
        var file = Path.ChangeExtension(textFile, ".options");
        if (!File.Exists(file)) file = Path.Combine(Path.GetDirectoryName(textFile)!, "options");
        if (File.Exists(file))
        {
            var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object?>(File.ReadAllText(file));
            if (yaml is IDictionary<object, object?> map)
            {
                raw.Clear();
                foreach (var (k, v) in map) raw[k.ToString()!.TrimStart(':')] = Plain(v);
            }
        }
        var options = KramdownOptions.From(raw);
        options.Input = input;
        options.Highlighter = Homepage.Engine.Rendering.RougeHighlighter.Instance;
        return options;
    }

    /// <summary>YAML values as the engine's YAML gives them: booleans, integers, strings, lists, hashes.</summary>
    private static object? Plain(object? value) => value switch
    {
        IDictionary<object, object?> map => map.ToDictionary(p => p.Key.ToString()!.TrimStart(':'), p => Plain(p.Value)),
        IList<object?> list => list.Select(Plain).ToList(),
        "true" => true,
        "false" => false,
        "~" or "null" => null,
        string s when long.TryParse(s, out var n) => n,
        _ => value,
    };
}
