namespace Homepage.Engine.Tests;

/// <summary>
/// jekyll-github-metadata 2.15 offline, where the reference fails or only warns (its successful builds are the
/// github-metadata* whole-site fixtures). The messages are the ones Jekyll 4.3.1 printed for the same sites, built
/// without network access outside any git repository.
/// </summary>
public class GitHubMetadataTests
{
    private const string NoRepo = "No repo name found. Specify using PAGES_REPO_NWO environment variables, 'repository' in your " +
                                  "configuration, or set up an 'origin' git remote pointing to your github.com repository.";

    private static TempSite Site(string config, string index) =>
        new TempSite().With("_config.yml", "plugins: [jekyll-github-metadata]\n" + config).With("index.html", "---\n---\n" + index);

    [Theory]
    [InlineData("title: t\n", "{{ site.github.repository_url }}")]
    [InlineData("title: t\n", "{{ site.github.owner_name }}")]
    [InlineData("", "{{ site.title }}")]
    [InlineData("title: t\n", "{{ site.description }}")]
    [InlineData("title: t\n", "{% github_edit_link %}")]
    public void Without_a_repository_a_value_that_needs_one_fails_the_build(string config, string index)
    {
        if (Environment.GetEnvironmentVariable("PAGES_REPO_NWO") is not null) return; // the environment names one
        using var site = Site(config, index);
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Equal("Liquid Exception: " + NoRepo + " in index.html", e.Message);
    }

    [Fact]
    public void Without_a_repository_the_fallback_that_fails_is_named()
    {
        if (Environment.GetEnvironmentVariable("PAGES_REPO_NWO") is not null) return;
        using var site = Site("", "{{ site.title }}");
        var log = new Logger(new StringWriter(), new StringWriter());
        Assert.Throws<BuildException>(() => Commands.BuildCommand.Run(new Commands.BuildOptions
        {
            Source = site.Source,
            Destination = site.Destination,
            WorkingDirectory = site.Source,
            Now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            TimeZone = TimeZoneInfo.Utc,
        }, log));
        Assert.Contains(log.Messages, m => m.Contains("GitHub Metadata: Error processing value 'title':"));
    }

    [Fact]
    public void A_name_without_a_title_warns_and_sets_no_title()
    {
        using var site = Site("name: Named\nrepository: octocat/hello-world\n", "[{{ site.title }}]");
        var (_, log, _, _) = site.Build();
        Assert.Contains(log.Messages, m => m.Contains("GitHub Metadata: site.name is set in _config.yml, but many plugins and themes expect " +
                                                      "site.title to be used instead. To avoid potential inconsistency, Jekyll GitHub Metadata " +
                                                      "will not set site.title to the repository's name."));
        Assert.Equal("[]", site.Read("index.html"));
    }

    [Fact]
    public void Listing_every_key_fails_offline_on_the_public_repositories()
    {
        using var site = Site("repository: octocat/hello-world\n", "{% for pair in site.github %}{{ pair }}{% endfor %}");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Equal("Liquid Exception: undefined method `map' for false:FalseClass in index.html", e.Message);
    }

    [Fact]
    public void A_github_hash_in_the_configuration_fails_offline_when_merged()
    {
        using var site = Site("repository: octocat/hello-world\ngithub:\n  url: http://example.com\n", "{{ site.github.url }}");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Equal("undefined method `map' for false:FalseClass", e.Message);
    }

    [Fact]
    public void A_github_value_that_is_not_a_hash_replaces_the_metadata()
    {
        using var site = Site("github: [1, 2]\n", "{{ site.github }}");
        site.Build();
        Assert.Equal("12", site.Read("index.html"));
    }
}
