using Homepage.Engine.Drops;
using Homepage.Engine.Reading;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Model;

/// <summary>Jekyll's <c>Page</c>: a file with front matter outside collections, or one a generator makes.</summary>
public class Page : Convertible
{
    private static readonly string[] HtmlExtensions = [".html", ".xhtml", ".htm"];
    private string? _url;
    private PageDrop? _drop;

    /// <param name="dir">The folder relative to the source, Jekyll style: <c>""</c> at the root, else <c>/sub/dir</c>.</param>
    public Page(Site site, string dir, string name) : base(site)
    {
        Dir = dir;
        RelativePath = EntryFilter.JoinPath(dir, name).TrimStart('/');
        Name = name;
        Ext = RubyExtname(name);
        Basename = name[..^Ext.Length].TrimEnd('.');
    }

    /// <summary>The folder used for the URL's <c>:path</c>; pagination moves copies of a page (Jekyll's <c>dir=</c>).</summary>
    public string Dir
    {
        get => _dir;
        set
        {
            _dir = value;
            _url = null;
        }
    }

    private string _dir = "";
    public string Name { get; }
    public string Ext { get; }
    public string Basename { get; }
    public override string Extname => Ext;

    /// <summary>The front matter as read (Jekyll's <c>data</c>; defaults are looked up when a key is missing).</summary>
    public OrderedDictionary<string, object?> Data { get; set; } = RubyHash.New();

    /// <summary>Set for pages a generator made (their <c>paginator</c>).</summary>
    public object? Pager { get; set; }

    /// <summary>Fixed when the page is read, as Jekyll memoizes it.</summary>
    public override string RelativePath { get; }

    /// <summary>The folder the page was read from: the source, or a theme's root for theme assets.</summary>
    public string BaseDirectory { get; init; } = "";

    public string SourcePath => Path.Combine(BaseDirectory.Length > 0 ? BaseDirectory : Site.Source, RelativePath);

    public override object? GetData(string key) =>
        Data.TryGetValue(key, out var v) ? v : Site.FrontmatterDefaults.Find(RelativePath, "pages", key);

    /// <summary><c>page.path</c>: the front matter's <c>path</c>, else the relative path.</summary>
    public string PathForLiquid => Data.TryGetValue("path", out var p) && p is not null ? RubyValue.ToS(p) : RelativePath;

    public bool IsHtml => HtmlExtensions.Contains(OutputExt);
    public bool IsIndex => Basename == "index";

    protected virtual string Template
    {
        get
        {
            if (!IsHtml) return "/:path/:basename:output_ext";
            if (IsIndex) return "/:path/";
            return UrlUtil.AddPermalinkSuffix("/:path/:basename", Site.PermalinkStyle);
        }
    }

    public override string Url => _url ??= ComputeUrl();

    public void ResetUrl() => _url = null;

    private string ComputeUrl()
    {
        var placeholders = new (string, string?)[] { ("path", Dir), ("basename", Basename), ("output_ext", OutputExt) };
        var permalink = PermalinkValue;
        var generated = permalink is not null ? UrlUtil.FromHash(permalink, placeholders) : UrlUtil.FromHash(Template, placeholders);
        return UrlUtil.Sanitize(generated);
    }

    /// <summary><c>page.dir</c>.</summary>
    public string UrlDirForLiquid
    {
        get
        {
            if (Url.EndsWith('/')) return Url;
            var value = UrlUtil.Dirname(Url);
            return value.EndsWith('/') ? value : value + "/";
        }
    }

    public object? Excerpt { get; set; }

    public override object ToLiquid() => _drop ??= new PageDrop(this);

    public override string DestinationPath(string destination)
    {
        var path = Site.InDestDir(destination, UrlUtil.UnescapePath(Url));
        if (Url.EndsWith('/')) path = Path.Combine(path, "index");
        if (!path.EndsWith(OutputExt, StringComparison.Ordinal)) path += OutputExt;
        return path;
    }

    public override bool Write => true;

    public override string LiquidPath => PathForLiquid;
}

/// <summary>A page with no file behind it (sitemap, feed, redirects.json): its content is set by the generator.</summary>
public class PageWithoutAFile : Page
{
    public PageWithoutAFile(Site site, string dir, string name) : base(site, dir, name)
    {
    }
}
