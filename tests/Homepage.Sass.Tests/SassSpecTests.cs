using System.Text;

namespace Homepage.Sass.Tests;

/// <summary>
/// sass-spec, libsass era: every spec Debian's sassc 3.6.5 passes (expanded style, trimmed output compared; an error
/// spec passes when compiling fails) is run against Homepage.Sass. The specs that do not pass yet are written to
/// <c>sass-spec-report.txt</c> with the reason; the test holds the pass count at no less than what it has reached,
/// so a change can only add passing specs. Issue 6 asks for 97% of the 3,500.
/// </summary>
public sealed class SassSpecTests
{
    /// <summary>Specs passing today; raise it as the compiler grows (the report prints the current count).</summary>
    private const int PassingAtLeast = 3416;

    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "sass-spec");

    [Fact]
    public void The_specs_sassc_passes_pass_here_too()
    {
        // SASS_SPEC_ONLY=spec/core_functions runs only the specs under that prefix (for work on one area; no ratchet then)
        var only = Environment.GetEnvironmentVariable("SASS_SPEC_ONLY");
        var ids = File.ReadAllLines(Path.Combine(Root, "sassc-3.6.5.passes.txt"))
            .Where(l => l.Length > 0 && (string.IsNullOrEmpty(only) || l.StartsWith(only, StringComparison.Ordinal))).ToList();
        var folder = Path.Combine(Path.GetTempPath(), "homepage-sass-spec", Guid.NewGuid().ToString("N")[..10]);
        try
        {
            Extract(Path.Combine(Root, "spec"), Path.Combine(folder, "spec"));
            var failures = new List<(string Id, string Reason)>();
            foreach (var id in ids)
            {
                var reason = Run(Path.Combine(folder, id));
                if (reason is not null) failures.Add((id, reason));
            }
            var passed = ids.Count - failures.Count;
            var report = new StringBuilder()
                .Append($"sass-spec: {passed} of {ids.Count} specs pass ({100.0 * passed / ids.Count:F1}%)\n\n");
            foreach (var (id, reason) in failures) report.Append(id).Append('\t').Append(reason).Append('\n');
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "sass-spec-report.txt"), report.ToString(), new UTF8Encoding(false)); // a lone surrogate in a reason is replaced, not fatal
            Console.WriteLine($"sass-spec: {passed} of {ids.Count} pass; report in {Path.Combine(AppContext.BaseDirectory, "sass-spec-report.txt")}");
            if (string.IsNullOrEmpty(only)) Assert.True(passed >= PassingAtLeast, $"sass-spec: {passed} of {ids.Count} pass, fewer than {PassingAtLeast}");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>One spec: null when it passes, else why not.</summary>
    private static string? Run(string dir)
    {
        var input = Path.Combine(dir, "input.scss");
        var syntax = SassSyntax.Scss;
        if (!File.Exists(input))
        {
            input = Path.Combine(dir, "input.sass");
            syntax = SassSyntax.Sass;
        }
        if (!File.Exists(input)) return "no input";
        // what libsass does wins over what the suite expects of dart-sass: output-libsass.css, error-libsass, then the rest
        var expectation = new[] { "output-libsass.css", "error-libsass", "output.css", "error" }.Select(f => Path.Combine(dir, f)).FirstOrDefault(File.Exists);
        var expectsError = expectation is not null && !expectation.EndsWith(".css", StringComparison.Ordinal);
        var expectedFile = expectsError ? null : expectation;
        if (expectedFile is null && !expectsError) return "no expected output";

        string? css = null;
        string? error = null;
        var compile = Task.Run(() =>
        {
            try
            {
                css = SassCompiler.Compile(File.ReadAllText(input), new SassOptions
                {
                    Style = SassOutputStyle.Expanded,
                    InputPath = input,
                    Syntax = syntax,
                }).Css;
            }
            catch (SassException e)
            {
                error = e.Message;
            }
            catch (Exception e)
            {
                error = "crash: " + e.GetType().Name + ": " + e.Message;
            }
        });
        if (!compile.Wait(TimeSpan.FromSeconds(10))) return "timeout (10 s)";
        if (error is not null && error.StartsWith("crash: ", StringComparison.Ordinal)) return OneLine(error);
        if (expectsError) return error is not null ? null : "compiled, but sassc reports an error";
        if (error is not null) return "error: " + OneLine(error);
        var expected = Normalize(File.ReadAllText(expectedFile!));
        var actual = Normalize(css!);
        if (expected == actual) return null;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
        return $"line {line + 1}: expected \"{(line < e.Length ? e[line] : "<end>")}\", got \"{(line < a.Length ? a[line] : "<end>")}\"";
    }

    private static string Normalize(string css) => css.Replace("\r\n", "\n").Trim();

    private static string OneLine(string s) => s.Split('\n')[0];

    /// <summary>Copies the spec tree, unpacking each HRX archive <c>NAME.hrx</c> into a folder <c>NAME/</c>.</summary>
    private static void Extract(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            if (file.EndsWith(".hrx", StringComparison.Ordinal)) Unpack(File.ReadAllText(file), Path.Combine(to, Path.GetFileNameWithoutExtension(file)));
            else File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.EnumerateDirectories(from)) Extract(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    /// <summary>HRX: a line <c>&lt;===&gt; path</c> starts a file, a bare <c>&lt;===&gt;</c> a comment; a file's text ends
    /// before the newline that precedes the next boundary.</summary>
    private static void Unpack(string archive, string to)
    {
        var boundary = archive.StartsWith("<===>", StringComparison.Ordinal) ? "<===>" : archive[..(archive.IndexOf('>') + 1)];
        var parts = ("\n" + archive).Split("\n" + boundary);
        foreach (var part in parts.Skip(1))
        {
            var newline = part.IndexOf('\n');
            var header = (newline < 0 ? part : part[..newline]).Trim();
            if (header.Length == 0) continue; // a comment
            var body = newline < 0 ? "" : part[(newline + 1)..];
            var path = Path.Combine(to, header.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, body);
        }
    }
}
