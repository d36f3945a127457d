using Homepage.Engine.Model;
using Homepage.Engine.Utilities;
using Homepage.Kramdown;
using Homepage.Sass;

namespace Homepage.Engine.Rendering;

/// <summary>Jekyll's <c>Converter</c>: chosen by the source extension; the highest priority converts first.</summary>
public interface IConverter
{
    bool Matches(string extname);
    string? OutputExt(string extname);
    string Convert(string content, Convertible item);
}

public static class Converters
{
    /// <summary>The site's converters in Jekyll's priority order: Markdown (high... normal), Sass (low), Identity (lowest).</summary>
    public static IReadOnlyList<IConverter> Create(Site site) =>
    [
        new MarkdownConverter(site),
        new ScssConverter(site, SassSyntax.Scss),
        new ScssConverter(site, SassSyntax.Sass),
        new IdentityConverter(),
    ];
}

/// <summary>Jekyll's <c>Converters::Markdown</c> with the kramdown parser.</summary>
public sealed class MarkdownConverter : IConverter
{
    private readonly HashSet<string> _extensions;
    private readonly Lazy<KramdownOptions> _options;

    private readonly Site _site;

    public MarkdownConverter(Site site)
    {
        _site = site;
        var exts = site.Config.GetString("markdown_ext") ?? "markdown,mkdown,mkdn,mkd,md";
        _extensions = exts.Split(',').Select(e => "." + e.Trim().ToLowerInvariant()).ToHashSet();
        _options = new Lazy<KramdownOptions>(() =>
        {
            var hash = site.Config.GetHash("kramdown");
            var options = KramdownOptions.FromJekyll(hash is null ? null : new Dictionary<string, object?>(hash), site.Config.GetString("highlighter"));
            options.Highlighter = site.CodeHighlighter;
            return options;
        });
    }

    /// <summary>The site's kramdown options (Jekyll's defaults and the <c>kramdown:</c> hash).</summary>
    public KramdownOptions Options => _options.Value;

    public bool Matches(string extname) => _extensions.Contains(extname.ToLowerInvariant());
    public string? OutputExt(string extname) => ".html";
    public string Convert(string content, Convertible item) => Convert(content);

    public string Convert(string content)
    {
        var result = KramdownConverter.Convert(content, _options.Value);
        if (_options.Value.ShowWarnings)
            foreach (var warning in result.Warnings) _site.Log.Warn("Kramdown warning:", warning);
        return result.Html;
    }
}

/// <summary>jekyll-sass-converter 2.2 on our libsass port: <c>sass:</c> options, <c>_sass</c> load path, source maps.</summary>
public sealed class ScssConverter : IConverter
{
    private readonly Site _site;
    private readonly SassSyntax _syntax;

    public ScssConverter(Site site, SassSyntax syntax)
    {
        _site = site;
        _syntax = syntax;
    }

    private IDictionary<string, object?> Settings => _site.Config.GetHash("sass") ?? RubyHash.New();

    public bool Matches(string extname) => extname.Equals(_syntax == SassSyntax.Scss ? ".scss" : ".sass", StringComparison.OrdinalIgnoreCase);
    public string? OutputExt(string extname) => ".css";

    public SassOutputStyle Style => (Settings.GetString("style")?.TrimStart(':')) switch
    {
        "nested" => SassOutputStyle.Nested,
        "expanded" => SassOutputStyle.Expanded,
        "compressed" => SassOutputStyle.Compressed,
        _ => SassOutputStyle.Compact,
    };

    public IReadOnlyList<string> LoadPaths
    {
        get
        {
            var sassDir = Settings.GetString("sass_dir") is { Length: > 0 } d ? d : "_sass";
            var paths = RubyHash.ToArray(Settings.Get("load_paths")).Select(RubyValue.ToS).ToList();
            paths.Add(sassDir);
            var resolved = paths.SelectMany(p => p.Contains('*') ? Glob.Expand(_site.Source, p) : [Path.GetFullPath(p, _site.Source)]).Distinct().ToList();
            if (_site.Theme?.SassPath is { } themeSass) resolved.Add(themeSass);
            return resolved.Where(Directory.Exists).ToList();
        }
    }

    private bool SourceMapRequired(Convertible item)
    {
        if (item is not Page) return false;
        var option = Settings.GetString("sourcemap")?.TrimStart(':') ?? "always";
        return option switch
        {
            "never" => false,
            "always" => true,
            "development" => _site.Environment == "development",
            _ => true,
        };
    }

    public string Convert(string content, Convertible item) => ConvertWithMap(content, item, out _);

    public string ConvertWithMap(string content, Convertible item, out string? sourceMap)
    {
        var page = item as Page;
        var mapRequired = SourceMapRequired(item);
        var options = new SassOptions
        {
            Style = Style,
            Syntax = _syntax,
            LoadPaths = LoadPaths,
            InputPath = page is null ? "stdin" : Path.Combine(_site.Source, page.Name),
            OutputPath = page is null ? "stdin.css" : Path.Combine(_site.Source, page.Basename + ".css"),
            SourceMap = mapRequired,
            SourceMapContents = true,
        };
        try
        {
            var result = SassCompiler.Compile(content, options);
            sourceMap = result.SourceMap;
            if (mapRequired && page is not null && result.SourceMap is not null)
                _site.AddSourceMapPage(page, result.SourceMap);
            var css = result.Css;
            if (css.StartsWith('\uFEFF')) css = (RubyValue.Truthy(Settings.Get("add_charset")) ? "@charset \"UTF-8\";" : "") + css[1..];
            return css;
        }
        catch (SassException e)
        {
            throw new ConversionException($"Jekyll::Converters::Scss encountered an error while converting '{item.RelativePath}':", e.Message, item.RelativePath, e);
        }
    }
}

/// <summary>Jekyll's <c>Converters::Identity</c>: output as it is.</summary>
public sealed class IdentityConverter : IConverter
{
    public bool Matches(string extname) => true;
    public string? OutputExt(string extname) => extname;
    public string Convert(string content, Convertible item) => content;
}

/// <summary>A converter failed: Jekyll prints "Conversion error:" with the converter and file, then the reason.</summary>
public sealed class ConversionException : BuildException
{
    public ConversionException(string header, string reason, string file, Exception inner) : base(header + " " + reason, file, null, inner)
    {
        Header = header;
        Reason = reason;
    }

    public string Header { get; }
    public string Reason { get; }
}
