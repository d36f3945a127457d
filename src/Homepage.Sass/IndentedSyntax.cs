using System.Text;
using System.Text.RegularExpressions;

namespace Homepage.Sass;

/// <summary>
/// The indented <c>.sass</c> syntax, read the way libsass reads it: converted to SCSS first (libsass's sass2scss),
/// line by line. A line followed by deeper lines opens a block, other lines end with <c>;</c>, a dedent closes blocks;
/// <c>=name</c> is <c>@mixin</c>, <c>+name</c> is <c>@include</c>, <c>:prop value</c> is <c>prop: value</c>, imports are
/// quoted, and comments run over their deeper continuation lines. Each converted line keeps its line number, so
/// errors point at the <c>.sass</c> source.
/// </summary>
public static partial class IndentedSyntax
{
    [GeneratedRegex(@"^:([\w\-#{}$]+)\s*(.*)$")]
    private static partial Regex OldStyleProperty();

    public static string ToScss(string sass)
    {
        var lines = sass.Replace("\r\n", "\n").Split('\n');
        var output = new string[lines.Length];
        var open = new Stack<int>();
        var closers = new string?[lines.Length];

        int Indent(string line)
        {
            var i = 0;
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            return i;
        }
        bool Blank(string line) => line.Trim().Length == 0;

        // the indentation of the next line that carries content (blank lines do not count)
        int NextIndent(int from)
        {
            for (var j = from + 1; j < lines.Length; j++)
                if (!Blank(lines[j])) return Indent(lines[j]);
            return -1;
        }

        void Close(int indent, int atLine)
        {
            while (open.Count > 0 && indent <= open.Peek())
            {
                open.Pop();
                closers[atLine] += " }";
            }
        }

        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i].TrimEnd();
            if (Blank(line))
            {
                output[i] = "";
                i++;
                continue;
            }
            var indent = Indent(line);
            // close blocks at the end of the last line with content before this one
            var last = i - 1;
            while (last >= 0 && Blank(lines[last])) last--;
            Close(indent, Math.Max(last, 0));

            var content = line.Trim();
            if (content.StartsWith("//", StringComparison.Ordinal) || content.StartsWith("/*", StringComparison.Ordinal))
            {
                // a comment takes every following line indented deeper than itself
                var loud = content.StartsWith("/*", StringComparison.Ordinal);
                var end = i;
                while (end + 1 < lines.Length && (Blank(lines[end + 1]) || Indent(lines[end + 1]) > indent)) end++;
                while (end > i && Blank(lines[end])) end--;
                for (var j = i; j <= end; j++)
                {
                    var text = lines[j].TrimEnd();
                    if (loud)
                    {
                        output[j] = text;
                        if (j == end && !text.TrimEnd().EndsWith("*/", StringComparison.Ordinal)) output[j] += " */";
                    }
                    else output[j] = j == i ? text : new string(' ', indent) + "//" + text;
                }
                i = end + 1;
                continue;
            }

            if (content.StartsWith('=')) content = "@mixin " + content[1..].TrimStart();
            else if (content.StartsWith('+')) content = "@include " + content[1..].TrimStart();
            else if (OldStyleProperty().Match(content) is { Success: true } old) content = old.Groups[1].Value + ": " + old.Groups[2].Value;
            if (content.StartsWith("@import", StringComparison.Ordinal)) content = QuoteImports(content);

            var next = NextIndent(i);
            if (next > indent)
            {
                output[i] = new string(' ', indent) + content + " {";
                open.Push(indent);
            }
            else if (content.EndsWith(','))
                output[i] = new string(' ', indent) + content;
            else
                output[i] = new string(' ', indent) + content + ";";
            i++;
        }
        var lastLine = lines.Length - 1;
        while (lastLine > 0 && Blank(lines[lastLine])) lastLine--;
        Close(-1, Math.Max(lastLine, 0));

        var sb = new StringBuilder(sass.Length + lines.Length * 2);
        for (var j = 0; j < lines.Length; j++)
        {
            sb.Append(output[j]);
            if (closers[j] is { } c) sb.Append(c);
            if (j < lines.Length - 1) sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary><c>@import a, b</c>: each plain name quoted (a <c>url()</c>, a quoted name or a CSS file stays as written).</summary>
    private static string QuoteImports(string content)
    {
        var rest = content["@import".Length..].Trim();
        var parts = rest.Split(',').Select(p => p.Trim()).Select(p =>
            p.StartsWith('"') || p.StartsWith('\'') || p.StartsWith("url(", StringComparison.Ordinal) ? p : "\"" + p + "\"");
        return "@import " + string.Join(", ", parts);
    }
}
