using System.Text.Json;
using Xunit.Abstractions;

namespace Homepage.Liquid.Tests;

/// <summary>
/// The golden-liquid suite, measured against the reference: every case Debian's Liquid 5.4.0 passes must pass here,
/// except those in <c>known-misses.txt</c> (each with its reason). Runs the plain Liquid dialect in strict mode, as the
/// reference results were recorded; Jekyll's include, where, sort and find and its warn mode are measured by the site fixtures.
/// </summary>
public sealed class GoldenLiquidTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Conformance", "golden-liquid");
    private readonly ITestOutputHelper _output;

    public GoldenLiquidTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Passes_what_the_reference_passes()
    {
        using var suite = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "golden_liquid.json")));
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "debian-liquid-5.4.0.results.json")));
        var knownMisses = File.ReadAllLines(Path.Combine(Folder, "known-misses.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToHashSet(StringComparer.Ordinal);

        var passed = 0;
        var referenceCases = 0;
        var unexpected = new List<string>();
        var nowPassing = new List<string>();
        var misses = new List<(string Name, string Detail)>();
        foreach (var testCase in suite.RootElement.GetProperty("tests").EnumerateArray())
        {
            var name = testCase.GetProperty("name").GetString()!;
            if (!reference.RootElement.TryGetProperty(name, out var r) || !r.GetBoolean()) continue;
            referenceCases++;
            var (ok, detail) = Run(testCase);
            if (ok) passed++;
            if (!ok && !knownMisses.Contains(name)) unexpected.Add($"{name}: {detail}");
            if (ok && knownMisses.Contains(name)) nowPassing.Add(name);
            if (!ok) misses.Add((name, detail));
        }
        // LIQUID_DUMP=FILE writes every miss with what went wrong; LIQUID_MISSES=FILE writes the names, as known-misses.txt wants them.
        if (Environment.GetEnvironmentVariable("LIQUID_DUMP") is { Length: > 0 } dump)
            File.WriteAllLines(dump, misses.Select(m => (m.Name + ": " + m.Detail).ReplaceLineEndings("\\n")));
        if (Environment.GetEnvironmentVariable("LIQUID_MISSES") is { Length: > 0 } missesFile)
            File.WriteAllLines(missesFile, misses.Select(m => m.Name));
        _output.WriteLine($"golden-liquid: {passed} of the {referenceCases} cases the reference passes ({knownMisses.Count} known misses)");
        foreach (var u in unexpected) _output.WriteLine("  unexpected miss: " + u);
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} cases fail that are not in known-misses.txt:\n" + string.Join("\n", unexpected.Take(40)));
        Assert.True(nowPassing.Count == 0, "these now pass; remove them from known-misses.txt:\n" + string.Join("\n", nowPassing));
    }

    private static (bool Ok, string Detail) Run(JsonElement testCase)
    {
        var host = new DefaultJekyllHost();
        if (testCase.TryGetProperty("templates", out var templates))
            foreach (var t in templates.EnumerateObject()) host.Includes[t.Name] = t.Value.GetString()!;
        var environment = new LiquidEnvironment(new LiquidEnvironmentOptions { Host = host, TimeZone = TimeZoneInfo.Utc, Dialect = LiquidDialect.Liquid, ErrorMode = "strict" });
        var data = testCase.TryGetProperty("data", out var d) ? (IDictionary<string, object?>)FromJson(d)! : new Dictionary<string, object?>();
        var invalid = testCase.TryGetProperty("invalid", out var inv) && inv.GetBoolean();
        string? output;
        try
        {
            var template = environment.Parse(testCase.GetProperty("template").GetString()!, "case");
            output = template.Render(data.ToDictionary(kv => kv.Key, kv => kv.Value));
        }
        catch (LiquidException e)
        {
            return invalid ? (true, "") : (false, "error: " + e.Message);
        }
        catch (Exception e)
        {
            return (false, "crash: " + e.GetType().Name + ": " + e.Message);
        }
        if (invalid) return (false, "rendered instead of failing: " + output);
        var expected = testCase.TryGetProperty("results", out var results)
            ? results.EnumerateArray().Select(x => x.GetString()!).ToList()
            : [testCase.GetProperty("result").GetString()!];
        return expected.Contains(output) ? (true, "") : (false, $"got {JsonSerializer.Serialize(output)} expected {JsonSerializer.Serialize(expected[0])}");
    }

    private static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Aggregate(new OrderedDictionary<string, object?>(), (h, p) => { h[p.Name] = FromJson(p.Value); return h; }),
        JsonValueKind.Array => e.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
