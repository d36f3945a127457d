using Homepage.Kramdown;

namespace Homepage.Engine.Rendering;

/// <summary>Rouge, as kramdown's syntax highlighter and as the highlight tag's formatter.</summary>
public sealed class RougeHighlighter : ICodeHighlighter
{
    private static readonly RougeHighlighter Instance = new();

    /// <summary>Rouge unless the site's <c>kramdown.syntax_highlighter</c> (or <c>highlighter</c>) says otherwise.</summary>
    public static ICodeHighlighter? ForSite(Site site)
    {
        var kramdown = site.Config.TryGetValue("kramdown", out var k) ? k as IDictionary<string, object?> : null;
        var name = kramdown is not null && kramdown.TryGetValue("syntax_highlighter", out var s) && s is string str
            ? str
            : site.Config.TryGetValue("highlighter", out var h) && h is string hs ? hs : "rouge";
        return name == "rouge" ? Instance : null;
    }

    public string? Highlight(string code, string? language, bool isBlock, IReadOnlyDictionary<string, object?> options)
    {
        if (language is null) return null;
        var lexer = Homepage.Rouge.Rouge.FindLexer(language);
        return lexer is null ? null : Homepage.Rouge.Rouge.FormatHtml(code, lexer);
    }

    /// <summary>The highlight tag's body: rouge's HTML formatter, or its line-number table for <c>linenos</c>.</summary>
    public static string FormatForTag(string code, string language, bool lineNumbers)
    {
        var lexer = Homepage.Rouge.Rouge.FindLexer(language) ?? Homepage.Rouge.Rouge.FindLexer("plaintext")!;
        if (!lineNumbers) return Homepage.Rouge.Rouge.FormatHtml(code, lexer);
        var options = new Dictionary<string, object?> { ["css_class"] = "highlight", ["gutter_class"] = "gutter", ["code_class"] = "code" };
        return Homepage.Rouge.Rouge.Highlight(code, language, "html-table", options);
    }
}
