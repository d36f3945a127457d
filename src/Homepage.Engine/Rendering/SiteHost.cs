using System.Text.RegularExpressions;
using Homepage.Engine.Model;
using Homepage.Engine.Utilities;
using Homepage.Liquid;

namespace Homepage.Engine.Rendering;

/// <summary>The engine's side of Jekyll's tags and filters: include folders, converters, post and link lookups.</summary>
public sealed partial class SiteHost : IJekyllHost
{
    private readonly Site _site;
    private readonly string[] _includeDirs;

    public SiteHost(Site site)
    {
        _site = site;
        var own = site.InSourceDir(site.Config.GetString("includes_dir") ?? "_includes");
        _includeDirs = site.Theme?.IncludesPath is { } theme ? [own, theme] : [own];
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (bool Found, string Path, string Source, string FullPath)> _includes = new(StringComparer.Ordinal);

    /// <summary>Each include file is read once per build.</summary>
    public bool TryReadInclude(string name, out string path, out string source)
    {
        var entry = _includes.GetOrAdd(name, n => ReadInclude(n, out var p, out var s, out var full) ? (true, p, s, full) : (false, p, s, full));
        path = entry.Path;
        source = entry.Source;
        RenderDependencies.File(entry.FullPath);
        return entry.Found;
    }

    private bool ReadInclude(string name, out string path, out string source, out string fullPath)
    {
        foreach (var dir in _includeDirs)
        {
            var full = Site.SanitizedPath(dir, name);
            if (File.Exists(full) && !new Reading.EntryFilter(_site).IsSymlinkOutside(full))
            {
                path = _site.RelativeToSourceOrTheme(full);
                source = TextFiles.Read(full);
                fullPath = full;
                return true;
            }
        }
        fullPath = Site.SanitizedPath(_includeDirs[0], name);
        path = Path.GetRelativePath(_site.Source, Path.Combine(_includeDirs[0], name)).Replace('\\', '/');
        source = "";
        return false;
    }

    public bool TryReadRelativeInclude(string currentPagePath, string name, out string path, out string source)
    {
        var dir = Path.GetDirectoryName(currentPagePath.TrimStart('/'))?.Replace('\\', '/') ?? "";
        var full = Site.SanitizedPath(_site.InSourceDir(dir), name);
        path = Path.GetRelativePath(_site.Source, full).Replace('\\', '/');
        RenderDependencies.File(full);
        if (File.Exists(full))
        {
            source = TextFiles.Read(full);
            return true;
        }
        source = "";
        return false;
    }

    public string Markdownify(string input) => ((MarkdownConverter)_site.Converters[0]).Convert(input);

    public string Smartify(string input) => Kramdown.KramdownConverter.Smartify(input, ((MarkdownConverter)_site.Converters[0]).Options);

    public string ConvertSass(string input, bool indentedSyntax)
    {
        var result = Sass.SassCompiler.Compile(input, new Sass.SassOptions
        {
            Syntax = indentedSyntax ? Sass.SassSyntax.Sass : Sass.SassSyntax.Scss,
            Style = ((ScssConverter)_site.Converters[1]).Style,
            LoadPaths = ((ScssConverter)_site.Converters[1]).LoadPaths,
        });
        return result.Css;
    }

    [GeneratedRegex(@"^(.+/)*(\d+-\d+-\d+)-(.*)$")]
    private static partial Regex PostName();

    public string? PostUrl(string name)
    {
        RenderDependencies.SiteStructure();
        var m = PostName().Match(name.TrimStart('/'));
        if (!m.Success) return null;
        var path = m.Groups[1].Value;
        var basename = Regex.Escape(m.Groups[2].Value) + "-" + Regex.Escape(m.Groups[3].Value) + @"\.[^.]+";
        var regex = new Regex("^_posts/" + Regex.Escape(path) + basename + "|^" + Regex.Escape(path) + "_posts/?" + basename);
        foreach (var doc in _site.Posts.Docs)
            if (regex.IsMatch(doc.RelativePath)) return RelativeUrl(doc.Url);
        return null;
    }

    public string? Link(string relativePath)
    {
        RenderDependencies.SiteStructure();
        var withSlash = "/" + relativePath.TrimStart('/');
        foreach (var (itemPath, url) in SiteFiles())
            if (itemPath == relativePath || itemPath == withSlash) return RelativeUrl(url);
        return null;
    }

    private IEnumerable<(string RelativePath, string Url)> SiteFiles()
    {
        foreach (var p in _site.Pages) yield return (p.RelativePath, p.Url);
        foreach (var f in _site.StaticFiles.Where(f => f.Write)) yield return (f.RelativePath, f.Url);
        foreach (var d in _site.DocsToWrite) yield return (d.RelativePath, d.Url);
    }

    private string RelativeUrl(string url) => Homepage.Liquid.JekyllUrl.Relative(url, _site.Config.GetString("baseurl"));

    public string Highlight(string code, string language, IReadOnlyDictionary<string, object?> options) =>
        _site.HighlightTag(code, language, options);

    public void Warn(string message) => _site.Log.Warn("Liquid Warning:", message);
}
