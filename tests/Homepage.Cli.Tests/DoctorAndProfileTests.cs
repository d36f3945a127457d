using Homepage.Cli;

namespace Homepage.Cli.Tests;

/// <summary>
/// <c>homepage doctor</c> and <c>homepage build --profile</c> against what the reference Jekyll printed for the same
/// sites (Doctor/*.stdout|stderr|status and Profile/expected.txt, made by regen-expected.sh).
/// </summary>
public sealed class DoctorAndProfileTests
{
    private static readonly string Here = Path.Combine(FindRoot(), "tests", "Homepage.Cli.Tests");

    public static IEnumerable<object[]> DoctorCases() =>
        Directory.EnumerateDirectories(Path.Combine(Here, "Doctor")).Select(d => new object[] { Path.GetFileName(d) });

    [Theory]
    [MemberData(nameof(DoctorCases))]
    public void Doctor_prints_what_jekyll_doctor_prints(string name)
    {
        var copy = CopyToTemp(Path.Combine(Here, "Doctor", name));
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = CommandLine.Run(["doctor", "-s", copy, "-d", Path.Combine(copy, "_site")], stdout, stderr);
            var expected = Path.Combine(Here, "Doctor", name);
            Assert.Equal(int.Parse(File.ReadAllText(expected + ".status").Trim()), code);
            Assert.Equal(File.ReadAllText(expected + ".stdout"), stdout.ToString().Replace(copy, "SOURCE"));
            Assert.Equal(File.ReadAllText(expected + ".stderr"), stderr.ToString().Replace(copy, "SOURCE"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Doctor_counts_a_plugin_homepage_lacks_as_a_problem()
    {
        var copy = CopyToTemp(Path.Combine(Here, "Doctor", "healthy"));
        try
        {
            File.AppendAllText(Path.Combine(copy, "_config.yml"), "plugins: [jekyll-no-such-plugin]\n");
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(1, CommandLine.Run(["doctor", "-s", copy], stdout, stderr));
            Assert.Contains("jekyll-no-such-plugin is not supported", stderr.ToString());
            Assert.DoesNotContain("Everything looks fine", stdout.ToString());
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Profile_prints_jekylls_render_stats_for_the_same_files()
    {
        var copy = CopyToTemp(Path.Combine(Here, "Profile", "site"));
        try
        {
            var stdout = new StringWriter();
            var code = CommandLine.Run(["build", "--profile", "-s", copy, "-d", Path.Combine(copy, "_site")], stdout, new StringWriter());
            Assert.Equal(0, code);
            var output = stdout.ToString();
            var phases = Table(output, "Build Process Summary:");
            Assert.Equal(["PHASE", "RESET", "READ", "GENERATE", "RENDER", "CLEANUP", "WRITE", "TOTAL TIME"], phases.Select(r => r[0]));
            Assert.All(phases.Skip(1), r => Assert.Matches(@"^\d+\.\d{4}$", r[1]));

            var expected = Table(File.ReadAllText(Path.Combine(Here, "Profile", "expected.txt")), "Site Render Stats:");
            var actual = Table(output, "Site Render Stats:");
            // The rows are ordered by time, which differs from run to run: compare file, count and bytes as sets.
            static IEnumerable<string> Key(List<string[]> rows) => rows.Select(r => string.Join("|", r[0], r[1], r[2])).Order(StringComparer.Ordinal);
            Assert.Equal(Key(expected), Key(actual));
            Assert.Equal(expected[^1][0], actual[^1][0]); // TOTAL (for N files), last
            Assert.All(actual.Skip(1), r => Assert.Matches(@"^\d+\.\d{3}$", r[3]));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>The table printed after <paramref name="title"/>: its rows' cells (header first), checking the separator line.</summary>
    private static List<string[]> Table(string text, string title)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == title);
        Assert.True(start >= 0, $"no '{title}' in:\n{text}");
        Assert.Equal("", lines[start + 1]);
        var rows = new List<string[]>();
        var header = lines[start + 2];
        Assert.StartsWith("| ", header);
        Assert.Matches(@"^\+(-+\+)+$", lines[start + 3]);
        rows.Add(Cells(header));
        for (var i = start + 4; i < lines.Length && lines[i].StartsWith("| ", StringComparison.Ordinal); i++) rows.Add(Cells(lines[i]));
        return rows;
    }

    private static string[] Cells(string line) => line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    private static string CopyToTemp(string source)
    {
        var target = Path.Combine(Path.GetTempPath(), "homepage-cli-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Homepage.sln"))) return dir.FullName;
        throw new InvalidOperationException("Homepage.sln not found above " + AppContext.BaseDirectory);
    }
}
