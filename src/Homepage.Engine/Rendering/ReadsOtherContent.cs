using System.Text.RegularExpressions;
using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Rendering;

/// <summary>
/// Whether a render phase's templates read the rendered content of other items of the same phase. What such a
/// template prints depends on Jekyll's render order, so that phase keeps the order; otherwise its items are
/// independent and render in parallel. (Excerpts are rendered from the raw text, so reading them is safe; pages
/// render after every document, so a page reading documents is safe.) The check is textual and conservative:
/// a false alarm only costs speed.
/// </summary>
public static partial class ReadsOtherContent
{
    // x.content / x.output where x is not the page itself, or the names as strings (map:, where:, sort:).
    [GeneratedRegex(@"(?<!\bpage)\.(content|output)\b|['""](content|output)['""]")]
    private static partial Regex CrossRead();

    [GeneratedRegex(@"\b(pages|html_pages)\b")]
    private static partial Regex PageListing();

    public static bool InDocuments(Site site) =>
        Texts(site, site.Collections.Values.SelectMany(c => c.Docs)).Any(t => CrossRead().IsMatch(t));

    public static bool InPages(Site site)
    {
        var texts = Texts(site, site.Pages.Where(p => p is not PageWithoutAFile)).ToList();
        return texts.Any(t => CrossRead().IsMatch(t)) && texts.Any(t => PageListing().IsMatch(t));
    }

    /// <summary>The items' own text, the layouts they use, and every include.</summary>
    private static IEnumerable<string> Texts(Site site, IEnumerable<Convertible> items)
    {
        var layouts = new HashSet<Layout>();
        foreach (var item in items)
        {
            if (item.Content is { } content) yield return content;
            for (var name = item.GetData("layout"); name is not null && site.Layouts.TryGetValue(RubyValue.ToS(name), out var layout) && layouts.Add(layout); name = layout.Data.Get("layout"))
            {
            }
        }
        foreach (var layout in layouts) yield return layout.Content;
        foreach (var dir in IncludeDirectories(site))
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
                yield return TextFiles.Read(file);
    }

    private static IEnumerable<string> IncludeDirectories(Site site)
    {
        var own = site.InSourceDir(site.Config.GetString("includes_dir") ?? "_includes");
        if (Directory.Exists(own)) yield return own;
        if (site.Theme?.IncludesPath is { } theme) yield return theme;
    }
}
