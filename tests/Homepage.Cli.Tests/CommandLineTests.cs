using Homepage.Cli;

namespace Homepage.Cli.Tests;

/// <summary>The command line's wiring: verbs, exit codes and where messages go.</summary>
public sealed class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Kramdown_verb_converts_a_file_with_jekylls_settings()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "# Hello world\n\nSome *text* -- with \"quotes\".\n");
        var (code, output, _) = Run("kramdown", file);
        Assert.Equal(0, code);
        // kramdown 2.4 (GFM, Jekyll's options) prints exactly this for the input.
        Assert.Equal("<h1 id=\"hello-world\">Hello world</h1>\n\n<p>Some <em>text</em> \u2013 with \u201cquotes\u201d.</p>\n", output);
    }

    [Fact]
    public void Sass_verb_compiles_and_reports_a_missing_file_with_exit_code_1()
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".scss");
        File.WriteAllText(file, "$c: #ffffff;\na { color: $c; b { margin: 0.5em; } }\n");
        var (code, output, _) = Run("sass", "--style", "compressed", file);
        Assert.Equal(0, code);
        Assert.Equal("a{color:#fff}a b{margin:0.5em}\n", output); // what sassc 3.6.5 -t compressed prints
        var (missing, _, error) = Run("sass", file + ".missing");
        Assert.Equal(1, missing);
        Assert.Contains(".missing", error);
    }

    [Fact]
    public void An_unknown_command_is_an_error()
    {
        var (code, _, error) = Run("frobnicate");
        Assert.Equal(1, code);
        Assert.Contains("unknown command 'frobnicate'", error);
    }

    [Fact]
    public void Build_of_a_broken_config_exits_1_naming_the_file()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "_config.yml"), "title: [unclosed\n");
        var (code, _, error) = Run("build", "-s", dir, "-d", Path.Combine(dir, "_site"));
        Assert.Equal(1, code);
        Assert.Contains("_config.yml", error);
        Assert.DoesNotContain("   at ", error); // no .NET stack trace without --trace
        Assert.False(Directory.Exists(Path.Combine(dir, "_site")));
        var (traced, _, traceError) = Run("build", "--trace", "-s", dir, "-d", Path.Combine(dir, "_site"));
        Assert.Equal(1, traced);
        Assert.Contains("   at ", traceError);
    }

    [Fact]
    public void A_liquid_error_exits_1_with_jekylls_message_and_no_stack_trace()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        Directory.CreateDirectory(Path.Combine(dir, "_layouts"));
        File.WriteAllText(Path.Combine(dir, "_layouts", "default.html"), "{{ content }}\n{% if %}\n");
        File.WriteAllText(Path.Combine(dir, "index.md"), "---\nlayout: default\n---\nhi\n");
        var (code, _, error) = Run("build", "-s", dir, "-d", Path.Combine(dir, "_site"));
        Assert.Equal(1, code);
        Assert.Contains("Liquid Exception:", error);
        Assert.Contains("_layouts/default.html", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void New_writes_a_site_and_refuses_a_folder_that_is_not_empty()
    {
        var folder = Path.Combine(Path.GetTempPath(), "homepage-new-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (code, output, _) = Run("new", folder);
            Assert.Equal(0, code);
            Assert.Contains("New homepage site installed in", output);
            Assert.True(File.Exists(Path.Combine(folder, "_config.yml")));
            Assert.Single(Directory.GetFiles(Path.Combine(folder, "_posts"), "*-welcome.md"));
            File.WriteAllText(Path.Combine(folder, "index.md"), "mine");
            var (again, _, error) = Run("new", folder);
            Assert.Equal(1, again);
            Assert.Contains("exists and is not empty", error);
            Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "index.md")));
            Assert.Equal(0, Run("new", folder, "--force").Code);
            Assert.NotEqual("mine", File.ReadAllText(Path.Combine(folder, "index.md")));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Verbose_lists_what_is_read_rendered_and_written()
    {
        var folder = Path.Combine(Path.GetTempPath(), "homepage-verbose-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "_layouts"));
            File.WriteAllText(Path.Combine(folder, "_layouts", "base.html"), "<b>{{ content }}</b>");
            File.WriteAllText(Path.Combine(folder, "index.md"), "---\nlayout: base\n---\n{{ 1 | plus: 1 }}\n");
            var site = Path.Combine(folder, "_site");
            var (code, output, _) = Run("build", "-V", "-s", folder, "-d", site);
            Assert.Equal(0, code);
            Assert.Contains("  Logging at level: debug", output);
            Assert.Contains("           Reading: /_layouts/base.html", output);
            Assert.Contains("           Reading: index.md", output);
            Assert.Contains("  Rendering Liquid: index.md", output);
            Assert.Contains("  Rendering Markup: index.md", output);
            Assert.Contains("  Rendering Layout: index.md", output);
            Assert.Contains("           Writing: " + Path.Combine(site, "index.html"), output);
            Assert.DoesNotContain("Reading:", Run("build", "-s", folder, "-d", site).Out);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Serve_detach_leaves_a_server_running_in_its_own_process_and_prints_its_pid()
    {
        var root = Path.Combine(Path.GetTempPath(), "homepage-detach", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "index.html"), "---\n---\n<p>detached {{ 1 | plus: 1 }}</p>\n");
        var port = FreePort();
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "homepage.dll"), "serve", "--detach", "-s", root, "-d", Path.Combine(root, "_site"), "-P", port.ToString() })
            start.ArgumentList.Add(arg);
        using var parent = System.Diagnostics.Process.Start(start)!;
        var output = await parent.StandardOutput.ReadToEndAsync();
        await parent.WaitForExitAsync();
        Assert.Equal(0, parent.ExitCode);
        var pid = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"Server detached with pid '(\d+)'\.").Groups[1].Value);
        using var server = System.Diagnostics.Process.GetProcessById(pid);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            string? page = null;
            for (var attempt = 0; attempt < 120 && page is null; attempt++)
            {
                try { page = await client.GetStringAsync($"http://127.0.0.1:{port}/"); }
                catch (HttpRequestException) { await Task.Delay(500); }
            }
            Assert.Contains("<p>detached 2</p>", page);
            Assert.False(server.HasExited);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            Directory.Delete(root, recursive: true);
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
