using Homepage.Engine.Rendering;

namespace Homepage.Engine.Model;

/// <summary>What Jekyll renders: pages, collection documents and excerpts (its <c>Convertible</c> and <c>Document</c>).</summary>
public abstract class Convertible
{
    protected Convertible(Site site) => Site = site;

    public Site Site { get; }

    /// <summary>Path relative to the source (for messages, defaults and <c>page.path</c>).</summary>
    public abstract string RelativePath { get; }

    /// <summary>The path Jekyll names in Liquid errors for this item.</summary>
    public virtual string LiquidPath => RelativePath;

    /// <summary>The source file's extension, e.g. <c>.md</c>.</summary>
    public abstract string Extname { get; }

    /// <summary>Memoized <see cref="Rendering.IncrementalState.Key"/>.</summary>
    internal string? IncrementalKey { get; set; }

    public string? Content { get; set; }
    public string? Output { get; set; }

    /// <summary>The line in the source file where <see cref="Content"/> starts (after the front matter).</summary>
    public int ContentLine { get; set; } = 1;

    /// <summary>A front-matter value (with defaults where Jekyll's <c>data.default_proc</c> supplies them).</summary>
    public abstract object? GetData(string key);

    public abstract string Url { get; }

    /// <summary>What <c>page</c> is in Liquid while this item renders.</summary>
    public abstract object ToLiquid();

    public virtual bool RenderWithLiquid
    {
        get
        {
            if (GetData("render_with_liquid") is false) return false;
            return Content is { Length: > 0 } c && (c.Contains("{%", StringComparison.Ordinal) || c.Contains("{{", StringComparison.Ordinal));
        }
    }

    public virtual bool PlaceInLayout => !(IsAssetFile || NoLayout);

    public bool IsAssetFile => Extname is ".sass" or ".scss" or ".coffee";
    public bool NoLayout => GetData("layout") is "none";

    private IReadOnlyList<IConverter>? _converters;
    public IReadOnlyList<IConverter> Converters => _converters ??= Site.ConvertersFor(Extname);

    private string? _outputExt;

    /// <summary>Jekyll's <c>Renderer#output_ext</c>: the permalink's extension, else the converters'.</summary>
    public string OutputExt => _outputExt ??= PermalinkExt() ?? ConverterOutputExt();

    protected virtual string? PermalinkValue => GetData("permalink") as string;

    private string? PermalinkExt()
    {
        var permalink = PermalinkValue;
        if (permalink is null || permalink.EndsWith('/')) return null;
        var ext = RubyExtname(permalink);
        return ext.Length == 0 ? null : ext;
    }

    private string ConverterOutputExt()
    {
        var exts = Converters.Select(c => c.OutputExt(Extname)).Where(e => e is not null).ToList();
        return exts.Count == 1 ? exts[0]! : exts[^2]!;
    }

    /// <summary>Ruby's <c>File.extname</c>: the last dot's suffix of the base name, ignoring a leading dot.</summary>
    public static string RubyExtname(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var trimmed = name.TrimStart('.');
        var idx = trimmed.LastIndexOf('.');
        if (idx <= 0 || idx == trimmed.Length - 1) return "";
        return trimmed[idx..];
    }

    /// <summary>Where this item is written under <paramref name="destination"/>.</summary>
    public abstract string DestinationPath(string destination);

    public abstract bool Write { get; }
}
