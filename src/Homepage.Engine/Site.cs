using Homepage.Engine.Drops;
using Homepage.Engine.Model;
using Homepage.Engine.Plugins;
using Homepage.Engine.Reading;
using Homepage.Engine.Rendering;
using Homepage.Engine.Utilities;
using Homepage.Engine.Writing;
using Homepage.Liquid;

namespace Homepage.Engine;

/// <summary>Jekyll's <c>Site</c>: the configuration and everything read from the source; <see cref="Process"/> builds it.</summary>
public sealed partial class Site
{
    public Site(OrderedDictionary<string, object?> config, Logger log, SiteOptions? options = null)
    {
        Log = log;
        Options = options ?? new SiteOptions();
        Source = Path.TrimEndingDirectorySeparator(config.GetString("source")!);
        Theme = Model.Theme.Resolve(config, Source, log);
        if (Theme is not null) config = Theme.ApplyConfiguration(config, log);
        Config = config;
        Destination = Path.TrimEndingDirectorySeparator(config.GetString("destination")!);
        Safe = RubyValue.Truthy(config.Get("safe"));
        Include = StringList(config.Get("include"));
        Exclude = StringList(config.Get("exclude"));
        KeepFiles = StringList(config.Get("keep_files"));
        Future = RubyValue.Truthy(config.Get("future"));
        Unpublished = RubyValue.Truthy(config.Get("unpublished"));
        ShowDrafts = RubyValue.Truthy(config.Get("show_drafts"));
        StrictFrontMatter = RubyValue.Truthy(config.Get("strict_front_matter"));
        PermalinkStyle = RubyValue.ToS(config.Get("permalink") ?? "date");
        TimeZone = config.GetString("timezone") is { Length: > 0 } tz ? RubyTime.ResolveZone(tz) : Options.TimeZone ?? RubyTime.ResolveZone(null);
        Environment = System.Environment.GetEnvironmentVariable("JEKYLL_ENV") is { Length: > 0 } env ? env : "development";
        var collectionsDir = config.GetString("collections_dir") ?? "";
        CollectionsPath = collectionsDir.Length == 0 ? Source : InSourceDir(collectionsDir);
        Publisher = new Publisher(this);
        Renderer = new Renderer(this);
        Plugins = new PluginSet(this);
        EnsureNotInDestination();
    }

    public OrderedDictionary<string, object?> Config { get; }
    public Theme? Theme { get; }
    public Logger Log { get; }
    public SiteOptions Options { get; }
    public string Source { get; }
    public string Destination { get; }
    public string CollectionsPath { get; }
    public bool Safe { get; }
    public List<string> Include { get; }
    public List<string> Exclude { get; }
    public List<string> KeepFiles { get; }
    public bool Future { get; }
    public bool Unpublished { get; }
    public bool ShowDrafts { get; }
    public bool StrictFrontMatter { get; }
    public string PermalinkStyle { get; }
    public TimeZoneInfo TimeZone { get; }
    public string Environment { get; }
    public Publisher Publisher { get; }
    public Renderer Renderer { get; }
    public PluginSet Plugins { get; }

    public DateTimeOffset Time { get; private set; }
    public Dictionary<string, Layout> Layouts { get; } = new(StringComparer.Ordinal);
    public List<Page> Pages { get; } = new();
    public List<StaticFile> StaticFiles { get; } = new();
    public OrderedDictionary<string, object?> Data { get; set; } = RubyHash.New();
    public OrderedDictionary<string, Collection> Collections { get; } = new(StringComparer.Ordinal);
    public FrontmatterDefaults FrontmatterDefaults { get; private set; } = null!;
    private Task<LiquidEnvironment> _liquid = null!;

    /// <summary>The site's Liquid environment (one per build, shared by every render).</summary>
    public LiquidEnvironment Liquid => _liquid.GetAwaiter().GetResult();
    public SiteHost Host { get; private set; } = null!;

    public Collection Posts => Collections.TryGetValue("posts", out var p) ? p : Collections["posts"] = new Collection(this, "posts");

    public object? SiteData => Config.Get("data") ?? Data;

    private static List<string> StringList(object? value) => RubyHash.ToArray(value).Select(RubyValue.ToS).ToList();

    /// <summary><c>Site#process</c>: reset, read, generate, render, cleanup and write.</summary>
    public void Process()
    {
        if (RubyValue.Truthy(Config.Get("profile")))
        {
            Profiler.ProfileProcess(this);
            return;
        }
        var timings = System.Environment.GetEnvironmentVariable("HOMEPAGE_TIMINGS") is not null;
        foreach (var (name, run) in Phases)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            run();
            if (timings && run != NoCleanup)
                Console.Error.WriteLine($"{name.ToLowerInvariant()}: {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms");
        }
    }

    /// <summary>The build's phases in Jekyll's order. Cleanup happens inside the atomic write here, so its phase is empty.</summary>
    internal (string Name, Action Run)[] Phases =>
        [("RESET", Reset), ("READ", Read), ("GENERATE", Generate), ("RENDER", Render), ("CLEANUP", NoCleanup), ("WRITE", () => Writer.Write(this))];

    private static readonly Action NoCleanup = () => { };

    public void Reset()
    {
        Time = Config.Get("time") is { } t
            ? RubyTime.FromValue(t, TimeZone) ?? throw new BuildException($"Invalid time in _config.yml.")
            : Options.Now is { } now ? RubyTime.ToZone(now, TimeZone) : RubyTime.ToZone(DateTimeOffset.Now, TimeZone);
        Layouts.Clear();
        Pages.Clear();
        StaticFiles.Clear();
        Data = RubyHash.New();
        Collections.Clear();
        _postAttr.Clear();
        if (Config.Get("limit_posts") is long limit && limit < 0) throw new BuildException("limit_posts must be a non-negative number");
        FrontmatterDefaults = new FrontmatterDefaults(this);
        Host = new SiteHost(this);
        var liquidOptions = new LiquidEnvironmentOptions
        {
            Host = Host,
            ErrorMode = Config.GetHash("liquid")?.GetString("error_mode") ?? "warn",
            StrictFilters = RubyValue.Truthy(Config.GetHash("liquid")?.Get("strict_filters")),
            StrictVariables = RubyValue.Truthy(Config.GetHash("liquid")?.Get("strict_variables")),
            TimeZone = TimeZone,
            Tags = Plugins.Tags,
            IncludeCached = Plugins.IsRequested("jekyll-include-cache"),
            RenderStats = RenderStats = RubyValue.Truthy(Config.Get("profile")) ? new LiquidRenderStats() : null,
        };
        // Building Liquid's grammar is the costliest part of start-up; it overlaps with reading the site.
        _liquid = Task.Run(() => new LiquidEnvironment(liquidOptions));
        Converters = Rendering.Converters.Create(this);
        foreach (var name in CollectionNames()) Collections[name] = new Collection(this, name);
    }

    private IEnumerable<string> CollectionNames() => Config.Get("collections") switch
    {
        IDictionary<string, object?> hash => hash.Keys,
        IList<object?> list => list.Select(RubyValue.ToS),
        null => [],
        _ => throw new BuildException("Your `collections` key must be a hash or an array."),
    };

    public void Read()
    {
        new SiteReader(this).Read();
        if (Config.Get("limit_posts") is long limit && limit > 0 && Posts.Docs.Count > limit)
            Posts.Docs = Posts.Docs.Skip(Posts.Docs.Count - (int)limit).ToList();
    }

    public void Generate() => Plugins.Generate();

    public void Render() => Renderer.RenderSite();

    public IReadOnlyList<IConverter> Converters { get; private set; } = [];

    /// <summary>The Liquid render profile when the site is built with <c>--profile</c> (<c>profile: true</c>).</summary>
    public LiquidRenderStats? RenderStats { get; private set; }

    /// <summary>The converters for an extension, highest priority first (the identity converter last).</summary>
    public IReadOnlyList<IConverter> ConvertersFor(string extname) => Converters.Where(c => c.Matches(extname)).ToList();

    /// <summary>Every document of every collection, and their static files (<c>site.documents</c>).</summary>
    public IEnumerable<object> Documents
    {
        get
        {
            var seen = new HashSet<object>();
            foreach (var c in Collections.Values)
            {
                foreach (var d in c.Docs) if (seen.Add(d)) yield return d;
                foreach (var f in c.Files) if (seen.Add(f)) yield return f;
            }
        }
    }

    public IEnumerable<Document> DocsToWrite => Collections.Values.SelectMany(c => c.Docs).Where(d => d.Write);

    private readonly Dictionary<string, OrderedDictionary<string, object?>> _postAttr = new();

    /// <summary><c>Site#post_attr_hash</c>: posts grouped by tag or category, newest first.</summary>
    public OrderedDictionary<string, object?> PostAttrHash(string attribute)
    {
        lock (_postAttr)
        {
            if (_postAttr.TryGetValue(attribute, out var cached)) return cached;
            var groups = new OrderedDictionary<string, List<Document>>(StringComparer.Ordinal);
            foreach (var post in Posts.Docs)
            {
                if (post.Data.Get(attribute) is not IList<object?> values) continue;
                foreach (var v in values)
                {
                    var key = RubyValue.ToS(v);
                    if (!groups.TryGetValue(key, out var list)) groups[key] = list = new List<Document>();
                    list.Add(post);
                }
            }
            var result = RubyHash.New();
            foreach (var (key, list) in groups)
                result[key] = list.OrderByDescending(d => d, DocumentComparer.Instance).Select(d => d.ToLiquid()).ToList<object?>();
            _postAttr[attribute] = result;
            return result;
        }
    }

    /// <summary>A new Liquid payload (Jekyll's <c>UnifiedPayloadDrop</c>) for one render.</summary>
    public Dictionary<string, object?> NewPayload()
    {
        _siteDrop ??= new SiteDrop(this);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["site"] = _siteDrop,
            ["jekyll"] = _jekyllDrop ??= new JekyllDrop(Environment),
            ["page"] = null,
            ["layout"] = null,
            ["content"] = null,
            ["paginator"] = null,
            ["highlighter_prefix"] = null,
            ["highlighter_suffix"] = null,
        };
    }

    private SiteDrop? _siteDrop;
    private JekyllDrop? _jekyllDrop;

    /// <summary>Jekyll's <c>in_source_dir</c>: a path under the source that cannot climb out of it.</summary>
    public string InSourceDir(params string[] parts) => parts.Aggregate(Source, SanitizedPath);

    public string InDestDir(string destination, string path) => SanitizedPath(destination, path);

    /// <summary>A path as Jekyll names it in messages: relative to the source, or <c>THEME/...</c> inside the theme.</summary>
    public string RelativeToSourceOrTheme(string absolutePath)
    {
        if (Theme is not null && absolutePath.StartsWith(Theme.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return Theme.Basename + "/" + Path.GetRelativePath(Theme.Root, absolutePath).Replace('\\', '/');
        return Path.GetRelativePath(Source, absolutePath).Replace('\\', '/');
    }

    /// <summary>Jekyll's <c>sanitized_path</c>: <paramref name="questionable"/> resolved as if <paramref name="baseDirectory"/> were the root.</summary>
    public static string SanitizedPath(string baseDirectory, string? questionable)
    {
        if (questionable is null || questionable == baseDirectory) return baseDirectory;
        var clean = questionable.Replace('\\', '/');
        if (clean.StartsWith('~')) clean = "/" + clean;
        // File.expand_path(clean, "/"): resolve . and .. against the root.
        var parts = new List<string>();
        foreach (var part in clean.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        var expanded = "/" + string.Join('/', parts);
        var baseSlash = baseDirectory.TrimEnd('/') + "/";
        if (expanded == baseDirectory || expanded.StartsWith(baseSlash, StringComparison.Ordinal)) return expanded;
        if (clean.EndsWith('/') && parts.Count > 0) expanded += "/";
        return expanded == "/" ? baseDirectory.TrimEnd('/') + "/" : Path.Join(baseDirectory, expanded.TrimStart('/'));
    }

    private void EnsureNotInDestination()
    {
        var dest = Path.GetFullPath(Destination).TrimEnd(Path.DirectorySeparatorChar);
        for (var dir = new DirectoryInfo(Source); dir is not null; dir = dir.Parent)
            if (string.Equals(dir.FullName.TrimEnd(Path.DirectorySeparatorChar), dest, StringComparison.Ordinal))
                throw new BuildException("Destination directory cannot be or contain the Source directory.");
    }
}

/// <summary>Settings of a build that are not part of Jekyll's configuration.</summary>
public sealed class SiteOptions
{
    /// <summary>The clock (<c>SOURCE_DATE_EPOCH</c> pins it); null: the real time.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Render independent documents on every core (on by default).</summary>
    public bool Parallel { get; init; } = true;

    /// <summary><c>serve</c>'s memory of the previous build: render and write only what changed (null: everything).</summary>
    public Rendering.IncrementalState? Incremental { get; init; }

    /// <summary>The zone when <c>timezone</c> is not configured (Ruby's: <c>TZ</c>, else the machine's); tests pin it.</summary>
    public TimeZoneInfo? TimeZone { get; init; }
}

/// <summary>Jekyll's <c>Publisher</c>: published and not in the future (unless <c>--future</c>/<c>--unpublished</c>).</summary>
public sealed class Publisher
{
    private readonly Site _site;
    public Publisher(Site site) => _site = site;

    public bool Publish(Document doc) => CanBePublished(doc.Data) && !HiddenInTheFuture(doc);

    public bool Publish(Page page) => CanBePublished(page.Data);

    private bool CanBePublished(IDictionary<string, object?> data) =>
        !data.TryGetValue("published", out var p) || RubyValue.Truthy(p) || _site.Unpublished;

    public bool HiddenInTheFuture(Document doc) => !_site.Future && doc.Date.ToUnixTimeSeconds() > _site.Time.ToUnixTimeSeconds();
}
