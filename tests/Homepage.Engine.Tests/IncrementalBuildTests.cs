using Homepage.Engine.Rendering;

namespace Homepage.Engine.Tests;

/// <summary>
/// <c>serve</c>'s incremental rebuild renders and writes only what a change affects; after every kind of edit its
/// destination must equal a full build of the same source into an empty folder, file for file, byte for byte.
/// </summary>
public sealed class IncrementalBuildTests
{
    private static TempSite NewSite() => new TempSite()
        .With("_config.yml", "title: Inc\nurl: https://inc.example\npaginate: 2\nplugins: [jekyll-paginate, jekyll-feed, jekyll-sitemap]\n" +
            "collections:\n  projects:\n    output: true\n")
        .With("_layouts/base.html", "<html><body>{% include nav.html current=page.url %}{{ content }}<footer>{{ site.time | date: '%Y' }}</footer></body></html>\n")
        .With("_layouts/post.html", "---\nlayout: base\n---\n<h1>{{ page.title }}</h1>{{ content }}" +
            "{% if page.previous %}<a href=\"{{ page.previous.url }}\">{{ page.previous.title }}</a>{% endif %}" +
            "{% if page.next %}<a href=\"{{ page.next.url }}\">{{ page.next.title }}</a>{% endif %}\n")
        .With("_includes/nav.html", "<nav>{% for p in site.pages %}{% if p.title %}<a{% if p.url == include.current %} class=\"on\"{% endif %}>{{ p.title }}</a>{% endif %}{% endfor %}</nav>")
        .With("_includes/card.html", "<div class=\"card\">{{ include.post.title }}: {{ include.post.excerpt }}</div>")
        .With("_data/people.yml", "- name: Ada\n- name: Grace\n")
        .With("_posts/2023-12-01-first.md", "---\nlayout: post\ntitle: First\n---\nFirst *post*.\n\nMore of the first.\n")
        .With("_posts/2023-12-02-second.md", "---\nlayout: post\ntitle: Second\ntags: [a]\n---\nSecond post.\n")
        .With("_posts/2023-12-03-third.md", "---\nlayout: post\ntitle: Third\ntags: [a, b]\n---\nThird post, {{ site.data.people.size }} people.\n")
        .With("_posts/2023-12-04-fourth.md", "---\nlayout: post\ntitle: Fourth\n---\nFourth post.\n")
        .With("_projects/alpha.md", "---\ntitle: Alpha\n---\nAlpha project.\n")
        .With("index.html", "---\nlayout: base\ntitle: Home\n---\n{% for post in paginator.posts %}{% include card.html post=post %}{% endfor %}\n")
        .With("about.md", "---\nlayout: base\ntitle: About\n---\n# About\n\n{% for p in site.data.people %}- {{ p.name }}\n{% endfor %}\n")
        .With("latest.html", "---\nlayout: base\n---\n{{ site.posts.first.content }}\n")
        .With("tags.html", "---\nlayout: base\n---\n{% for t in site.tags %}{{ t[0] }}={{ t[1].size }} {% endfor %}\n")
        .With("projects.html", "---\nlayout: base\n---\n{% for p in site.projects %}{{ p.title }}{% endfor %}\n")
        .With("assets/style.scss", "---\n---\n@import \"colors\";\nbody { color: $ink; }\n")
        .With("_sass/_colors.scss", "$ink: #333;\n")
        .With("images/logo.svg", "<svg/>");

    /// <summary>Each edit: what it does to the source, and the source paths it touched (as the watcher reports them).</summary>
    public static TheoryData<string> Edits() => new(EditList.Keys);

    private static readonly Dictionary<string, Func<TempSite, string[]>> EditList = new()
    {
        ["a post's text"] = s => Write(s, "_posts/2023-12-02-second.md", "---\nlayout: post\ntitle: Second\ntags: [a]\n---\nSecond post, edited.\n"),
        ["the newest post's text (read by other pages)"] = s => Write(s, "_posts/2023-12-04-fourth.md", "---\nlayout: post\ntitle: Fourth\n---\nFourth post, edited.\n"),
        ["a post's title"] = s => Write(s, "_posts/2023-12-03-third.md", "---\nlayout: post\ntitle: Third, renamed\ntags: [a, b]\n---\nThird post, {{ site.data.people.size }} people.\n"),
        ["a post's tags"] = s => Write(s, "_posts/2023-12-01-first.md", "---\nlayout: post\ntitle: First\ntags: [c]\n---\nFirst *post*.\n\nMore of the first.\n"),
        ["a new post"] = s => Write(s, "_posts/2023-12-05-fifth.md", "---\nlayout: post\ntitle: Fifth\n---\nFifth.\n"),
        ["a deleted post"] = s => Delete(s, "_posts/2023-12-02-second.md"),
        ["an include"] = s => Write(s, "_includes/card.html", "<section>{{ include.post.title }}</section>"),
        ["a layout"] = s => Write(s, "_layouts/post.html", "---\nlayout: base\n---\n<h2>{{ page.title }}</h2>{{ content }}\n"),
        ["a data file"] = s => Write(s, "_data/people.yml", "- name: Ada\n- name: Grace\n- name: Katherine\n"),
        ["a page's title"] = s => Write(s, "about.md", "---\nlayout: base\ntitle: About us\n---\n# About\n"),
        ["a collection document"] = s => Write(s, "_projects/alpha.md", "---\ntitle: Alpha two\n---\nAlpha project.\n"),
        ["a static file"] = s => Write(s, "images/logo.svg", "<svg version=\"2\"/>"),
        ["a new static file"] = s => Write(s, "images/new.svg", "<svg/>"),
        ["a Sass partial"] = s => Write(s, "_sass/_colors.scss", "$ink: #111;\n"),
        ["a new include used by a page"] = s => Write(s, "_includes/extra.html", "extra!").Concat(Write(s, "latest.html", "---\nlayout: base\n---\n{% include extra.html %}\n")).ToArray(),
        ["a page deleted"] = s => Delete(s, "tags.html"),
    };

    private static readonly string[] RendersLess =
        ["a post's text", "the newest post's text (read by other pages)", "an include", "a layout", "a data file", "a static file", "a Sass partial"];

    private static string[] Write(TempSite site, string path, string text)
    {
        site.With(path, text);
        return [Path.Combine(site.Source, path)];
    }

    private static string[] Delete(TempSite site, string path)
    {
        File.Delete(Path.Combine(site.Source, path));
        return [Path.Combine(site.Source, path)];
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void After_an_edit_the_rebuild_equals_a_full_build(string edit)
    {
        using var site = NewSite();
        var state = new IncrementalState();
        site.Build(o => o.Incremental = state);
        var total = state.Rendered;

        state.AddChanges(EditList[edit](site));
        site.Build(o => o.Incremental = state);

        AssertSameTree(FullBuild(site), site.Destination);
        // Every page here lists site.pages in its navigation, so a front-matter edit or a new file renders everything.
        if (RendersLess.Contains(edit)) Assert.True(state.Rendered < total, $"{edit}: rendered {state.Rendered} of {total}");
    }

    [Fact]
    public void A_run_of_edits_one_after_another_stays_equal_to_full_builds()
    {
        using var site = NewSite();
        var state = new IncrementalState();
        site.Build(o => o.Incremental = state);
        foreach (var (name, edit) in EditList)
        {
            state.AddChanges(edit(site));
            site.Build(o => o.Incremental = state);
            AssertSameTree(FullBuild(site), site.Destination, name);
        }
    }

    [Fact]
    public void Editing_one_post_renders_that_post_and_what_prints_it_and_rewrites_only_changed_files()
    {
        using var site = NewSite();
        var state = new IncrementalState();
        site.Build(o => o.Incremental = state);
        var before = Directory.EnumerateFiles(site.Destination, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Thread.Sleep(20);

        state.AddChanges(Write(site, "_posts/2023-12-01-first.md", "---\nlayout: post\ntitle: First\n---\nFirst *post*, edited.\n\nMore of the first.\n"));
        site.Build(o => o.Incremental = state);

        // the post, the stylesheet and its map (always compiled), the feed (prints every post's content) and the
        // paginator page that prints its excerpt.
        Assert.Equal(5, state.Rendered);
        var rewritten = before.Keys.Where(f => File.GetLastWriteTimeUtc(f) != before[f]).Select(f => Path.GetRelativePath(site.Destination, f).Replace('\\', '/')).Order().ToList();
        Assert.Equal(["2023/12/01/first.html", "feed.xml", "page2/index.html"], rewritten);
    }

    [Fact]
    public void A_failed_rebuild_keeps_its_changes_for_the_next_one()
    {
        using var site = NewSite();
        var state = new IncrementalState();
        site.Build(o => o.Incremental = state);
        state.AddChanges(Write(site, "_includes/card.html", "{% include missing.html %}"));
        Assert.Throws<BuildException>(() => site.Build(o => o.Incremental = state));
        state.AddChanges(Write(site, "_posts/2023-12-04-fourth.md", "---\nlayout: post\ntitle: Fourth\n---\nFourth, again.\n"));
        File.WriteAllText(Path.Combine(site.Source, "_includes/card.html"), "<p>{{ include.post.title }}</p>");
        site.Build(o => o.Incremental = state);
        AssertSameTree(FullBuild(site), site.Destination);
    }

    private static string FullBuild(TempSite site)
    {
        var destination = Path.Combine(site.Root, "full");
        if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        site.Build(o => o.Destination = destination);
        return destination;
    }

    private static void AssertSameTree(string expected, string actual, string? step = null)
    {
        static List<string> Files(string root) =>
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Files(expected), Files(actual));
        foreach (var file in Files(expected))
            Assert.True(File.ReadAllText(Path.Combine(expected, file)) == File.ReadAllText(Path.Combine(actual, file)),
                $"{step}: {file} differs:\n{File.ReadAllText(Path.Combine(actual, file))}\nexpected:\n{File.ReadAllText(Path.Combine(expected, file))}");
    }
}
