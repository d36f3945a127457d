namespace Homepage.Engine.Tests;

/// <summary>A theme folder underlies the site: its layouts, includes, data, assets and config fill what the site lacks.</summary>
public class ThemeTests
{
    [Fact]
    public void Theme_files_underlie_the_sites_own()
    {
        using var site = new TempSite()
            .With("_config.yml", "theme: plain\n")
            .With("_themes/plain/_config.yml", "greeting: from theme\ntitle: theme title\n")
            .With("_themes/plain/_layouts/default.html", "<theme>{{ content }}</theme>\n")
            .With("_themes/plain/_layouts/page.html", "<theme-page>{{ content }}</theme-page>\n")
            .With("_themes/plain/assets/theme.txt", "asset\n")
            .With("_themes/plain/assets/shared.txt", "theme copy\n")
            .With("_themes/plain/_data/info.yml", "who: theme\nonly_theme: yes\n")
            .With("_layouts/page.html", "<site-page>{{ content }}</site-page>\n")
            .With("assets/shared.txt", "site copy\n")
            .With("_data/info.yml", "who: site\n")
            .With("a.html", "---\nlayout: default\n---\n{{ site.greeting }}|{{ site.data.info.who }}|{{ site.data.info.only_theme }}\n")
            .With("b.html", "---\nlayout: page\n---\nb\n");
        site.Build();
        Assert.Equal("<theme>from theme|site|true\n</theme>\n", site.Read("a.html"));
        Assert.Equal("<site-page>b\n</site-page>\n", site.Read("b.html"));
        Assert.Equal("asset\n", site.Read("assets/theme.txt"));
        Assert.Equal("site copy\n", site.Read("assets/shared.txt"));
    }

    [Fact]
    public void The_theme_option_previews_another_theme_without_editing_the_config()
    {
        using var site = new TempSite()
            .With("_config.yml", "theme: plain\n")
            .With("_themes/plain/_layouts/default.html", "<plain>{{ content }}</plain>")
            .With("_themes/fancy/_layouts/default.html", "<fancy>{{ content }}</fancy>")
            .With("a.html", "---\nlayout: default\n---\nx");
        site.Build();
        Assert.Equal("<plain>x</plain>", site.Read("a.html"));
        site.Build(o => o.Theme = "fancy");
        Assert.Equal("<fancy>x</fancy>", site.Read("a.html"));
        var elsewhere = Path.Combine(site.Root, "my-theme");
        Directory.CreateDirectory(Path.Combine(elsewhere, "_layouts"));
        File.WriteAllText(Path.Combine(elsewhere, "_layouts", "default.html"), "<mine>{{ content }}</mine>");
        site.Build(o => o.Theme = elsewhere);
        Assert.Equal("<mine>x</mine>", site.Read("a.html"));
        Assert.Equal("theme: plain\n", File.ReadAllText(Path.Combine(site.Source, "_config.yml")));
    }

    [Fact]
    public void A_missing_theme_is_a_clear_error()
    {
        using var site = new TempSite().With("_config.yml", "theme: nowhere\n").With("a.html", "x");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Contains("nowhere", e.Message);
    }
}
