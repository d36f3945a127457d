using System.Diagnostics;
using Homepage.Engine.Reading;
using Homepage.Engine.Yaml;
using Homepage.Liquid;
using Xunit.Abstractions;

namespace Homepage.Fuzz.Tests;

/// <summary>
/// Seeded fuzzing of the parsers with mutated real inputs (the fixture sites' files): each input must either succeed
/// or fail with the parser's own reported error, and none may take long. The seed and the count are printed; a failure
/// names the input so it can be replayed. HOMEPAGE_FUZZ_COUNT and HOMEPAGE_FUZZ_SEED override the defaults.
/// </summary>
public sealed class FuzzTests
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("HOMEPAGE_FUZZ_COUNT"), out var c) ? c : 100_000;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("HOMEPAGE_FUZZ_SEED"), out var s) ? s : 20261124;
    private static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(2);

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    private static List<string> Corpus(params string[] extensions)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Homepage.sln"))) root = Path.GetDirectoryName(root)!;
        var folders = new[] { Path.Combine(root, "tests", "Sites"), Path.Combine(root, "_sass"), Path.Combine(root, "tests", "Homepage.Sass.Tests", "Samples") };
        return folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "_expected" + Path.DirectorySeparatorChar))
            .Where(f => extensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Where(t => t.Length < 20_000)
            .ToList();
    }

    private void Run(string name, List<string> corpus, Action<string> parse, Func<Exception, bool> reported)
    {
        Assert.NotEmpty(corpus);
        var mutator = new Mutator(Seed);
        var random = new Random(Seed);
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        // A hang never returns, so a watchdog reports the input and ends the run instead of waiting for CI's limit.
        var current = (Index: -1, Input: "", Started: TimeSpan.Zero);
        using var watchdog = new Timer(_ =>
        {
            var snapshot = current;
            if (snapshot.Index >= 0 && clock.Elapsed - snapshot.Started > TimeSpan.FromSeconds(30))
            {
                Console.Error.WriteLine($"{name}: input {snapshot.Index} (seed {Seed}) hangs\n--- input ---\n{snapshot.Input}");
                Environment.Exit(3);
            }
        }, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        for (var i = 0; i < Count; i++)
        {
            var input = mutator.Mutate(corpus[random.Next(corpus.Count)]);
            var started = clock.Elapsed;
            current = (i, input, started);
            try
            {
                parse(input);
            }
            catch (Exception e) when (reported(e))
            {
                errors++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{name}: input {i} (seed {Seed}) crashed with {e.GetType().Name}: {e.Message}\n--- input ---\n{input}");
            }
            var took = clock.Elapsed - started;
            if (took > slowest) slowest = took;
            Assert.True(took < SlowInput, $"{name}: input {i} (seed {Seed}) took {took.TotalMilliseconds:F0} ms\n--- input ---\n{input}");
        }
        current = (-1, "", TimeSpan.Zero);
        _output.WriteLine($"{name}: {Count} inputs, seed {Seed}, {errors} reported errors, 0 crashes, slowest {slowest.TotalMilliseconds:F1} ms, {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void Front_matter_and_yaml_reader()
    {
        Run("front matter", Corpus(".md", ".html", ".yml", ".yaml"), input =>
        {
            var parsed = FrontMatter.Parse(input);
            if (parsed.Error is null && input.Length < 5000) RubyYaml.Load(input.Replace("---", ""));
        }, e => e is YamlLoadException);
    }

    [Fact]
    public void Liquid_parser_and_renderer()
    {
        var host = new DefaultJekyllHost();
        host.Includes["card.html"] = "{{ include.title }}";
        var environment = new LiquidEnvironment(new LiquidEnvironmentOptions { Host = host, TimeZone = TimeZoneInfo.Utc });
        var globals = new Dictionary<string, object?>
        {
            ["site"] = new Dictionary<string, object?> { ["title"] = "T", ["posts"] = new List<object?> { new Dictionary<string, object?> { ["title"] = "p" } } },
            ["page"] = new Dictionary<string, object?> { ["title"] = "x", ["tags"] = new List<object?> { "a", "b" } },
        };
        Run("liquid", Corpus(".md", ".html", ".xml"), input => environment.Parse(input, "fuzz").Render(globals), e => e is LiquidException);
    }

    [Fact]
    public void Scss_compiler()
    {
        Run("scss", Corpus(".scss"), input => Homepage.Sass.SassCompiler.Compile(input, new Homepage.Sass.SassOptions { Style = Homepage.Sass.SassOutputStyle.Compressed }),
            e => e is Homepage.Sass.SassException);
    }

    [Fact]
    public void Markdown_converter()
    {
        var options = Homepage.Kramdown.KramdownOptions.FromJekyll(null);
        Run("markdown", Corpus(".md", ".text"), input => Homepage.Kramdown.KramdownConverter.ToHtml(input, options), _ => false);
    }
}
