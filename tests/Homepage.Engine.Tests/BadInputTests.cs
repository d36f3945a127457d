namespace Homepage.Engine.Tests;

/// <summary>Issue 2, point 4: bad input gets a message naming the file (and line), Jekyll's exit behaviour, and no damage.</summary>
public class BadInputTests
{
    [Fact]
    public void A_yaml_error_in_config_fails_the_build_naming_the_file_and_line()
    {
        using var site = new TempSite().With("_config.yml", "title: x\nbad: [1\n").With("index.html", "hi");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Contains("_config.yml", e.File);
        // Psych reports line 2 (where the sequence opens); our YAML reader notices at the end of it, line 3.
        Assert.InRange(e.Line ?? 0, 2, 3);
        Assert.Contains($"line {e.Line}", e.Message);
    }

    [Fact]
    public void A_yaml_error_in_front_matter_is_reported_and_the_build_goes_on()
    {
        using var site = new TempSite()
            .With("_config.yml", "title: x\n")
            .With("a.md", "---\ntitle: [oops\n---\nhi\n")
            .With("b.html", "---\n---\nfine\n");
        var (_, log, _, err) = site.Build();
        Assert.Contains(log.Messages, m => m.Contains("YAML Exception reading") && m.Contains("a.md") && (m.Contains("line 2") || m.Contains("line 3")));
        Assert.Equal("fine\n", site.Read("b.html"));
    }

    [Fact]
    public void A_missing_layout_warns_as_jekyll_and_the_page_is_written_without_it()
    {
        using var site = new TempSite().With("_config.yml", "").With("b.html", "---\nlayout: nope\n---\nhi\n");
        var (_, log, _, _) = site.Build();
        Assert.Contains("     Build Warning: Layout 'nope' requested in b.html does not exist.", log.Messages);
        Assert.Equal("hi\n", site.Read("b.html"));
    }

    [Fact]
    public void A_missing_include_fails_the_build_naming_the_page()
    {
        using var site = new TempSite().With("_config.yml", "").With("c.html", "---\n---\n{% include missing.html %}\n");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.StartsWith("Liquid Exception:", e.Message);
        Assert.Contains("missing.html", e.Message);
        Assert.EndsWith("in c.html", e.Message);
    }

    [Fact]
    public void A_liquid_syntax_error_in_a_layout_names_the_layout_and_line()
    {
        using var site = new TempSite()
            .With("_config.yml", "")
            .With("_layouts/default.html", "<p>\n{% if %}\n{% endif %}</p>\n")
            .With("e.html", "---\nlayout: default\n---\nx\n");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Contains("_layouts/default.html", e.Message);
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_site_untouched()
    {
        using var site = new TempSite().With("_config.yml", "").With("index.html", "---\n---\nfirst\n").With("old.txt", "keep me");
        site.Build();
        Assert.Equal("first\n", site.Read("index.html"));
        var before = Snapshot(site.Destination);

        File.Delete(Path.Combine(site.Source, "old.txt"));
        site.With("index.html", "---\n---\n{% include missing.html %}\n");
        Assert.Throws<BuildException>(() => site.Build());

        Assert.Equal(before, Snapshot(site.Destination));
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_previous_site_whole_and_no_staging_folder()
    {
        using var site = new TempSite().With("_config.yml", "").With("index.html", "---\n---\nfirst\n").With("a.txt", "a");
        site.Build();
        var before = Snapshot(site.Destination);

        site.With("index.html", "---\n---\nsecond\n");
        // A directory where the page must be written makes the write fail after other files were staged.
        Directory.CreateDirectory(Path.Combine(site.Source, "zzz"));
        site.With("zzz/page.html", "---\npermalink: /a.txt/\n---\nclash\n");
        Assert.ThrowsAny<Exception>(() => site.Build());

        Assert.Equal(before, Snapshot(site.Destination));
        Assert.False(Directory.Exists(Homepage.Engine.Writing.Writer.StagingFolder(site.Destination)));
    }

    [Fact]
    public void The_destination_may_not_contain_the_source()
    {
        using var site = new TempSite().With("_config.yml", "").With("index.html", "x");
        var e = Assert.Throws<BuildException>(() => site.Build(o => o.Destination = site.Root));
        Assert.Contains("Destination directory cannot be or contain the Source directory.", e.Message);
        var same = Assert.Throws<BuildException>(() => site.Build(o => o.Destination = site.Source));
        Assert.Contains("Destination directory cannot be or contain the Source directory.", same.Message);
        Assert.True(File.Exists(Path.Combine(site.Source, "index.html")));
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText);
}
