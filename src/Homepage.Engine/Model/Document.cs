using System.Text.RegularExpressions;
using Homepage.Engine.Drops;
using Homepage.Engine.Reading;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Model;

/// <summary>Jekyll's <c>Document</c>: a file with front matter in a collection (posts and drafts included).</summary>
public sealed partial class Document : Convertible
{
    [GeneratedRegex(@"^(?:.+/)*(.*)(\.[^.]+)$")]
    private static partial Regex DatelessFilename();

    [GeneratedRegex(@"^(?>.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")]
    public static partial Regex DateFilename();

    private string? _url;
    private DocumentDrop? _drop;

    public Document(Site site, string absolutePath, Collection collection) : base(site)
    {
        AbsolutePath = absolutePath;
        Collection = collection;
        var collectionsPath = site.CollectionsPath + "/";
        RelativePathValue = absolutePath.StartsWith(collectionsPath, StringComparison.Ordinal)
            ? absolutePath[collectionsPath.Length..]
            : absolutePath;
        RelativePathValue = RelativePathValue.Replace('\\', '/');
        ExtnameValue = RubyExtname(absolutePath);
        Basename = Path.GetFileName(absolutePath);
        BasenameWithoutExt = Path.GetFileNameWithoutExtension(absolutePath);
        IsDraft = collection.Label == "posts" && !RelativePathValue.Contains(collection.RelativeDirectory, StringComparison.Ordinal);
        Data["draft"] = IsDraft;
        CategoriesFromPath(IsDraft ? "_drafts" : collection.RelativeDirectory);
    }

    public string AbsolutePath { get; }
    public Collection Collection { get; }
    private string RelativePathValue { get; }
    private string ExtnameValue { get; }
    public string Basename { get; }
    public string BasenameWithoutExt { get; }
    public bool IsDraft { get; }

    public override string RelativePath => RelativePathValue;
    public override string Extname => ExtnameValue;
    public override string LiquidPath => RelativePath;

    public OrderedDictionary<string, object?> Data { get; } = RubyHash.New();

    public Excerpt? Excerpt { get; private set; }

    public override object? GetData(string key) =>
        Data.TryGetValue(key, out var v) ? v : Site.FrontmatterDefaults.Find(RelativePath, Collection.Label, key);

    public bool IsYamlFile => Extname is ".yaml" or ".yml";

    public DateTimeOffset Date
    {
        get
        {
            if (Data.TryGetValue("date", out var d) && d is DateTimeOffset t) return t;
            var value = IsDraft ? RubyTime.ToZone(new DateTimeOffset(File.GetLastWriteTimeUtc(AbsolutePath), TimeSpan.Zero), Site.TimeZone) : Site.Time;
            Data["date"] = value;
            return value;
        }
    }

    public string CleanedRelativePath
    {
        get
        {
            var withoutExt = RelativePath[..^Extname.Length];
            var idx = withoutExt.IndexOf(Collection.RelativeDirectory, StringComparison.Ordinal);
            if (idx >= 0) withoutExt = withoutExt.Remove(idx, Collection.RelativeDirectory.Length);
            return withoutExt.TrimEnd('.');
        }
    }

    public bool Published => !(Data.TryGetValue("published", out var p) && p is false);

    public override bool RenderWithLiquid
    {
        get
        {
            if (GetData("render_with_liquid") is false) return false;
            return !(Extname == ".coffee" || IsYamlFile) && base.RenderWithLiquid;
        }
    }

    public override bool PlaceInLayout => !(IsAssetFile || IsYamlFile || NoLayout);

    public override string Url => _url ??= ComputeUrl();

    private string ComputeUrl()
    {
        var placeholders = new UrlDrop(this);
        var template = PermalinkValue ?? Collection.UrlTemplate;
        return UrlUtil.Sanitize(UrlUtil.FromLookup(template, placeholders.Lookup));
    }

    public string Id => EntryFilter.JoinPath(UrlUtil.Dirname(Url), RubyValue.ToS(GetData("slug") ?? BasenameWithoutExt));

    public override object ToLiquid() => _drop ??= new DocumentDrop(this);

    public override string DestinationPath(string destination)
    {
        var path = Site.InDestDir(destination, UrlUtil.UnescapePath(Url));
        if (Url.EndsWith('/')) return Path.Combine(path, "index.html");
        if (!path.EndsWith(OutputExt, StringComparison.Ordinal)) path += OutputExt;
        return path;
    }

    private bool? _write;
    public override bool Write => _write ??= Collection.Write && Site.Publisher.Publish(this);

    public string ExcerptSeparator => RubyValue.ToS(GetData("excerpt_separator") ?? Site.Config.Get("excerpt_separator"));

    public Document? NextDoc
    {
        get
        {
            var docs = Collection.Docs;
            var pos = Collection.IndexOf(this);
            return pos >= 0 && pos < docs.Count - 1 ? docs[pos + 1] : null;
        }
    }

    public Document? PreviousDoc
    {
        get
        {
            var pos = Collection.IndexOf(this);
            return pos > 0 ? Collection.Docs[pos - 1] : null;
        }
    }

    /// <summary>Where this document was last seen in its collection's list (see <see cref="Collection.IndexOf"/>).</summary>
    internal int IndexHint { get; set; } = -1;

    /// <summary><c>Document#read</c>: defaults, then front matter, then title/slug/categories/tags/excerpt.</summary>
    public void Read()
    {
        if (IsYamlFile)
        {
            if (Yaml.RubyYaml.Load(TextFiles.Read(AbsolutePath)) is IDictionary<string, object?> yaml)
                foreach (var (k, v) in yaml) Data[k] = v;
            return;
        }
        var defaults = Site.FrontmatterDefaults.All(RelativePath, Collection.Label);
        if (defaults.Count > 0) MergeData(defaults, "front matter defaults");
        var text = TextFiles.Read(AbsolutePath);
        var parsed = FrontMatter.Parse(text);
        Content = parsed.Content;
        ContentLine = parsed.ContentLine;
        if (parsed.Error is not null)
        {
            Site.Log.Error("Error:", $"YAML Exception reading {AbsolutePath}: {parsed.Error.Message} at line {parsed.Error.Line} column {parsed.Error.Column}");
            if (Site.StrictFrontMatter) throw new BuildException($"YAML Exception reading {RelativePath}: {parsed.Error.Message}", RelativePath, parsed.Error.Line);
        }
        else if (parsed.Data is not null)
        {
            MergeData(parsed.Data, "YAML front matter");
        }
        PopulateTitle();
        PopulateCategories();
        PopulateTags();
        if (ExcerptSeparator.Length > 0 && !Data.ContainsKey("excerpt"))
        {
            Excerpt = new Excerpt(this);
            Data["excerpt"] = Excerpt;
        }
        else if (Data.TryGetValue("excerpt", out var e) && e is Excerpt ex)
        {
            Excerpt = ex;
        }
    }

    /// <summary>A new excerpt from the current content, as plugins that rewrite a post's content make (<c>Jekyll::Excerpt.new(doc)</c>).</summary>
    public void RegenerateExcerpt()
    {
        Excerpt = new Excerpt(this);
        Data["excerpt"] = Excerpt;
    }

    private void MergeData(IDictionary<string, object?> other, string source)
    {
        other = MergeCategories(other);
        RubyHash.DeepMergeInto(Data, other);
        // Utils.parse_date(date.to_s): every date, YAML timestamps included, becomes a local time of the site's zone.
        if (Data.TryGetValue("date", out var date) && !(date is DateTimeOffset t && t.Offset == Site.TimeZone.GetUtcOffset(t)))
        {
            Data["date"] = RubyTime.FromValue(date, Site.TimeZone)
                ?? throw new BuildException($"Invalid date '{RubyValue.ToS(date)}': Document '{RelativePath}' does not have a valid date in the {source}.", RelativePath);
        }
    }

    private IDictionary<string, object?> MergeCategories(IDictionary<string, object?> other)
    {
        if (!other.TryGetValue("categories", out var cats) || cats is null) return other;
        var copy = RubyHash.Copy(other);
        List<object?> list = cats is string s ? s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToList() : RubyHash.ToArray(cats);
        if (Data.TryGetValue("categories", out var existing) && existing is IList<object?> existingList)
        {
            var union = new List<object?>();
            foreach (var c in existingList.Concat(list)) if (!union.Contains(c)) union.Add(c);
            list = union;
        }
        copy["categories"] = list;
        return copy;
    }

    private void CategoriesFromPath(string specialDir)
    {
        List<object?> superdirs;
        if (RelativePath.StartsWith(specialDir, StringComparison.Ordinal))
            superdirs = [];
        else
        {
            var idx = RelativePath.IndexOf(specialDir, StringComparison.Ordinal);
            var rest = idx >= 0 ? RelativePath[..idx] : RelativePath;
            superdirs = rest.Split('/').Where(c => c.Length > 0 && c != specialDir && c != Basename).Cast<object?>().ToList();
        }
        var hash = RubyHash.New();
        hash["categories"] = superdirs;
        MergeData(hash, "file path");
    }

    private void PopulateTitle()
    {
        string? slug = null;
        string? ext = null;
        var m = DateFilename().Match(RelativePath);
        if (m.Success)
        {
            slug = m.Groups[2].Value;
            ext = m.Groups[3].Value;
            ModifyDate(m.Groups[1].Value);
        }
        else
        {
            var d = DatelessFilename().Match(RelativePath);
            if (d.Success)
            {
                slug = d.Groups[1].Value;
                ext = d.Groups[2].Value;
            }
        }
        slug ??= BasenameWithoutExt;
        slug = slug.TrimEnd('.');
        if (GetData("title") is null) Data["title"] = Slug.Titleize(slug);
        if (GetData("slug") is null) Data["slug"] = slug;
        if (GetData("ext") is null) Data["ext"] = ext;
    }

    private void ModifyDate(string date)
    {
        var current = Data.TryGetValue("date", out var d) ? d as DateTimeOffset? : null;
        if (current is null || current.Value.ToUnixTimeSeconds() == Site.Time.ToUnixTimeSeconds())
        {
            var hash = RubyHash.New();
            hash["date"] = date;
            MergeData(hash, "filename");
        }
    }

    private void PopulateCategories()
    {
        var categories = RubyHash.ToArray(Data.Get("categories"));
        categories.AddRange(PluralizedArray("category", "categories"));
        var flat = new List<object?>();
        foreach (var c in categories)
        {
            var s = c is IList<object?> nested ? nested : (IList<object?>)[c];
            foreach (var x in s)
            {
                var str = RubyValue.ToS(x);
                if (!flat.Contains(str)) flat.Add(str);
            }
        }
        var hash = RubyHash.New();
        hash["categories"] = flat;
        MergeData(hash, "YAML front matter");
    }

    private void PopulateTags()
    {
        var hash = RubyHash.New();
        hash["tags"] = PluralizedArray("tag", "tags");
        MergeData(hash, "YAML front matter");
    }

    /// <summary><c>Utils.pluralized_array_from_hash</c>.</summary>
    private List<object?> PluralizedArray(string singular, string plural)
    {
        var value = GetData(singular);
        if (value is null)
        {
            value = GetData(plural) switch
            {
                string s => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToList(),
                IList<object?> l => l.Where(x => x is not null).ToList(),
                _ => null,
            };
        }
        var result = new List<object?>();
        void Flatten(object? v)
        {
            if (v is IList<object?> l) foreach (var x in l) Flatten(x);
            else if (v is not null) result.Add(v);
        }
        Flatten(value);
        return result;
    }
}
