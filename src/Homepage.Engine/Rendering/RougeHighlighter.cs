using Homepage.Kramdown;
using Homepage.Rouge.Formatters;

namespace Homepage.Engine.Rendering;

/// <summary>Rouge, as kramdown's syntax highlighter and as the highlight tag's formatter.</summary>
public sealed class RougeHighlighter : ICodeHighlighter
{
    public static readonly RougeHighlighter Instance = new();

    /// <summary>Rouge unless the site's <c>kramdown.syntax_highlighter</c> (or <c>highlighter</c>) says otherwise.</summary>
    public static ICodeHighlighter? ForSite(Site site)
    {
        var kramdown = site.Config.TryGetValue("kramdown", out var k) ? k as IDictionary<string, object?> : null;
        var name = kramdown is not null && kramdown.TryGetValue("syntax_highlighter", out var s) && s is string str
            ? str
            : site.Config.TryGetValue("highlighter", out var h) && h is string hs ? hs : "rouge";
        return name == "rouge" ? Instance : null;
    }

    /// <summary>
    /// kramdown's <c>SyntaxHighlighter::Rouge.call</c>: <c>find_fancy</c> for the language (options after a <c>?</c> are
    /// ignored), nothing for plain text unless <c>guess_lang</c>, then rouge's <c>HTMLLegacy</c> formatter.
    /// </summary>
    public string? Highlight(string code, string? language, bool isBlock, IReadOnlyDictionary<string, object?> options)
    {
        var lexer = Homepage.Rouge.Rouge.FindFancy(language, code);
        if (lexer is null) return null;
        if (lexer.Tag == "plaintext" && !Truthy(options.GetValueOrDefault("guess_lang"))) return null;
        var tokens = lexer.Lex(code);
        var inner = Truthy(options.GetValueOrDefault("line_numbers"))
            ? HtmlTableFormatter.Format(tokens, options)
            : HtmlFormatter.Format(tokens);
        var wrap = !options.TryGetValue("wrap", out var w) || Truthy(w);
        if (!wrap) return inner;
        var cssClass = options.GetValueOrDefault("css_class") is { } c and not false ? c.ToString() : "highlight";
        return $"<div class=\"highlight\"><pre class=\"{cssClass}\"><code>{inner}</code></pre></div>";
    }

    private static bool Truthy(object? value) => value is not (null or false);

    /// <summary>The highlight tag's body: rouge's HTML formatter, or its line-number table for <c>linenos</c>.</summary>
    public static string FormatForTag(string code, string language, bool lineNumbers)
    {
        var lexer = Homepage.Rouge.Rouge.FindLexer(language) ?? Homepage.Rouge.Rouge.FindLexer("plaintext")!;
        if (!lineNumbers) return Homepage.Rouge.Rouge.FormatHtml(code, lexer);
        var options = new Dictionary<string, object?> { ["css_class"] = "highlight", ["gutter_class"] = "gutter", ["code_class"] = "code" };
        return Homepage.Rouge.Rouge.Highlight(code, language, "html-table", options);
    }
}
