namespace Homepage.Engine.Tests;

/// <summary>Reader, permalinks and writer behaviours on small sites (the whole-site goldens cover the rest).</summary>
public class PipelineTests
{
    [Fact]
    public void Permalinks_map_urls_to_files_as_jekyll()
    {
        using var site = new TempSite()
            .With("_config.yml", "permalink: pretty\n")
            .With("about.md", "---\npermalink: /about/\n---\nx\n")
            .With("contact.html", "---\n---\nc\n")
            .With("_posts/2020-01-02-hello-world.md", "---\n---\np\n")
            .With("feed.xml", "---\n---\n<x/>\n");
        site.Build();
        Assert.True(File.Exists(Path.Combine(site.Destination, "about/index.html")));
        Assert.True(File.Exists(Path.Combine(site.Destination, "contact/index.html")));
        Assert.True(File.Exists(Path.Combine(site.Destination, "2020/01/02/hello-world/index.html")));
        Assert.Equal("<x/>\n", site.Read("feed.xml"));
    }

    [Fact]
    public void Special_and_excluded_entries_are_not_read_unless_included()
    {
        using var site = new TempSite()
            .With("_config.yml", "exclude: [secret, '*.bak']\ninclude: [_keep.txt]\n")
            .With("_hidden.txt", "h").With(".dot", "d").With("#tmp", "t").With("x~", "b")
            .With("_keep.txt", "k").With("secret/a.txt", "s").With("old.bak", "o").With("ok.txt", "ok");
        site.Build();
        var written = Directory.EnumerateFiles(site.Destination, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Destination, f)).Order().ToList();
        Assert.Equal(["_keep.txt", "ok.txt"], written);
    }

    [Fact]
    public void Obsolete_files_are_removed_but_keep_files_stay()
    {
        using var site = new TempSite().With("_config.yml", "keep_files: [keep]\n").With("a.txt", "a");
        Directory.CreateDirectory(Path.Combine(site.Destination, "keep"));
        File.WriteAllText(Path.Combine(site.Destination, "keep", "x.txt"), "x");
        File.WriteAllText(Path.Combine(site.Destination, "stale.txt"), "s");
        site.Build();
        Assert.True(File.Exists(Path.Combine(site.Destination, "keep", "x.txt")));
        Assert.False(File.Exists(Path.Combine(site.Destination, "stale.txt")));
        Assert.True(File.Exists(Path.Combine(site.Destination, "a.txt")));
    }

    [Fact]
    public void Config_files_merge_in_order_and_flags_override()
    {
        using var site = new TempSite()
            .With("a.yml", "title: A\nbaseurl: /a\n")
            .With("b.yml", "title: B\n")
            .With("index.html", "---\n---\n{{ site.title }} {{ site.baseurl }}\n");
        site.Build(o =>
        {
            o.ConfigFiles.Add(Path.Combine(site.Source, "a.yml"));
            o.ConfigFiles.Add(Path.Combine(site.Source, "b.yml"));
            o.BaseUrl = "/flag";
        });
        Assert.Equal("B /flag\n", site.Read("index.html"));
    }
}

/// <summary><c>homepage clean</c>: the destination and the caches go, nothing else.</summary>
public class CleanTests
{
    [Fact]
    public void Clean_removes_only_the_destination_and_the_caches()
    {
        using var site = new TempSite().With("_config.yml", "").With("index.html", "---\n---\nx\n").With(".jekyll-cache/x", "c").With("keep.txt", "k");
        site.Build();
        Assert.True(Directory.Exists(site.Destination));
        Homepage.Engine.Commands.CleanCommand.Run(new Homepage.Engine.Commands.BuildOptions
        {
            Source = site.Source,
            Destination = site.Destination,
            WorkingDirectory = site.Source,
        }, new Logger(TextWriter.Null, TextWriter.Null));
        Assert.False(Directory.Exists(site.Destination));
        Assert.False(Directory.Exists(Path.Combine(site.Source, ".jekyll-cache")));
        Assert.True(File.Exists(Path.Combine(site.Source, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(site.Source, "index.html")));
    }
}
