namespace Homepage.Liquid;

/// <summary>
/// What Jekyll's tags and filters need from the site that renders them. The engine implements it;
/// <see cref="DefaultJekyllHost"/> is a self-contained stand-in for tests and for the library alone.
/// Every member must be safe to call from several threads at once.
/// </summary>
public interface IJekyllHost
{
    /// <summary>Resolve <c>{% include NAME %}</c> in the site's include folders (Jekyll: <c>_includes</c>, then the theme's).
    /// <paramref name="path"/> is the site-relative path for messages, e.g. <c>_includes/head.html</c>.</summary>
    bool TryReadInclude(string name, out string path, out string source);

    /// <summary>Resolve <c>{% include_relative NAME %}</c> relative to the folder of the page being rendered
    /// (<paramref name="currentPagePath"/>, site-relative, e.g. <c>_posts/2020-01-01-a.md</c>).</summary>
    bool TryReadRelativeInclude(string currentPagePath, string name, out string path, out string source);

    /// <summary>The <c>markdownify</c> filter: the site's Markdown converter.</summary>
    string Markdownify(string input);

    /// <summary>The <c>smartify</c> filter: kramdown's SmartyPants converter.</summary>
    string Smartify(string input);

    /// <summary>The <c>sassify</c>/<c>scssify</c> filters: the site's Sass converter.</summary>
    string ConvertSass(string input, bool indentedSyntax);

    /// <summary>The <c>{% post_url NAME %}</c> tag: the URL of the post, or null when there is none.</summary>
    string? PostUrl(string name);

    /// <summary>The <c>{% link PATH %}</c> tag: the URL of the page, document or static file at that site-relative path, or null.</summary>
    string? Link(string relativePath);

    /// <summary>The <c>{% highlight LANG [linenos] [mark_lines="1 2"] %}</c> tag: the whole markup Jekyll emits
    /// (<c>&lt;figure class="highlight"&gt;...</c>) for the code in that language with those options.</summary>
    string Highlight(string code, string language, IReadOnlyDictionary<string, object?> options);

    /// <summary>A warning Jekyll would print (lax parsing, deprecated syntax...).</summary>
    void Warn(string message);
}
