using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Drops;

/// <summary>Jekyll's <c>SiteDrop</c>: <c>site.*</c>, the configuration as fallback, collections by label.</summary>
public sealed class SiteDrop : Drop
{
    private static readonly string[] Methods =
        ["tags", "time", "config", "categories", "pages", "data", "static_files", "posts", "html_pages", "collections", "documents", "related_posts"];

    private readonly Site _site;
    private List<object?>? _posts;
    private List<object?>? _htmlPages;
    private List<object?>? _collections;
    private List<object?>? _documents;

    public SiteDrop(Site site) => _site = site;

    protected override IReadOnlyList<string> MethodNames => Methods;
    protected override IDictionary<string, object?> FallbackData => _site.Config;

    public override bool TryGetValue(string key, out object? value)
    {
        _site.Plugins.GitHubMetadata?.ThrowIfUnresolvable(key);
        if (key != "posts" && _site.Collections.TryGetValue(key, out var collection))
        {
            Rendering.RenderDependencies.SiteStructure();
            value = collection.Docs.Select(d => d.ToLiquid()).ToList<object?>();
            return true;
        }
        return base.TryGetValue(key, out value);
    }

    protected override bool TryGetMethod(string key, out object? value)
    {
        switch (key)
        {
            case "data": Rendering.RenderDependencies.SiteData(); value = _site.SiteData; return true;
            case "time": value = _site.Time; return true;
            case "pages" or "static_files" or "tags" or "categories" or "posts" or "html_pages" or "collections" or "documents":
                Rendering.RenderDependencies.SiteStructure();
                break;
        }
        switch (key)
        {
            case "pages": value = _site.Pages.Select(p => p.ToLiquid()).ToList<object?>(); return true;
            case "static_files": value = _site.StaticFiles.Select(f => f.ToLiquid()).ToList<object?>(); return true;
            case "tags": value = PostsBy("tags"); return true;
            case "categories": value = PostsBy("categories"); return true;
            case "posts":
                value = _posts ??= _site.Posts.Docs.AsEnumerable().Reverse().OrderByDescending(d => d, DocumentComparer.Instance).Select(d => d.ToLiquid()).ToList<object?>();
                return true;
            case "html_pages":
                value = _htmlPages ??= _site.Pages.Where(p => p.IsHtml || p.Url.EndsWith('/')).Select(p => p.ToLiquid()).ToList<object?>();
                return true;
            case "collections":
                value = _collections ??= _site.Collections.Values.OrderBy(c => c.Label, StringComparer.Ordinal).Select(c => c.ToLiquid()).ToList<object?>();
                return true;
            case "documents":
                value = _documents ??= _site.Documents.Select(d => d is Document doc ? doc.ToLiquid() : ((StaticFile)d).ToLiquid()).ToList<object?>();
                return true;
            case "related_posts": value = null; return true;
            case "config": value = null; return true;
        }
        value = null;
        return false;
    }

    private OrderedDictionary<string, object?> PostsBy(string attribute) => _site.PostAttrHash(attribute);
}

/// <summary>Jekyll's <c>StaticFileDrop</c>.</summary>
public sealed class StaticFileDrop : Drop
{
    private static readonly string[] Methods = ["name", "modified_time", "collection", "basename", "extname", "path"];

    public StaticFileDrop(StaticFile file) => File = file;

    public StaticFile File { get; }

    protected override IReadOnlyList<string> MethodNames => Methods;
    protected override IDictionary<string, object?> FallbackData => File.Data;

    protected override bool TryGetMethod(string key, out object? value)
    {
        switch (key)
        {
            case "name": value = File.Name; return true;
            case "extname": value = File.Extname; return true;
            case "modified_time": value = File.ModifiedTime; return true;
            case "basename": value = File.Basename; return true;
            case "path": value = File.RelativePath; return true;
            case "collection": value = File.Type; return true;
        }
        value = null;
        return false;
    }
}

/// <summary>Jekyll's <c>CollectionDrop</c>.</summary>
public sealed class CollectionDrop : Drop
{
    private static readonly string[] Methods = ["label", "files", "docs", "directory", "relative_directory", "output"];

    public CollectionDrop(Collection collection) => Collection = collection;

    public Collection Collection { get; }

    protected override IReadOnlyList<string> MethodNames => Methods;
    protected override IDictionary<string, object?> FallbackData => Collection.Metadata;

    protected override bool TryGetMethod(string key, out object? value)
    {
        if (key is "docs" or "files") Rendering.RenderDependencies.SiteStructure();
        switch (key)
        {
            case "output": value = Collection.Write; return true;
            case "label": value = Collection.Label; return true;
            case "docs": value = Collection.Docs.Select(d => d.ToLiquid()).ToList<object?>(); return true;
            case "files": value = Collection.Files.Select(f => f.ToLiquid()).ToList<object?>(); return true;
            case "directory": value = Collection.Directory; return true;
            case "relative_directory": value = Collection.RelativeDirectory; return true;
        }
        value = null;
        return false;
    }

    public override string ToString()
    {
        Rendering.RenderDependencies.SiteStructure();
        foreach (var doc in Collection.Docs) Rendering.RenderDependencies.Item(doc);
        return string.Concat(Collection.Docs.Select(d => d.Output ?? d.Content));
    }
}

/// <summary>Jekyll's <c>JekyllDrop</c>: <c>jekyll.version</c> and <c>jekyll.environment</c>.</summary>
public sealed class JekyllDrop : Drop
{
    public const string Version = "4.3.1";

    private static readonly string[] Methods = ["version", "environment"];
    private readonly string _environment;

    public JekyllDrop(string environment) => _environment = environment;

    protected override IReadOnlyList<string> MethodNames => Methods;
    protected override IDictionary<string, object?> FallbackData { get; } = RubyHash.New();

    protected override bool TryGetMethod(string key, out object? value)
    {
        value = key switch { "version" => Version, "environment" => _environment, _ => null };
        return key is "version" or "environment";
    }
}
