using System.Text;

namespace Homepage.Rouge.Formatters;

/// <summary>rouge's <c>Formatters::HTMLTable</c>: a line-number gutter beside the HTML-formatted code.
/// Options: <c>start_line</c>, <c>table_class</c>, <c>gutter_class</c>, <c>code_class</c> (others are ignored, as rouge does).</summary>
public static class HtmlTableFormatter
{
    public static string Format(IEnumerable<(Token Token, string Value)> tokens, IReadOnlyDictionary<string, object?>? options)
    {
        string Opt(string key, string fallback) => options is not null && options.TryGetValue(key, out var v) && v is not null ? v.ToString()! : fallback;
        var startLine = options is not null && options.TryGetValue("start_line", out var s) && s is not null ? Convert.ToInt32(s) : 1;
        var list = tokens.ToList();
        var lines = 0;
        string? last = null;
        foreach (var (_, value) in list)
        {
            last = value;
            foreach (var c in value) if (c == '\n') lines++;
        }
        var formatted = HtmlFormatter.Format(list);
        if (last is null || !last.EndsWith('\n'))
        {
            lines++;
            formatted += "\n";
        }
        var numbers = new StringBuilder();
        for (var i = startLine; i <= startLine + lines - 1; i++)
        {
            if (i > startLine) numbers.Append('\n');
            numbers.Append(i);
        }
        numbers.Append('\n');
        return $"<table class=\"{Opt("table_class", "rouge-table")}\"><tbody><tr><td class=\"{Opt("gutter_class", "rouge-gutter")} gl\"><pre class=\"lineno\">{numbers}</pre></td><td class=\"{Opt("code_class", "rouge-code")}\"><pre>{formatted}</pre></td></tr></tbody></table>";
    }
}
