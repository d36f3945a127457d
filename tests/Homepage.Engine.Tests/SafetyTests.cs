namespace Homepage.Engine.Tests;

/// <summary>
/// The reliability issue's remaining items: each kind of bad input fails (or warns) clearly, naming the file, and the
/// safety rules hold (includes stay in their folders, symlinks out of the source are not followed, runaway templates
/// end with an error).
/// </summary>
public sealed class SafetyTests
{
    [Fact]
    public void A_yaml_error_in_a_data_file_fails_the_build_naming_the_file_and_line()
    {
        using var site = new TempSite().With("_config.yml", "").With("_data/people.yml", "- name: a\n  bad: [1\n").With("index.html", "hi");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Contains("_data/people.yml", e.Message);
        Assert.Matches(@"line \d+", e.Message);
    }

    [Fact]
    public void A_layout_that_names_itself_renders_once_instead_of_looping()
    {
        using var site = new TempSite().With("_config.yml", "")
            .With("_layouts/loop.html", "---\nlayout: loop\n---\n[{{ content }}]")
            .With("index.html", "---\nlayout: loop\n---\nx");
        site.Build();
        Assert.Equal("[x]", site.Read("index.html"));
    }

    [Fact]
    public void An_include_that_includes_itself_fails_with_a_clear_error_naming_it()
    {
        using var site = new TempSite().With("_config.yml", "")
            .With("_includes/self.html", "a{% include self.html %}")
            .With("index.html", "---\n---\n{% include self.html %}");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.StartsWith("Liquid Exception:", e.Message);
        Assert.Contains("Nesting too deep", e.Message);
        Assert.Contains("self.html", e.Message);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("a/../../secret.txt")]
    public void An_include_may_not_leave_the_includes_folder(string file)
    {
        using var site = new TempSite().With("_config.yml", "").With("index.html", "---\n---\n{% include " + file + " %}");
        File.WriteAllText(Path.Combine(site.Root, "secret.txt"), "SECRET");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Contains("Invalid syntax for include tag. File contains invalid characters or sequences", e.Message);
        Assert.False(Directory.Exists(site.Destination));
    }

    [Fact]
    public void An_absolute_include_path_is_looked_up_inside_the_includes_folder()
    {
        // Jekyll joins the name to _includes, so /etc/passwd means _includes/etc/passwd.
        using var site = new TempSite().With("_config.yml", "").With("index.html", "---\n---\n{% include /etc/passwd %}");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Contains("Could not locate the included file '/etc/passwd'", e.Message);
    }

    [Fact]
    public void In_safe_mode_a_symlink_leading_out_of_the_source_is_not_read_or_copied()
    {
        // As Jekyll: only safe mode refuses such links (without it, Jekyll follows them).
        if (OperatingSystem.IsWindows()) return; // creating symlinks needs privileges there
        using var site = new TempSite().With("_config.yml", "safe: true\n").With("index.html", "hi");
        var outside = Path.Combine(site.Root, "outside.txt");
        File.WriteAllText(outside, "SECRET");
        File.CreateSymbolicLink(Path.Combine(site.Source, "leak.txt"), outside);
        Directory.CreateDirectory(Path.Combine(site.Source, "_includes"));
        File.CreateSymbolicLink(Path.Combine(site.Source, "_includes", "leak.html"), outside);
        site.Build();
        Assert.False(File.Exists(Path.Combine(site.Destination, "leak.txt")));

        site.With("page.html", "---\n---\n{% include leak.html %}");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Contains("Could not locate the included file 'leak.html'", e.Message);
    }

    [Fact]
    public void An_unknown_permalink_placeholder_fails_the_build_as_jekyll_does()
    {
        using var site = new TempSite().With("_config.yml", "collections:\n  talks:\n    output: true\n    permalink: /talks/:nonsense/\n")
            .With("_talks/a.md", "---\n---\nx");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Contains("The URL template doesn't have nonsense keys. Check your permalink template!", e.Message);
    }

    [Fact]
    public void Two_files_writing_one_destination_get_jekylls_conflict_warning()
    {
        using var site = new TempSite().With("_config.yml", "")
            .With("a.md", "---\npermalink: /same/\n---\nA")
            .With("b.md", "---\npermalink: /same/\n---\nB");
        var (_, log, _, _) = site.Build();
        Assert.Contains(log.Messages, m => m.Contains("Conflict:") && m.Contains("The following destination is shared by multiple files."));
        Assert.Contains(log.Messages, m => m.EndsWith(Path.Combine("same", "index.html")));
        // Jekyll's build warns with doctor's check: every file writing there, then a blank line.
        Assert.Contains(Logger.Format("", " - a.md"), log.Messages);
        Assert.Contains(Logger.Format("", " - b.md"), log.Messages);
    }

    [Fact]
    public void A_sass_error_fails_the_build_naming_the_stylesheet()
    {
        using var site = new TempSite().With("_config.yml", "").With("assets/css/main.scss", "---\n---\na { color: ; b { }\n");
        var e = Assert.ThrowsAny<BuildException>(() => site.Build());
        Assert.Contains("main.scss", e.Message);
    }

    [Fact]
    public void A_redirect_target_cannot_break_out_of_the_redirect_page()
    {
        using var site = new TempSite().With("_config.yml", "plugins: [jekyll-redirect-from]\n")
            .With("index.md", "---\nredirect_to: /a\"b<c>d\n---\nx");
        site.Build();
        var html = site.Read("index.html");
        Assert.DoesNotContain("a\"b", html);
        Assert.DoesNotContain("<c>", html);
        Assert.Contains("/a%22b%3Cc%3Ed", html);
    }

    [Fact]
    public void A_runaway_loop_ends_with_an_error_instead_of_a_hang()
    {
        using var site = new TempSite().With("_config.yml", "")
            .With("index.html", "---\n---\n{% for i in (1..1000000000) %}{% for j in (1..1000000000) %}x{% endfor %}{% endfor %}");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.StartsWith("Liquid Exception:", e.Message);
        Assert.Contains("index.html", e.Message);
    }

    [Theory]
    [InlineData("deep.yml", "[", "]")]
    [InlineData("deep.yml", "- ", "x")]
    [InlineData("deep.json", "[", "]")]
    [InlineData("deep.json", "{\"a\":", "}")]
    public void Deeply_nested_data_is_an_error_not_a_crash(string file, string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, 100_000)) + (close == "x" ? "x" : string.Concat(Enumerable.Repeat(close, 100_000))) + "\n";
        using var site = new TempSite().With("_config.yml", "").With("_data/" + file, text).With("index.html", "hi");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Contains("_data/" + file, e.Message);
    }

    [Fact]
    public void Deeply_nested_liquid_is_an_error_not_a_crash()
    {
        var text = string.Concat(Enumerable.Repeat("{% if true %}", 50_000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 50_000));
        using var site = new TempSite().With("_config.yml", "").With("index.html", "---\n---\n" + text);
        var e = Assert.ThrowsAny<BuildException>(() => site.Build());
        Assert.Contains("index.html", e.Message);
    }

    [Fact]
    public void A_page_that_is_not_utf8_fails_the_build_naming_it_and_a_static_file_is_copied_as_is()
    {
        // Jekyll: "Error reading file .../bad.md: invalid byte sequence in UTF-8", then the build stops.
        using var site = new TempSite().With("_config.yml", "").With("index.html", "hi");
        File.WriteAllBytes(Path.Combine(site.Source, "notes.txt"), [(byte)'a', 0xFF, (byte)'b']);
        site.Build();
        Assert.Equal(new byte[] { (byte)'a', 0xFF, (byte)'b' }, File.ReadAllBytes(Path.Combine(site.Destination, "notes.txt")));

        File.WriteAllBytes(Path.Combine(site.Source, "bad.md"), [.. "---\ntitle: x\n---\nCaf"u8, 0xE9, .. " au lait\n"u8]);
        var e = Assert.ThrowsAny<BuildException>(() => site.Build());
        Assert.Contains("invalid byte sequence in UTF-8", e.Message);
        Assert.Contains("bad.md", e.Message);
    }

    [Fact]
    public void A_very_large_page_and_data_file_build_completely()
    {
        var markdown = new System.Text.StringBuilder("---\ntitle: big\n---\n");
        for (var i = 0; i < 20_000; i++) markdown.Append("Paragraph ").Append(i).Append(" with *emphasis* and `code`.\n\n");
        var data = new System.Text.StringBuilder();
        for (var i = 0; i < 50_000; i++) data.Append("- {n: ").Append(i).Append("}\n");
        using var site = new TempSite().With("_config.yml", "")
            .With("big.md", markdown.Append("The end.\n").ToString())
            .With("_data/rows.yml", data.ToString())
            .With("count.html", "---\n---\n{{ site.data.rows.size }} {{ site.data.rows.last.n }}");
        site.Build();
        Assert.EndsWith("<p>The end.</p>\n", site.Read("big.html"));
        Assert.Contains("<p>Paragraph 19999 with <em>emphasis</em> and <code class=\"language-plaintext highlighter-rouge\">code</code>.</p>", site.Read("big.html"));
        Assert.Equal("50000 49999", site.Read("count.html"));
    }

    [Theory]
    [InlineData("/../../escape.html")]
    [InlineData("../escape.html")]
    [InlineData("/a/../../../escape.html")]
    public void A_permalink_cannot_write_outside_the_destination(string permalink)
    {
        using var site = new TempSite().With("_config.yml", "").With("p.md", "---\npermalink: " + permalink + "\n---\nx");
        site.Build();
        Assert.False(File.Exists(Path.Combine(site.Root, "escape.html")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(site.Root)!, "escape.html")));
        Assert.Single(Directory.GetFiles(site.Destination, "escape.html", SearchOption.AllDirectories));
    }
}
