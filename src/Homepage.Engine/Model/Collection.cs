using Homepage.Engine.Drops;
using Homepage.Engine.Reading;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Model;

/// <summary>Jekyll's <c>Collection</c>: <c>_label</c> folder, metadata from <c>collections:</c>, its documents and files.</summary>
public sealed class Collection
{
    private CollectionDrop? _drop;

    public Collection(Site site, string label)
    {
        Site = site;
        Label = new string(label.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.').ToArray());
        Metadata = site.Config.GetHash("collections")?.GetHash(label) ?? RubyHash.New();
    }

    public Site Site { get; }
    public string Label { get; }
    public IDictionary<string, object?> Metadata { get; }
    public List<Document> Docs { get; set; } = new();
    public List<StaticFile> Files { get; } = new();

    public string RelativeDirectory => "_" + Label;
    public string Directory => Path.Combine(Site.CollectionsPath, RelativeDirectory);
    public bool Write => RubyValue.Truthy(Metadata.Get("output"));

    public string UrlTemplate =>
        Metadata.Get("permalink") is { } p ? RubyValue.ToS(p) : UrlUtil.AddPermalinkSuffix("/:collection/:path", Site.PermalinkStyle);

    public object ToLiquid() => _drop ??= new CollectionDrop(this);

    /// <summary><c>Collection#read</c>: every entry under the folder, documents for files with front matter, the rest static files.</summary>
    public void Read()
    {
        if (!System.IO.Directory.Exists(Directory)) return;
        var filter = new EntryFilter(Site, RelativeDirectory);
        var entries = System.IO.Directory.EnumerateFileSystemEntries(Directory, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Directory, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var rel in filter.Filter(entries, Directory))
        {
            var full = Path.Combine(Directory, rel);
            if (System.IO.Directory.Exists(full)) continue;
            if (TextFiles.HasYamlHeader(full))
            {
                var doc = new Document(Site, full, this);
                doc.Read();
                if (Site.Unpublished || doc.Published) Docs.Add(doc);
            }
            else
            {
                var dir = UrlUtil.Dirname("/" + rel) is "/" ? RelativeDirectory : RelativeDirectory + UrlUtil.Dirname("/" + rel);
                Files.Add(new StaticFile(Site, dir, Path.GetFileName(full), this));
            }
        }
        Site.StaticFiles.AddRange(Files);
        SortDocs();
    }

    /// <summary>The document's position in <see cref="Docs"/> (Jekyll's <c>docs.index(doc)</c>, behind <c>page.next</c> and
    /// <c>page.previous</c>), in constant time: positions are noted for the whole list whenever one is found stale.</summary>
    public int IndexOf(Document doc)
    {
        var docs = Docs;
        var hint = doc.IndexHint;
        if (hint >= 0 && hint < docs.Count && ReferenceEquals(docs[hint], doc)) return hint;
        lock (docs)
        {
            for (var i = 0; i < docs.Count; i++) docs[i].IndexHint = i;
        }
        hint = doc.IndexHint;
        return hint >= 0 && hint < docs.Count && ReferenceEquals(docs[hint], doc) ? hint : -1;
    }

    public void SortDocs()
    {
        if (Metadata.Get("order") is IList<object?> order)
        {
            var sorted = Docs.OrderBy(d => d, DocumentComparer.Instance).ToList();
            var table = sorted.ToDictionary(d => d.RelativePath);
            var result = new List<Document>();
            foreach (var entry in order)
            {
                var key = RelativeDirectory + "/" + RubyValue.ToS(entry);
                if (table.Remove(key, out var doc)) result.Add(doc);
            }
            result.AddRange(sorted.Where(d => table.ContainsKey(d.RelativePath)));
            Docs = result;
        }
        else if (Metadata.Get("sort_by") is string key)
        {
            Docs = Docs.Select(d => (Value: d.Data.Get(key), Doc: d))
                .Order(Comparer<(object? Value, Document Doc)>.Create((a, b) =>
                {
                    int? order;
                    if (a.Value is null && b.Value is not null) { Warn(key, a.Doc); order = 1; }
                    else if (a.Value is not null && b.Value is null) { Warn(key, b.Doc); order = -1; }
                    else order = RubyCompare.Compare(a.Value, b.Value);
                    return order is null or 0 ? DocumentComparer.Instance.Compare(a.Doc, b.Doc) : order.Value;
                }))
                .Select(t => t.Doc)
                .ToList();
        }
        else
        {
            Docs = Docs.Order(DocumentComparer.Instance).ToList();
        }
    }

    private void Warn(string key, Document doc) => Site.Log.Warn("Sort warning:", $"'{key}' not defined in {doc.RelativePath}");
}

/// <summary><c>Document#&lt;=&gt;</c>: by date, then by path.</summary>
public sealed class DocumentComparer : IComparer<Document>
{
    public static readonly DocumentComparer Instance = new();

    public int Compare(Document? a, Document? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var cmp = RubyCompare.Compare(a.Data.Get("date"), b.Data.Get("date"));
        if (cmp is null or 0) cmp = string.CompareOrdinal(a.AbsolutePath, b.AbsolutePath);
        return cmp.Value;
    }
}
