using Homepage.Engine.Drops;
using Homepage.Engine.Reading;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Model;

/// <summary>Jekyll's <c>StaticFile</c>: a file without front matter, copied as it is.</summary>
public sealed class StaticFile
{
    private string? _url;
    private StaticFileDrop? _drop;
    private OrderedDictionary<string, object?>? _data;

    /// <param name="dir">Folder relative to the source (<c>/assets</c>, <c>""</c> at the root, <c>_col/sub</c> in a collection).</param>
    public StaticFile(Site site, string dir, string name, Collection? collection = null)
    {
        Site = site;
        Dir = dir;
        Name = name;
        Collection = collection;
        RelativePath = dir.Length == 0 ? "/" + name : EntryFilter.JoinPath(dir, name);
        if (collection is null && !RelativePath.StartsWith('/')) RelativePath = "/" + RelativePath;
        Extname = Convertible.RubyExtname(name);
    }

    public Site Site { get; }
    public string Dir { get; }
    public string Name { get; }
    public Collection? Collection { get; }
    public string RelativePath { get; }
    public string Extname { get; }

    /// <summary>The folder the file was read from: the source, or a theme's root for theme assets.</summary>
    public string? BaseDirectory { get; init; }

    public string AbsolutePath
    {
        get
        {
            if (BaseDirectory is not null) return Path.Combine(BaseDirectory, RelativePath.TrimStart('/'));
            var collectionsDir = Site.Config.GetString("collections_dir") ?? "";
            var rel = RelativePath.TrimStart('/');
            return Collection is not null && collectionsDir.Length > 0
                ? Path.Combine(Site.Source, collectionsDir, rel)
                : Path.Combine(Site.Source, rel);
        }
    }

    public string Basename => Path.GetFileNameWithoutExtension(Name).TrimEnd('.');

    private DateTimeOffset? _modified;
    public DateTimeOffset ModifiedTime => _modified ??= RubyTime.ToZone(new DateTimeOffset(File.GetLastWriteTimeUtc(AbsolutePath), TimeSpan.Zero), Site.TimeZone);

    public string CleanedRelativePath
    {
        get
        {
            var cleaned = RelativePath[..^Extname.Length].TrimEnd('.');
            if (Collection is not null)
            {
                var idx = cleaned.IndexOf(Collection.RelativeDirectory, StringComparison.Ordinal);
                if (idx >= 0) cleaned = cleaned.Remove(idx, Collection.RelativeDirectory.Length);
            }
            return cleaned;
        }
    }

    public string Url => _url ??= ComputeUrl();

    private string ComputeUrl()
    {
        string baseUrl;
        if (Collection is null) baseUrl = CleanedRelativePath;
        else
        {
            var placeholders = new Dictionary<string, string>
            {
                ["collection"] = Collection.Label, ["path"] = CleanedRelativePath, ["output_ext"] = "", ["name"] = Basename, ["title"] = "",
            };
            baseUrl = UrlUtil.Sanitize(UrlUtil.FromHash(Collection.UrlTemplate, placeholders.Select(kv => (kv.Key, (string?)kv.Value))));
        }
        if (baseUrl.EndsWith('/')) baseUrl = baseUrl[..^1];
        return baseUrl + Extname;
    }

    public string? Type => Collection?.Label;

    /// <summary>Front-matter defaults for the file (<c>static_file.data</c>: looked up by relative path).</summary>
    public OrderedDictionary<string, object?> Data => _data ??= Site.FrontmatterDefaults.All(RelativePath, Type);

    public bool Write
    {
        get
        {
            var defaults = Site.FrontmatterDefaults.All(Url, Type);
            var publishable = !defaults.TryGetValue("published", out var p) || RubyValue.Truthy(p);
            return Collection is null ? publishable : publishable && Collection.Write;
        }
    }

    public string DestinationPath(string destination) => Site.InDestDir(destination, UrlUtil.UnescapePath(Url));

    public object ToLiquid() => _drop ??= new StaticFileDrop(this);
}
