using System.Net;
using System.Text.RegularExpressions;
using Homepage.Engine.Model;

namespace Homepage.Engine;

public sealed partial class Site
{
    /// <summary>The syntax highlighter kramdown calls for code blocks and spans (rouge, as Jekyll's default).</summary>
    public Kramdown.ICodeHighlighter? CodeHighlighter => Rendering.RougeHighlighter.ForSite(this);

    [GeneratedRegex(@"\A(\n|\r)+|(\n|\r)+\z")]
    private static partial Regex LeadingOrTrailingLineTerminators();

    /// <summary>Jekyll's <c>{% highlight %}</c> block: rouge (with the line-number table for <c>linenos</c>) in a <c>figure</c>.</summary>
    public string HighlightTag(string code, string language, IReadOnlyDictionary<string, object?> options)
    {
        code = LeadingOrTrailingLineTerminators().Replace(code, "");
        var lang = language.ToLowerInvariant();
        var formatted = RubyHighlighterName == "rouge"
            ? Rendering.RougeHighlighter.FormatForTag(code, lang, options.ContainsKey("linenos") && options["linenos"] is not (null or false))
            : WebUtility.HtmlEncode(code).Trim();
        if (formatted.EndsWith('\n')) formatted = formatted[..^1];
        return $"<figure class=\"highlight\"><pre><code class=\"language-{lang.Replace('+', '-')}\" data-lang=\"{lang}\">{formatted}</code></pre></figure>";
    }

    private string RubyHighlighterName => Config.TryGetValue("highlighter", out var h) && h is string s ? s : "rouge";

    /// <summary>jekyll-sass-converter's <c>SourceMapPage</c>: <c>NAME.css.map</c> beside the stylesheet.</summary>
    public void AddSourceMapPage(Page cssPage, string map)
    {
        var dir = cssPage.UrlDirForLiquid;
        var page = new SourceMapPage(this, dir, cssPage.Basename + ".css.map", cssPage) { Content = map };
        lock (Pages) Pages.Add(page);
    }
}

/// <summary>The <c>.css.map</c> page written beside a compiled stylesheet; it shares the stylesheet's front matter.</summary>
public sealed class SourceMapPage : Page
{
    public SourceMapPage(Site site, string dir, string name, Page cssPage) : base(site, dir, name)
    {
        Data = cssPage.Data;
    }

    public override string Extname => ".map";
    public override bool RenderWithLiquid => false;
    public override bool PlaceInLayout => false;
}
