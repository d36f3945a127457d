using System.Text.RegularExpressions;
using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Plugins;

/// <summary>jekyll-titles-from-headings 0.5: a Markdown page without a title takes its first heading's text
/// (and documents too with <c>collections: true</c>); <c>strip_title</c> removes that heading from the content.</summary>
public sealed partial class TitlesFromHeadingsGenerator : IGenerator
{
    public string Name => "jekyll-titles-from-headings";
    public int Priority => -100;

    private const string Key = "titles_from_headings";

    // An ATX heading (# to ###) or a Setext one, at the very start of the content (Ruby's \s is ASCII).
    [GeneratedRegex("""\A[ \t\r\n\f\v]*(?:\#{1,3}[ \t\r\n\f\v]+(.*)(?:[ \t\r\n\f\v]+\#{1,3})?|(.*)\r?\n[-=]+[ \t\r\n\f\v]*)$""", RegexOptions.Multiline)]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"\[\^[^\]]*\]")]
    private static partial Regex FootnoteMarkup();

    public void Generate(Site site)
    {
        if (PluginSet.Option(site, Key, "enabled") is false) return;
        var documents = site.Pages.Cast<Convertible>().ToList();
        if (PluginSet.Option(site, Key, "collections") is true) documents.AddRange(site.DocsToWrite);
        foreach (var document in documents)
        {
            if (!PluginSet.IsMarkdown(site, document.Extname)) continue;
            // Documents always have a title (inferred from the file name), so the heading wins there.
            var hasTitle = document is Page page && page.GetData("title") is not null;
            if (hasTitle) continue;
            var data = document switch { Page p => p.Data, Document d => d.Data, _ => null };
            if (data is null) continue;
            var match = TitleRegex().Match(document.Content ?? "");
            data["title"] = match.Success
                ? StripMarkup(site, match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value)
                : document.GetData("title");
            if (!StripTitle(site, data) || document.Content is null) continue;
            document.Content = TitleRegex().Replace(document.Content, "", 1).Trim(RubyStrip);
            if (document is Document { Collection.Label: "posts" } post && post.ExcerptSeparator.Length > 0) post.RegenerateExcerpt();
        }
    }

    private static readonly char[] RubyStrip = [' ', '\t', '\n', '\v', '\f', '\r', '\0'];

    private static bool StripTitle(Site site, IDictionary<string, object?> data) =>
        data.TryGetValue("strip_title", out var own) ? own is true : PluginSet.Option(site, Key, "strip_title") is true;

    private static string StripMarkup(Site site, string text) =>
        FootnoteMarkup().Replace(PluginSet.ApplyFilters(site, text, "markdownify", "strip_html", "normalize_whitespace"), "");
}
