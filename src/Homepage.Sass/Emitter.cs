using System.Text;
using System.Text.RegularExpressions;

namespace Homepage.Sass;

/// <summary>Prints the CSS tree in libsass's output styles.</summary>
internal static partial class Emitter
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n[ \t]+")]
    private static partial Regex CommentLineBreaks();

    [GeneratedRegex(@"\s*([>+~])\s*")]
    private static partial Regex Combinator();

    public static string Emit(List<CssNode> nodes, SassOutputStyle style)
    {
        var sb = new StringBuilder();
        if (style == SassOutputStyle.Compressed)
        {
            foreach (var node in nodes) Compressed(node, sb);
            return sb.Length == 0 ? "" : sb.Append('\n').ToString();
        }
        if (style == SassOutputStyle.Compact) Compact(nodes, sb);
        else Expanded(nodes, sb, 0, style);
        return sb.ToString().TrimEnd('\n') + (sb.Length > 0 ? "\n" : "");
    }

    /// <summary>A media query list: each query's spaces collapsed, joined by <c>,</c> (compressed) or <c>, </c>.</summary>
    private static string MediaQuery(string query, bool compressed) =>
        string.Join(compressed ? "," : ", ", Parser.SplitTopLevel(query, ',').Select(q => Spaces().Replace(q.Trim(), " ")));

    public static string Selector(string selector, bool compressed)
    {
        var s = Spaces().Replace(selector.Trim(), " ");
        if (s.IndexOfAny(['(', '[', '"', '\'']) < 0) return (compressed ? Combinator().Replace(s, "$1") : Combinator().Replace(s, " $1 ")).Trim();
        // combinators are spaced only outside parentheses, attribute brackets and strings (:nth-child(n + 3) stays)
        var sb = new StringBuilder();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            var c = i < s.Length ? s[i] : '\0';
            if (i == s.Length || (depth == 0 && c is '(' or '[' or '"' or '\''))
            {
                var outside = s[start..i];
                sb.Append(compressed ? Combinator().Replace(outside, "$1") : Combinator().Replace(outside, " $1 "));
                if (i == s.Length) break;
                var end = c is '"' or '\'' ? Parser.StringEnd(s, i) : Close(s, i);
                sb.Append(s, i, end - i);
                start = end;
                i = end - 1;
            }
        }
        return sb.ToString().Trim();

        static int Close(string text, int open)
        {
            var nesting = 0;
            for (var j = open; j < text.Length; j++)
            {
                if (text[j] is '(' or '[') nesting++;
                else if (text[j] is ')' or ']' && --nesting == 0) return j + 1;
            }
            return text.Length;
        }
    }

    private static void Compressed(CssNode node, StringBuilder sb)
    {
        switch (node)
        {
            case CssComment comment when comment.Text.StartsWith("/*!", StringComparison.Ordinal):
                sb.Append(comment.Text);
                break;
            case CssRule rule when rule.Declarations.Count > 0 && rule.Selectors.Count > 0:
                sb.Append(string.Join(",", rule.Selectors.Select(s => Selector(s, true)))).Append('{');
                sb.Append(string.Join(";", rule.Declarations.Select(d => d.Property + (d.Property.StartsWith("--", StringComparison.Ordinal) ? ": " : ":") + d.Value))).Append('}');
                break;
            case CssMedia media when media.Children.Any(HasOutput):
                sb.Append("@media ").Append(MediaQuery(media.Query, true)).Append('{');
                foreach (var child in media.Children) Compressed(child, sb);
                sb.Append('}');
                break;
            case CssAtRule at:
                sb.Append('@').Append(at.Name);
                if (at.Parameters.Length > 0) sb.Append(' ').Append(Spaces().Replace(at.Parameters, " "));
                if (!at.HasBody)
                {
                    sb.Append(';');
                    break;
                }
                sb.Append('{');
                sb.Append(string.Join(";", at.Declarations.Select(d => d.Property + ":" + d.Value)));
                foreach (var child in at.Children) Compressed(child, sb);
                sb.Append('}');
                break;
        }
    }

    private static bool HasOutput(CssNode node) => node switch
    {
        CssRule r => r.Declarations.Count > 0 && r.Selectors.Count > 0,
        CssMedia m => m.Children.Any(HasOutput),
        CssAtRule => true,
        CssComment => true,
        _ => false,
    };

    /// <summary>libsass's compact style: a rule per line (<c>a { b: c; d: e; }</c>), a media block on one line, a blank
    /// line between top-level blocks but none after a comment.</summary>
    private static void Compact(List<CssNode> nodes, StringBuilder sb)
    {
        CssNode? previous = null;
        foreach (var node in nodes)
        {
            if (!HasOutput(node)) continue;
            if (previous is not null and not CssComment) sb.Append('\n');
            previous = node;
            // compact style joins a comment's indented continuation lines with single spaces
            if (node is CssComment comment) sb.Append(CommentLineBreaks().Replace(comment.Text, " "));
            else CompactBlock(node, sb);
            sb.Append('\n');
        }
    }

    private static void CompactBlock(CssNode node, StringBuilder sb)
    {
        static void Declarations(IEnumerable<(string Property, string Value)> declarations, StringBuilder sb)
        {
            foreach (var (p, v) in declarations) sb.Append(p).Append(": ").Append(v).Append("; ");
        }
        switch (node)
        {
            case CssComment comment:
                sb.Append(comment.Text);
                break;
            case CssRule rule:
                sb.Append(string.Join(", ", rule.Selectors.Select(s => Selector(s, false)))).Append(" { ");
                Declarations(rule.Declarations, sb);
                sb.Append('}');
                break;
            case CssMedia media:
                sb.Append("@media ").Append(MediaQuery(media.Query, false)).Append(" { ");
                foreach (var child in media.Children.Where(HasOutput))
                {
                    CompactBlock(child, sb);
                    sb.Append(' ');
                }
                sb.Append('}');
                break;
            case CssAtRule at:
                sb.Append('@').Append(at.Name);
                if (at.Parameters.Length > 0) sb.Append(' ').Append(at.Parameters);
                if (!at.HasBody) { sb.Append(';'); break; }
                sb.Append(" { ");
                Declarations(at.Declarations, sb);
                foreach (var child in at.Children.Where(HasOutput))
                {
                    CompactBlock(child, sb);
                    sb.Append(' ');
                }
                sb.Append('}');
                break;
        }
    }

    private static void Expanded(List<CssNode> nodes, StringBuilder sb, int depth, SassOutputStyle style)
    {
        var pad = new string(' ', depth * 2);
        CssNode? previous = null;
        foreach (var node in nodes)
        {
            if (!HasOutput(node)) continue;
            // libsass puts a blank line between top-level blocks, none after a comment
            if (previous is not null and not CssComment && depth == 0) sb.Append('\n');
            previous = node;
            switch (node)
            {
                case CssComment comment:
                    sb.Append(pad).Append(comment.Text).Append('\n');
                    break;
                case CssRule rule:
                    sb.Append(pad);
                    for (var i = 0; i < rule.Selectors.Count; i++)
                    {
                        // libsass starts a selector written after a line break on a new line, unindented
                        if (i > 0) sb.Append(rule.Breaks?.Contains(rule.Selectors[i]) == true ? ",\n" : ", ");
                        sb.Append(Selector(rule.Selectors[i], false));
                    }
                    sb.Append(" {\n");
                    foreach (var (p, v) in rule.Declarations) sb.Append(pad).Append("  ").Append(p).Append(": ").Append(v).Append(";\n");
                    sb.Append(pad).Append("}\n");
                    break;
                case CssMedia media:
                    sb.Append(pad).Append("@media ").Append(MediaQuery(media.Query, false)).Append(" {\n");
                    Expanded(media.Children, sb, depth + 1, style);
                    sb.Append(pad).Append("}\n");
                    break;
                case CssAtRule at:
                    sb.Append(pad).Append('@').Append(at.Name);
                    if (at.Parameters.Length > 0) sb.Append(' ').Append(at.Parameters);
                    if (!at.HasBody) { sb.Append(";\n"); break; }
                    sb.Append(" {\n");
                    foreach (var (p, v) in at.Declarations) sb.Append(pad).Append("  ").Append(p).Append(": ").Append(v).Append(";\n");
                    Expanded(at.Children, sb, depth + 1, style);
                    sb.Append(pad).Append("}\n");
                    break;
            }
        }
    }
}
