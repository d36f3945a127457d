using System.Text.RegularExpressions;
using Homepage.Engine.Utilities;
using Homepage.Liquid;

namespace Homepage.Engine.Plugins;

/// <summary>
/// jekyll-seo-tag 2.8: <c>{% seo %}</c> renders the gem's own template (minified as the gem minifies it) with a
/// <c>seo_tag</c> drop that works out title, description, canonical URL, author, image and JSON-LD from the page and site.
/// </summary>
public sealed partial class SeoTag
{
    public const string Version = "2.8.0";

    private readonly Site _site;
    private readonly Lazy<LiquidTemplate> _template;

    public SeoTag(Site site)
    {
        _site = site;
        _template = new Lazy<LiquidTemplate>(() => site.Liquid.Parse(TemplateSource, "jekyll-seo-tag/template.html"));
    }

    /// <summary>The gem strips whitespace after <c>{</c>, <c>}</c>, and after <c>&gt;</c> or <c>,</c> ending a line, unless a <c>-</c> follows.</summary>
    [GeneratedRegex(@"(?<=[{}]|[>,]\n)\s+(?!-)")]
    private static partial Regex Minify();

    // Liquid calls the drop's `title?` method; Fluid reads `title?` as `title`, so the template asks for it by another name.
    private static readonly string TemplateSource =
        Minify().Replace(PluginSet.Template("seo.html"), "").Replace("seo_tag.title?", "seo_tag.title_wanted");

    public string Render(string markup, LiquidTagContext context)
    {
        var payload = _site.NewPayload();
        payload["page"] = context.Get("page");
        payload["paginator"] = context.Get("paginator");
        payload["seo_tag"] = new SeoDrop(markup, context, payload["page"], payload["site"]);
        return _template.Value.Render(payload, new LiquidRenderOptions { PagePath = context.PagePath });
    }

    /// <summary><c>hash[key]</c> on a Hash or a drop; nil on anything else.</summary>
    internal static object? At(object? container, string key) => container switch
    {
        ILiquidDrop drop => drop.TryGetValue(key, out var v) ? v : null,
        IDictionary<string, object?> hash => hash.Get(key),
        _ => null,
    };

}

/// <summary>jekyll-seo-tag's <c>Jekyll::SeoTag::Drop</c>.</summary>
internal sealed partial class SeoDrop : ILiquidDrop
{
    private static readonly string[] Methods =
    [
        "version", "title?", "site_title", "site_tagline", "site_description", "page_title", "site_tagline_or_description", "title",
        "name", "description", "author", "json_ld", "image", "date_modified", "date_published", "type", "links", "logo", "page_lang",
        "page_locale", "canonical_url",
    ];

    private readonly string _markup;
    private readonly LiquidTagContext _context;
    private readonly Dictionary<string, object?> _memo = new(StringComparer.Ordinal);

    public SeoDrop(string markup, LiquidTagContext context, object? page, object? site)
    {
        _markup = markup;
        _context = context;
        Page = page;
        Site = site;
    }

    internal object? Page { get; }
    internal object? Site { get; }
    internal LiquidTagContext Context => _context;

    [GeneratedRegex("^/(about/)?(index.html?)?$")]
    private static partial Regex HomepageOrAbout();

    [GeneratedRegex("/index\\.html$")]
    private static partial Regex IndexHtml();

    public IEnumerable<string> Keys => Methods;

    public bool TryGetValue(string key, out object? value)
    {
        value = key switch
        {
            "version" => SeoTag.Version,
            "title?" or "title_wanted" => TitleWanted,
            "site_title" => SiteTitle,
            "site_tagline" => Memo("site_tagline", () => FormatString(SeoTag.At(Site, "tagline"))),
            "site_description" => SiteDescription,
            "page_title" => PageTitle,
            "site_tagline_or_description" => SiteTaglineOrDescription,
            "title" => Title,
            "name" => Name,
            "description" => Description,
            "author" => Author,
            "json_ld" => Memo("json_ld", () => new JsonLdDrop(this)),
            "image" => Image,
            "date_modified" => DateModified,
            "date_published" => DatePublished,
            "type" => Type,
            "links" => Links,
            "logo" => Logo,
            "page_lang" => PageLang,
            "page_locale" => Memo("page_locale", () => RubyValue.ToS(SeoTag.At(Page, "locale") ?? SeoTag.At(Site, "locale") ?? PageLang).Replace('-', '_')),
            "canonical_url" => CanonicalUrl,
            _ => null,
        };
        return Methods.Contains(key) || key == "title_wanted";
    }

    private T Memo<T>(string key, Func<T> compute)
    {
        if (_memo.TryGetValue(key, out var v)) return (T)v!;
        var value = compute();
        _memo[key] = value;
        return value;
    }

    private object? Filter(string name, object? input) => _context.Filter(name, input);

    /// <summary>markdownify, strip_html, normalize_whitespace, escape_once; nil when nothing is left.</summary>
    internal string? FormatString(object? input)
    {
        var s = input;
        foreach (var filter in new[] { "markdownify", "strip_html", "normalize_whitespace", "escape_once" }) s = Filter(filter, s);
        var text = RubyValue.ToS(s);
        return text.Length == 0 ? null : text;
    }

    private bool TitleWanted => Title is not null && !Regex.IsMatch(_markup, "title=false", RegexOptions.IgnoreCase);

    internal string? SiteTitle => Memo("site_title", () => FormatString(SeoTag.At(Site, "title") ?? SeoTag.At(Site, "name")));

    private string? SiteDescription => Memo("site_description", () => FormatString(SeoTag.At(Site, "description")));

    internal string? PageTitle => Memo("page_title", () => FormatString(SeoTag.At(Page, "title")) ?? SiteTitle);

    private string? SiteTaglineOrDescription => (string?)TryGet("site_tagline") ?? SiteDescription;

    private object? TryGet(string key) => TryGetValue(key, out var v) ? v : null;

    private string? Title
    {
        get
        {
            var title = Memo("title", () =>
            {
                if (SiteTitle is not null && PageTitle != SiteTitle) return PageTitle + " | " + SiteTitle;
                if (SiteDescription is not null && SiteTitle is not null) return SiteTitle + " | " + SiteTaglineOrDescription;
                return PageTitle ?? SiteTitle;
            });
            return PageNumber is { } number ? number + title : title;
        }
    }

    private string? PageNumber
    {
        get
        {
            var paginator = _context.Get("paginator");
            var current = SeoTag.At(paginator, "page");
            if (paginator is null || current is null) return null;
            var total = SeoTag.At(paginator, "total_pages");
            var message = RubyValue.ToS(SeoTag.At(Site, "seo_paginator_message") ?? "Page %<current>s of %<total>s for ");
            if (!(Convert.ToDouble(current, System.Globalization.CultureInfo.InvariantCulture) > 1)) return null;
            return message.Replace("%<current>s", RubyValue.ToS(current)).Replace("%<total>s", RubyValue.ToS(total))
                .Replace("%{current}", RubyValue.ToS(current)).Replace("%{total}", RubyValue.ToS(total)).Replace("%%", "%");
        }
    }

    internal string? Name => Memo("name", () =>
    {
        if (SeoName is { } seoName) return seoName;
        if (!IsHomepageOrAbout) return null;
        if (SeoTag.At(SiteSocial, "name") is { } socialName) return FormatString(socialName);
        return SiteTitle;
    });

    internal string? Description => Memo("description", () =>
        FormatString(SeoTag.At(Page, "description") ?? SeoTag.At(Page, "excerpt")) ?? SiteDescription);

    internal SeoAuthorDrop Author => Memo("author", () => new SeoAuthorDrop(Page, Site));

    internal SeoImageDrop? Image
    {
        get
        {
            var image = Memo("image", () => new SeoImageDrop(Page, this));
            return image.Path is null ? null : image;
        }
    }

    internal string? DateModified => Memo("date_modified", () =>
    {
        var date = SeoTag.At(PageSeo, "date_modified") ?? SeoTag.At(Page, "last_modified_at") ?? SeoTag.At(Page, "date");
        return date is null ? null : RubyValue.ToS(Filter("date_to_xmlschema", date));
    });

    internal string? DatePublished => Memo("date_published", () =>
        SeoTag.At(Page, "date") is { } date ? RubyValue.ToS(Filter("date_to_xmlschema", date)) : null);

    internal object? Type => Memo("type", () =>
    {
        if (SeoTag.At(PageSeo, "type") is { } type) return type;
        if (IsHomepageOrAbout) return "WebSite";
        return SeoTag.At(Page, "date") is not null ? "BlogPosting" : (object)"WebPage";
    });

    internal object? Links => Memo("links", () =>
    {
        if (SeoTag.At(PageSeo, "links") is { } links) return links;
        return IsHomepageOrAbout ? SeoTag.At(SiteSocial, "links") : null;
    });

    internal string? Logo => Memo("logo", () =>
    {
        if (SeoTag.At(Site, "logo") is not { } logo) return null;
        var text = RubyValue.ToS(logo);
        var absolute = JekyllUrl.IsAbsoluteUri(text) ? logo : Filter("absolute_url", logo);
        return RubyValue.ToS(Filter("uri_escape", absolute));
    });

    private object PageLang => Memo("page_lang", () => SeoTag.At(Page, "lang") ?? SeoTag.At(Site, "lang") ?? "en_US");

    internal string CanonicalUrl => Memo("canonical_url", () =>
    {
        var canonical = SeoTag.At(Page, "canonical_url");
        if (RubyValue.ToS(canonical).Length > 0) return RubyValue.ToS(canonical);
        return IndexHtml().Replace(RubyValue.ToS(Filter("absolute_url", SeoTag.At(Page, "url"))), "/");
    });

    internal object? AbsoluteUrl(object? path) => Filter("absolute_url", path);
    internal object? UriEscape(object? path) => Filter("uri_escape", path);

    private bool IsHomepageOrAbout => SeoTag.At(Page, "url") is string url && HomepageOrAbout().IsMatch(url);

    private string? SeoName => Memo("seo_name", () => SeoTag.At(PageSeo, "name") is { } n ? FormatString(n) : null);

    private IDictionary<string, object?>? PageSeo => SeoTag.At(Page, "seo") as IDictionary<string, object?>;

    private IDictionary<string, object?>? SiteSocial => SeoTag.At(Site, "social") as IDictionary<string, object?>;
}

/// <summary>jekyll-seo-tag's <c>AuthorDrop</c>: the author from <c>page.author</c>, the first of <c>page.authors</c>, or
/// <c>site.author</c>; a name string also picks up <c>site.data.authors[name]</c>.</summary>
internal sealed class SeoAuthorDrop : ILiquidDrop
{
    private readonly IDictionary<string, object?> _hash;

    public SeoAuthorDrop(object? page, object? site)
    {
        var sources = new List<object?> { SeoTag.At(page, "author") };
        if (SeoTag.At(page, "authors") is IList<object?> authors) sources.Add(authors.Count > 0 ? authors[0] : null);
        sources.Add(SeoTag.At(site, "author"));
        var resolved = sources.FirstOrDefault(s => RubyValue.ToS(s).Length > 0);
        switch (resolved)
        {
            case IDictionary<string, object?> hash:
                _hash = hash;
                break;
            case string name:
                _hash = RubyHash.New();
                _hash["name"] = name;
                if (SeoTag.At(SeoTag.At(site, "data"), "authors") is IDictionary<string, object?> data && data.Get(name) is IDictionary<string, object?> extra)
                    foreach (var (k, v) in extra) _hash[k] = v;
                break;
            default:
                _hash = RubyHash.New();
                break;
        }
    }

    public object? Name => _hash.Get("name");

    public string? Twitter => (_hash.Get("twitter") ?? _hash.Get("name")) is string s ? (s.StartsWith('@') ? s[1..] : s) : null;

    public object? this[string key] => TryGetValue(key, out var v) ? v : null;

    public IEnumerable<string> Keys => new[] { "name", "twitter" }.Concat(_hash.Keys.Where(k => k is not ("name" or "twitter")));

    public bool TryGetValue(string key, out object? value)
    {
        value = key switch { "name" => Name, "twitter" => Twitter, _ => _hash.Get(key) };
        return key is "name" or "twitter" || _hash.ContainsKey(key);
    }

    public override string ToString() => RubyValue.ToS(Name);
}

/// <summary>jekyll-seo-tag's <c>ImageDrop</c>: <c>page.image</c> (a path, or a hash with <c>path</c>, <c>facebook</c>,
/// <c>twitter</c>, <c>height</c>, <c>width</c>, <c>alt</c>...) as an escaped absolute URL.</summary>
internal sealed class SeoImageDrop : ILiquidDrop
{
    private readonly IDictionary<string, object?> _hash = RubyHash.New();
    private readonly SeoDrop _drop;
    private string? _path;
    private bool _computed;

    public SeoImageDrop(object? page, SeoDrop drop)
    {
        _drop = drop;
        _hash["path"] = null;
        switch (SeoTag.At(page, "image"))
        {
            case IDictionary<string, object?> meta:
                foreach (var (k, v) in meta) _hash[k] = v;
                break;
            case string s:
                _hash["path"] = s;
                break;
        }
    }

    public string? Path
    {
        get
        {
            if (_computed) return _path;
            _computed = true;
            var raw = RubyValue.Truthy(_hash.Get("path")) ? _hash.Get("path")
                : RubyValue.Truthy(_hash.Get("facebook")) ? _hash.Get("facebook") : _hash.Get("twitter");
            if (!RubyValue.Truthy(raw)) return null;
            var absolute = raw is string s && !JekyllUrl.IsAbsoluteUri(s) ? _drop.AbsoluteUrl(s) : raw;
            if (!RubyValue.Truthy(absolute)) return null;
            return _path = RubyValue.ToS(_drop.UriEscape(absolute));
        }
    }

    public IEnumerable<string> Keys => _hash.Keys;

    public bool TryGetValue(string key, out object? value)
    {
        value = key == "path" ? Path : _hash.Get(key);
        return key == "path" || _hash.ContainsKey(key);
    }

    public override string ToString() => Path ?? "";
}

/// <summary>jekyll-seo-tag's <c>JSONLDDrop</c>: the schema.org description, its keys sorted and nil values left out
/// (what <c>to_json</c> writes).</summary>
internal sealed class JsonLdDrop : ILiquidDrop
{
    private readonly OrderedDictionary<string, object?> _values = new(StringComparer.Ordinal);

    public JsonLdDrop(SeoDrop page)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["@context"] = "https://schema.org",
            ["@type"] = page.Type,
            ["author"] = Author(page),
            ["dateModified"] = page.DateModified,
            ["datePublished"] = page.DatePublished,
            ["description"] = page.Description,
            ["headline"] = page.PageTitle,
            ["image"] = Image(page),
            ["mainEntityOfPage"] = page.Type is "BlogPosting" or "CreativeWork"
                ? new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["@type"] = "WebPage", ["@id"] = page.CanonicalUrl }
                : null,
            ["name"] = page.Name,
            ["publisher"] = Publisher(page),
            ["sameAs"] = page.Links,
            ["url"] = page.CanonicalUrl,
        };
        foreach (var key in all.Keys.Order(StringComparer.Ordinal))
            if (all[key] is { } value) _values[key] = value;
    }

    private static object? Author(SeoDrop page)
    {
        var author = page.Author;
        if (!RubyValue.Truthy(author.Name)) return null;
        var type = author["type"];
        if (RubyValue.Truthy(type) && type is not ("Organization" or "Person")) return null;
        var hash = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["@type"] = RubyValue.Truthy(type) ? type : "Person", ["name"] = author.Name };
        if (RubyValue.Truthy(author["url"])) hash["url"] = author["url"];
        return hash;
    }

    private static object? Image(SeoDrop page)
    {
        if (page.Image is not { } image) return null;
        var keys = image.Keys.ToList();
        if (keys.Count == 1) return image.Path;
        var hash = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in keys) hash[key] = image.TryGetValue(key, out var v) ? v : null;
        var url = hash["path"];
        hash.Remove("path");
        hash["url"] = url;
        hash["@type"] = "imageObject";
        return hash;
    }

    private static object? Publisher(SeoDrop page)
    {
        if (page.Logo is not { } logo) return null;
        var output = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["@type"] = "Organization",
            ["logo"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["@type"] = "ImageObject", ["url"] = logo },
        };
        if (RubyValue.Truthy(page.Author.Name)) output["name"] = page.Author.Name;
        return output;
    }

    public IEnumerable<string> Keys => _values.Keys;

    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);
}
