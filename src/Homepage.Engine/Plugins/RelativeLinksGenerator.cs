using System.Text.RegularExpressions;
using Homepage.Engine.Model;
using Homepage.Engine.Reading;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Plugins;

/// <summary>jekyll-relative-links 0.7: Markdown links to other source files (<c>[x](other.md)</c>, <c>[x]: ../a.md</c>)
/// become links to the pages those files turn into.</summary>
public sealed partial class RelativeLinksGenerator : IGenerator
{
    public string Name => "jekyll-relative-links";
    public int Priority => -100;

    private const string Key = "relative_links";

    // The gem's LINK_REGEX: an inline link (groups 2-5: text, path, fragment, title) or a reference definition (6-9).
    private const string Fragment = "(#.+?|)?";
    private const string Title = """(\s+"(?:\\"|[^"])*(?<!\\)"|\s+"(?:\\'|[^'])*(?<!\\)')?""";
    private const string Inline = @"\[(.*?)\]\(([^)]+?)" + Fragment + Title + @"\)";
    private const string Reference = @"^\s*?\[(.*?)\]: (.+?)" + Fragment + Title + @"\s*?$";

    [GeneratedRegex("(" + Inline + "|" + Reference + ")", RegexOptions.Multiline)]
    private static partial Regex LinkRegex();

    public void Generate(Site site)
    {
        if (PluginSet.Option(site, Key, "enabled") is false) return;
        var documents = site.Pages.Cast<Convertible>().ToList();
        if (PluginSet.Option(site, Key, "collections") is true) documents.AddRange(site.DocsToWrite);
        List<(string Path, string Url)>? targets = null;
        var exclude = PluginSet.Option(site, Key, "exclude");
        var entryFilter = new EntryFilter(site);

        foreach (var document in documents)
        {
            if (!PluginSet.IsMarkdown(site, document.Extname) || document.Content is null) continue;
            if (exclude is not null && entryFilter.GlobInclude(RubyHash.ToArray(exclude).Select(RubyValue.ToS), document.RelativePath)) continue;
            var urlBase = UrlUtil.Dirname(document.RelativePath);
            document.Content = LinkRegex().Replace(document.Content, m =>
            {
                var inline = m.Groups[2].Success;
                var text = m.Groups[inline ? 2 : 6].Value;
                var path = m.Groups[inline ? 3 : 7].Value;
                var fragment = m.Groups[inline ? 4 : 8];
                var title = m.Groups[inline ? 5 : 9].Value;
                if (path.StartsWith('#') || Homepage.Liquid.JekyllUrl.IsAbsoluteUri(path)) return m.Value;
                var fromRoot = PathFromRoot(path, urlBase);
                targets ??= Targets(site);
                var url = fromRoot is null ? null : UrlFor(site, targets, fromRoot);
                if (url is null) return m.Value;
                if (fragment.Success) url += fragment.Value;
                return inline ? $"[{text}]({url}{title})" : $"\n[{text}]: {url}{title}";
            });
            if (document is Document doc && doc.Data.TryGetValue("excerpt", out var e) && RubyValue.Truthy(e)) doc.RegenerateExcerpt();
        }
    }

    /// <summary>Every page, static file and document to write, with its relative path (no leading slash) and URL.</summary>
    private static List<(string Path, string Url)> Targets(Site site) =>
        site.Pages.Select(p => (p.RelativePath.TrimStart('/'), p.Url))
            .Concat(site.StaticFiles.Select(f => (StripOneSlash(f.RelativePath), f.Url)))
            .Concat(site.DocsToWrite.Select(d => (StripOneSlash(d.RelativePath), d.Url)))
            .ToList();

    private static string StripOneSlash(string path) => path.StartsWith('/') ? path[1..] : path;

    private static string? UrlFor(Site site, List<(string Path, string Url)> targets, string path)
    {
        path = CgiUnescape(path);
        foreach (var target in targets)
            if (target.Path == path) return string.IsNullOrEmpty(target.Url) ? null : Homepage.Liquid.JekyllUrl.Relative(target.Url, site.Config.GetString("baseurl"));
        return null;
    }

    /// <summary>Ruby's <c>CGI.unescape</c>: <c>+</c> is a space, <c>%XX</c> a byte (UTF-8).</summary>
    private static string CgiUnescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    /// <summary><c>File.expand_path(path, base)</c> relative to the source root; null when it climbs above the root.</summary>
    private static string? PathFromRoot(string relativePath, string urlBase)
    {
        var isAbsolute = relativePath.StartsWith('/');
        if (isAbsolute) relativePath = relativePath[1..];
        var combined = isAbsolute || urlBase == "." ? relativePath : urlBase + "/" + relativePath;
        var parts = new List<string>();
        foreach (var part in combined.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join("/", parts);
    }

}
