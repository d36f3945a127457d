using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Drops;

/// <summary>
/// A page as Liquid sees it. Jekyll's <c>Page#to_liquid</c> is a hash: the defaults, the front matter, then
/// <c>content dir excerpt name path url</c>; the attributes here are read live, so <c>content</c> follows rendering.
/// </summary>
public sealed class PageDrop : Drop
{
    private static readonly string[] Attributes = ["content", "dir", "excerpt", "name", "path", "url"];

    public PageDrop(Page page) => Page = page;

    public Page Page { get; }

    protected override IReadOnlyList<string> MethodNames => [];

    protected override IDictionary<string, object?> FallbackData => Page.Data;

    private OrderedDictionary<string, object?>? _defaults;
    private OrderedDictionary<string, object?> Defaults => _defaults ??= Page.Site.FrontmatterDefaults.All(Page.RelativePath, "pages");

    protected override bool TryGetMethod(string key, out object? value)
    {
        if (key is "content" or "excerpt") Rendering.RenderDependencies.Item(Page);
        switch (key)
        {
            case "content": value = Page.Content; return true;
            case "dir": value = Page.UrlDirForLiquid; return true;
            case "excerpt": value = Page.Excerpt is { } e ? RubyValue.ToS(e is Excerpt x ? x.Render() : e) : null; return true;
            case "name": value = Page.Name; return true;
            case "path": value = Page.PathForLiquid; return true;
            case "url": value = Page.Url; return true;
        }
        value = null;
        return false;
    }

    public override bool TryGetValue(string key, out object? value)
    {
        if (TryGetMethod(key, out value)) return true;
        if (Page.Data.TryGetValue(key, out value))
        {
            if (value is IDictionary<string, object?> hash && Defaults.Get(key) is IDictionary<string, object?> def)
                value = RubyHash.DeepMerge(def, hash);
            else if (value is null && Defaults.TryGetValue(key, out var d))
                value = d;
            return true;
        }
        return Defaults.TryGetValue(key, out value);
    }

    public override IEnumerable<string> Keys
    {
        get
        {
            var seen = new HashSet<string>();
            foreach (var k in Defaults.Keys) if (seen.Add(k)) yield return k;
            foreach (var k in Page.Data.Keys) if (seen.Add(k)) yield return k;
            foreach (var k in Attributes) if (seen.Add(k)) yield return k;
        }
    }
}
