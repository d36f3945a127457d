using Xunit.Abstractions;

namespace Homepage.Sites.Tests;

/// <summary>Every golden site, built by the engine, compared file by file and byte by byte with the reference Jekyll's output.</summary>
public sealed class WholeSiteTests
{
    private readonly ITestOutputHelper _output;

    public WholeSiteTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Sites() => SiteFixture.All().Select(name => new object[] { name });

    [Fact]
    public void There_are_goldens_for_the_homepage_and_fixture_sites()
    {
        var sites = SiteFixture.All().ToList();
        Assert.Contains("homepage", sites);
        Assert.True(sites.Count >= 2, "expected fixture sites besides the homepage, found: " + string.Join(", ", sites));
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void Site_matches_the_reference_build(string name)
    {
        var fixture = new SiteFixture(name);
        var (actualRoot, _) = fixture.Build();
        try
        {
            var known = KnownDifferences.Load();
            var expectedFiles = Files(fixture.Expected);
            var actualFiles = Files(actualRoot);
            var missing = expectedFiles.Except(actualFiles).ToList();
            var extra = actualFiles.Except(expectedFiles).ToList();
            var identical = new List<string>();
            var differing = new List<string>();
            foreach (var file in expectedFiles.Intersect(actualFiles))
            {
                var same = File.ReadAllBytes(Path.Combine(fixture.Expected, file)).AsSpan()
                    .SequenceEqual(File.ReadAllBytes(Path.Combine(actualRoot, file)));
                (same ? identical : differing).Add(file);
            }
            var unexpected = differing.Where(f => !known.ContainsKey(name + "/" + f)).ToList();
            var stale = known.Keys.Where(k => k.StartsWith(name + "/", StringComparison.Ordinal))
                .Select(k => k[(name.Length + 1)..])
                .Where(f => !differing.Contains(f))
                .ToList();
            _output.WriteLine($"{name}: {identical.Count} of {expectedFiles.Count} files identical, {differing.Count} differ ({differing.Count - unexpected.Count} known), {missing.Count} missing, {extra.Count} extra");
            foreach (var f in unexpected) _output.WriteLine("  differs: " + f + "\n" + FirstDifference(Path.Combine(fixture.Expected, f), Path.Combine(actualRoot, f)));
            Assert.True(missing.Count == 0, $"{name}: files the reference writes but we do not: {string.Join(", ", missing)}");
            Assert.True(extra.Count == 0, $"{name}: files we write but the reference does not: {string.Join(", ", extra)}");
            Assert.True(unexpected.Count == 0, $"{name}: files differ from the reference and are not in known-differences.txt: {string.Join(", ", unexpected)}");
            Assert.True(stale.Count == 0, $"{name}: listed in known-differences.txt but identical (or absent) now, remove them: {string.Join(", ", stale)}");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(actualRoot)!, recursive: true);
        }
    }

    private static HashSet<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);

    private static string FirstDifference(string expectedPath, string actualPath)
    {
        var expected = File.ReadAllText(expectedPath);
        var actual = File.ReadAllText(actualPath);
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        string Around(string s) => s.Substring(Math.Max(0, i - 60), Math.Min(s.Length - Math.Max(0, i - 60), 160)).Replace("\n", "\\n");
        return $"    at char {i}\n    expected: {Around(expected)}\n    actual:   {Around(actual)}";
    }
}
