using Homepage.Engine.Model;

namespace Homepage.Engine.Drops;

/// <summary>Jekyll's <c>DocumentDrop</c>: a collection document as <c>page</c> or in <c>site.posts</c>.</summary>
public class DocumentDrop : Drop
{
    // The order Jekyll's to_h/jsonify lists them in.
    private static readonly string[] Methods =
    [
        "tags", "relative_path", "excerpt", "collection", "previous", "id", "title", "categories", "name", "url", "next",
        "content", "path", "date", "output",
    ];

    public DocumentDrop(Document doc) => Doc = doc;

    public Document Doc { get; }

    protected override IReadOnlyList<string> MethodNames => Methods;

    protected override IDictionary<string, object?> FallbackData => Doc.Data;

    public override bool TryGetValue(string key, out object? value)
    {
        if (TryGetMethod(key, out value)) return true;
        value = Doc.GetData(key);
        return value is not null || Doc.Data.ContainsKey(key);
    }

    protected override bool TryGetMethod(string key, out object? value)
    {
        if (key is "excerpt" or "output" or "content" or "to_s") Rendering.RenderDependencies.Item(Doc);
        switch (key)
        {
            case "collection": value = Doc.Collection.Label; return true;
            case "excerpt": value = Doc.Data.TryGetValue("excerpt", out var e) ? e switch { Excerpt x => x.Render(), null => "", _ => Utilities.RubyValue.ToS(e) } : ""; return true;
            case "name": value = Doc.Data.TryGetValue("name", out var n) && n is not null ? n : Doc.Basename; return true;
            case "previous": Rendering.RenderDependencies.SiteStructure(); value = Doc.PreviousDoc?.ToLiquid(); return true;
            case "next": Rendering.RenderDependencies.SiteStructure(); value = Doc.NextDoc?.ToLiquid(); return true;
            case "path": case "relative_path": value = Doc.RelativePath; return true;
            case "id": value = Doc.Id; return true;
            case "output": value = Doc.Output; return true;
            case "content": value = Doc.Content; return true;
            case "to_s": value = Doc.Output ?? Doc.Content ?? "NO CONTENT"; return true;
            case "url": value = Doc.Url; return true;
            case "date": value = Doc.Date; return true;
            case "title": value = Doc.Data.Utilities_Get("title"); return true;
            case "categories": value = Doc.Data.Utilities_Get("categories"); return true;
            case "tags": value = Doc.Data.Utilities_Get("tags"); return true;
        }
        value = null;
        return false;
    }

    public override string ToString()
    {
        Rendering.RenderDependencies.Item(Doc);
        return Doc.Output ?? Doc.Content ?? "NO CONTENT";
    }
}

/// <summary>Jekyll's <c>ExcerptDrop</c>.</summary>
public sealed class ExcerptDrop : Drop
{
    private static readonly string[] Methods =
    [
        "name", "date", "excerpt", "layout", "tags", "relative_path", "collection", "previous", "id", "title", "categories",
        "url", "next", "content", "path", "output",
    ];

    public ExcerptDrop(Excerpt excerpt) => Excerpt = excerpt;

    public Excerpt Excerpt { get; }

    protected override IReadOnlyList<string> MethodNames => Methods;
    protected override IDictionary<string, object?> FallbackData => Excerpt.Data;

    protected override bool TryGetMethod(string key, out object? value)
    {
        var doc = Excerpt.Doc;
        if (key is "output" or "content" or "to_s") Rendering.RenderDependencies.Item(doc);
        switch (key)
        {
            case "layout": value = doc.GetData("layout"); return true;
            case "date": value = doc.Date; return true;
            case "excerpt": value = null; return true;
            case "name": value = doc.Data.TryGetValue("name", out var n) && n is not null ? n : doc.Basename; return true;
            case "collection": value = doc.Collection.Label; return true;
            case "previous": Rendering.RenderDependencies.SiteStructure(); value = doc.PreviousDoc?.ToLiquid(); return true;
            case "next": Rendering.RenderDependencies.SiteStructure(); value = doc.NextDoc?.ToLiquid(); return true;
            case "path": case "relative_path": value = Excerpt.RelativePath; return true;
            case "id": value = Excerpt.Id; return true;
            case "output": value = Excerpt.Output; return true;
            case "content": value = Excerpt.Content; return true;
            case "to_s": value = Excerpt.Output ?? Excerpt.Content; return true;
            case "url": value = doc.Url; return true;
            case "title": value = Excerpt.Data.Utilities_Get("title"); return true;
            case "categories": value = Excerpt.Data.Utilities_Get("categories"); return true;
            case "tags": value = Excerpt.Data.Utilities_Get("tags"); return true;
        }
        value = null;
        return false;
    }
}

internal static class DataExtensions
{
    public static object? Utilities_Get(this IDictionary<string, object?> data, string key) => data.TryGetValue(key, out var v) ? v : null;
}
