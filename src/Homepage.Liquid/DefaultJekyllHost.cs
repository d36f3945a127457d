namespace Homepage.Liquid;

/// <summary>A host with no site behind it: includes come from an in-memory table, the converters are identity.
/// Enough for the library's own tests; the engine supplies the real one.</summary>
public class DefaultJekyllHost : IJekyllHost
{
    public IDictionary<string, string> Includes { get; } = new Dictionary<string, string>();
    public List<string> Warnings { get; } = new();

    public virtual bool TryReadInclude(string name, out string path, out string source)
    {
        path = "_includes/" + name;
        return Includes.TryGetValue(name, out source!);
    }

    public virtual bool TryReadRelativeInclude(string currentPagePath, string name, out string path, out string source)
    {
        var dir = System.IO.Path.GetDirectoryName(currentPagePath)?.Replace('\\', '/') ?? "";
        path = dir.Length == 0 ? name : dir + "/" + name;
        return Includes.TryGetValue(path, out source!);
    }

    public virtual string Markdownify(string input) => input;
    public virtual string Smartify(string input) => input;
    public virtual string ConvertSass(string input, bool indentedSyntax) => input;
    public virtual string? PostUrl(string name) => null;
    public virtual string? Link(string relativePath) => null;

    public virtual string Highlight(string code, string language, IReadOnlyDictionary<string, object?> options)
        => "<figure class=\"highlight\"><pre><code class=\"language-" + language + "\" data-lang=\"" + language + "\">"
           + System.Net.WebUtility.HtmlEncode(code) + "</code></pre></figure>";

    public virtual void Warn(string message)
    {
        lock (Warnings) Warnings.Add(message);
    }
}
