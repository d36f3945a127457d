using System.Text.RegularExpressions;

namespace Homepage.Liquid.Tags;

/// <summary>The markup of Jekyll's <c>{% include file.html a="x" b=page.y %}</c>, parsed as Jekyll's <c>IncludeTag</c> does.</summary>
public sealed partial class IncludeMarkup
{
    [GeneratedRegex("""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))""")]
    private static partial Regex ValidSyntax();

    [GeneratedRegex(@"(?<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?<params>.*)", RegexOptions.Singleline)]
    private static partial Regex VariableSyntax();

    [GeneratedRegex("""\A\s*(?:([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))(?=\s|\z)\s*)*\z""")]
    private static partial Regex FullValidSyntax();

    [GeneratedRegex(@"^[\w/.\-()+~#@]+$")]
    private static partial Regex ValidFilenameChars();

    [GeneratedRegex(@"[./]{2,}")]
    private static partial Regex InvalidSequences();

    public sealed record Parameter(string Name, string? Literal, string? Variable);

    private IncludeMarkup(string file, bool fileIsTemplate, IReadOnlyList<Parameter>? parameters)
    {
        File = file;
        FileIsTemplate = fileIsTemplate;
        Parameters = parameters;
    }

    public string File { get; }
    public bool FileIsTemplate { get; }

    /// <summary>Null when the tag has no parameters (then <c>include</c> is not reset).</summary>
    public IReadOnlyList<Parameter>? Parameters { get; }

    public static IncludeMarkup Parse(string tagName, string markup)
    {
        markup = markup.Trim();
        string file;
        string? parameters;
        var m = VariableSyntax().Match(markup);
        var isTemplate = false;
        if (m.Success)
        {
            file = m.Groups["variable"].Value.Trim();
            parameters = m.Groups["params"].Value.Trim();
            isTemplate = true;
        }
        else
        {
            var parts = Regex.Split(markup, @"\s+", RegexOptions.None);
            file = parts[0];
            parameters = parts.Length > 1 ? markup[(markup.IndexOf(parts[1], file.Length, StringComparison.Ordinal))..] : null;
        }
        if (parameters is not null && parameters.Length == 0 && isTemplate) parameters = null;
        List<Parameter>? list = null;
        if (parameters is not null)
        {
            if (!FullValidSyntax().IsMatch(parameters))
                throw new LiquidException($"Invalid syntax for include tag:\n\n  {parameters}\n\nValid syntax:\n\n  {{% {tagName} file.ext param='value' param2='value' %}}\n\n") { IsSyntaxError = true };
            list = new List<Parameter>();
            foreach (Match p in ValidSyntax().Matches(parameters))
            {
                if (p.Groups[2].Success) list.Add(new Parameter(p.Groups[1].Value, p.Groups[2].Value.Replace("\\\"", "\""), null));
                else if (p.Groups[3].Success) list.Add(new Parameter(p.Groups[1].Value, p.Groups[3].Value.Replace("\\'", "'"), null));
                else list.Add(new Parameter(p.Groups[1].Value, null, p.Groups[4].Value));
            }
        }
        return new IncludeMarkup(file, isTemplate, list);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> ValidNames = new(StringComparer.Ordinal);

    public static void ValidateFileName(string tagName, string file)
    {
        if (!ValidNames.GetOrAdd(file, f => !InvalidSequences().IsMatch(f) && ValidFilenameChars().IsMatch(f)))
            throw new LiquidException($"Invalid syntax for include tag. File contains invalid characters or sequences:\n\n  {file}\n\nValid syntax:\n\n  {{% {tagName} file.ext param='value' param2='value' %}}\n\n");
    }
}
