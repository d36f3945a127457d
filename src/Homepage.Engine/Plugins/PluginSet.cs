using Homepage.Engine.Utilities;

namespace Homepage.Engine.Plugins;

/// <summary>A generator: runs after reading, before rendering (Jekyll's <c>Generator#generate</c>).</summary>
public interface IGenerator
{
    /// <summary>The gem name users list under <c>plugins:</c>.</summary>
    string Name { get; }

    /// <summary>Jekyll's priority: higher runs first (highest 100, high 10, normal 0, low -10, lowest -100).</summary>
    int Priority { get; }

    void Generate(Site site);
}

/// <summary>The plugins a site enables through <c>plugins:</c> (or the older <c>gems:</c>), as Jekyll loads them.</summary>
public sealed class PluginSet
{
    private static readonly Func<IGenerator>[] Known =
    [
        () => new RedirectFromGenerator(),
        () => new SitemapGenerator(),
        () => new FeedGenerator(),
        () => new PaginateGenerator(),
        () => new OptionalFrontMatterGenerator(),
        () => new ReadmeIndexGenerator(),
        () => new DefaultLayoutGenerator(),
        () => new TitlesFromHeadingsGenerator(),
        () => new RelativeLinksGenerator(),
        () => new GitHubMetadata(),
    ];

    private readonly Site _site;
    private readonly List<string> _requested;

    public PluginSet(Site site)
    {
        _site = site;
        var requested = _requested = RubyHash.ToArray(site.Config.Get("plugins")).Concat(RubyHash.ToArray(site.Config.Get("gems")))
            .Select(RubyValue.ToS).Distinct().ToList();
        var available = Known.Select(k => k()).ToDictionary(g => g.Name);
        foreach (var name in requested)
        {
            if (available.TryGetValue(name, out var generator)) Generators.Add(generator);
            else if (!BuiltIn.Contains(name))
            {
                Unsupported.Add(name);
                site.Log.Warn("Plugin:", $"{name} is not supported by Homepage yet; the build goes on without it.");
            }
        }
        // Stable: same priority keeps the order of `plugins:`.
        Generators = Generators.OrderByDescending(g => g.Priority).ToList();
        GitHubMetadata = Generators.OfType<GitHubMetadata>().FirstOrDefault();
        GitHubMetadata?.Munge(site);
    }

    /// <summary>jekyll-github-metadata when enabled (its configuration fallbacks are read through the site drop).</summary>
    public GitHubMetadata? GitHubMetadata { get; }

    /// <summary>Gems that need no generator here (their behaviour is built in, a Liquid tag, or a no-op for a static build).</summary>
    private static readonly HashSet<string> BuiltIn = ["jekyll-sass-converter", "kramdown-parser-gfm", "jekyll-watch", "jekyll-include-cache", "jekyll-seo-tag", "jekyll-avatar", "jekyll-gist", MentionsFilter.Name];

    /// <summary>Plugins the site asks for that Homepage does not have (each warned about once).</summary>
    public List<string> Unsupported { get; } = new();

    public bool IsRequested(string name) => _requested.Contains(name);

    /// <summary>The Liquid tags the enabled plugins add.</summary>
    public Dictionary<string, Func<string, Homepage.Liquid.LiquidTagContext, string>> Tags
    {
        get
        {
            var tags = new Dictionary<string, Func<string, Homepage.Liquid.LiquidTagContext, string>>(StringComparer.Ordinal);
            if (IsEnabled("jekyll-feed")) tags["feed_meta"] = (_, context) => FeedGenerator.MetaTag(_site);
            if (IsRequested("jekyll-seo-tag")) tags["seo"] = new SeoTag(_site).Render;
            if (IsRequested("jekyll-avatar")) tags["avatar"] = (markup, context) => AvatarTag.Render(_site, markup, context);
            if (IsRequested("jekyll-gist")) tags["gist"] = (markup, context) => GistTag.Render(_site, markup, context);
            if (GitHubMetadata is { } metadata) tags["github_edit_link"] = metadata.EditLink;
            return tags;
        }
    }

    public List<IGenerator> Generators { get; private set; } = new();

    public bool IsEnabled(string name) => Generators.Any(g => g.Name == name);

    public void Generate()
    {
        foreach (var generator in Generators) generator.Generate(_site);
    }

    /// <summary>Whether the site's Markdown converter takes this extension (<c>markdown_ext</c>).</summary>
    internal static bool IsMarkdown(Site site, string extname) =>
        site.Converters.OfType<Rendering.MarkdownConverter>().Any(c => c.Matches(extname));

    /// <summary><c>site.config[plugin_key][option]</c>, as the GitHub Pages plugins read their settings.</summary>
    internal static object? Option(Site site, string pluginKey, string option) =>
        site.Config.Get(pluginKey) is IDictionary<string, object?> settings ? settings.Get(option) : null;

    // A plugin runs the same chain for every page: each chain is parsed once per site's Liquid environment.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Homepage.Liquid.LiquidEnvironment,
        System.Collections.Concurrent.ConcurrentDictionary<string, Homepage.Liquid.LiquidTemplate>> FilterTemplates = new();

    /// <summary>Run Jekyll's filters over a string outside any page (<c>markdownify</c>, <c>strip_html</c>...), as plugins do from Ruby.</summary>
    internal static string ApplyFilters(Site site, string input, params string[] filters)
    {
        var templates = FilterTemplates.GetValue(site.Liquid, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, Homepage.Liquid.LiquidTemplate>());
        var template = templates.GetOrAdd("{{ input | " + string.Join(" | ", filters) + " }}", source => site.Liquid.Parse(source, "(plugin)"));
        var payload = site.NewPayload();
        payload["input"] = input;
        return template.Render(payload);
    }

    internal static string Template(string name)
    {
        using var stream = typeof(PluginSet).Assembly.GetManifestResourceStream("Homepage.Engine.Plugins.Templates." + name)
                           ?? throw new InvalidOperationException("Missing plugin template " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
