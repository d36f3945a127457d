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

    /// <param name="map">Where to record source-map mappings (null: none).</param>
    public static string Emit(List<CssNode> nodes, SassOutputStyle style, MappedOutput? map = null)
    {
        var sb = map?.Output ?? new StringBuilder();
        if (style == SassOutputStyle.Compressed)
        {
            foreach (var node in nodes) Compressed(node, sb, map);
            return sb.Length == 0 ? "" : sb.Append('\n').ToString();
        }
        if (style == SassOutputStyle.Compact) Compact(nodes, sb, map);
        else if (style == SassOutputStyle.Nested) Nested(nodes, sb, map);
        else Expanded(nodes, sb, 0, style, map);
        return sb.ToString().TrimEnd('\n') + (sb.Length > 0 ? "\n" : "");
    }

    /// <summary>A media query list: each query's spaces collapsed, joined by <c>,</c> (compressed) or <c>, </c>.</summary>
    private static string MediaQuery(string query, bool compressed) =>
        string.Join(compressed ? "," : ", ", Parser.SplitTopLevel(query, ',').Select(q => Spaces().Replace(q.Trim(), " ")));

    /// <param name="lineBreaks">Keep a line break written after a compound selector (libsass's expanded and nested styles).</param>
    public static string Selector(string selector, bool compressed, bool lineBreaks = false)
    {
        if (lineBreaks && selector.Contains('\n') && BrokenSelector(selector.Trim()) is { } broken) return broken;
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
                if (c == '(' && end - i > 2 && SelectorArgument(s, i, end))
                {
                    // a pseudo selector's selector argument prints as a selector list (compressed: ".a,.b", ">b")
                    var inner = Parser.SplitTopLevel(s[(i + 1)..(end - 1)], ',').Select(x => Selector(x, compressed).TrimStart());
                    sb.Append('(').Append(string.Join(compressed ? "," : ", ", inner)).Append(')');
                }
                else sb.Append(s, i, end - i);
                start = end;
                i = end - 1;
            }
        }
        return sb.ToString().Trim();

        // the parenthesis follows a pseudo selector's name, and holds no An+B or number
        static bool SelectorArgument(string text, int open, int end)
        {
            var nameStart = open;
            while (nameStart > 0 && (char.IsLetterOrDigit(text[nameStart - 1]) || text[nameStart - 1] is '-' or '_')) nameStart--;
            if (nameStart == 0 || nameStart == open || text[nameStart - 1] != ':') return false;
            return !SourceMaps.StaticArgument(text[(open + 1)..(end - 1)].Trim());
        }

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

    /// <summary>A selector with a line break between its compound selectors printed with it (none after a combinator, as
    /// libsass); null when its line breaks are all inside parentheses, brackets or strings.</summary>
    private static string? BrokenSelector(string selector)
    {
        var segments = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c is '"' or '\'') { i = Parser.StringEnd(selector, i) - 1; continue; }
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (depth == 0 && char.IsWhiteSpace(c))
            {
                var end = i;
                while (end < selector.Length && char.IsWhiteSpace(selector[end])) end++;
                if (selector.AsSpan(i, end - i).Contains('\n'))
                {
                    segments.Add(selector[start..i]);
                    start = end;
                }
                i = end - 1;
            }
        }
        if (segments.Count == 0) return null;
        segments.Add(selector[start..]);
        var sb = new StringBuilder(Selector(segments[0], false));
        foreach (var segment in segments.Skip(1))
        {
            sb.Append(sb.Length > 0 && sb[^1] is '>' or '+' or '~' ? ' ' : '\n');
            sb.Append(Selector(segment, false));
        }
        return sb.ToString();
    }

    private static void Compressed(CssNode node, StringBuilder sb, MappedOutput? map)
    {
        switch (node)
        {
            case CssComment comment when comment.Text.StartsWith("/*!", StringComparison.Ordinal):
                map?.Map(comment.Range?.Start);
                sb.Append(comment.Text);
                map?.Map(comment.Range?.End);
                break;
            case CssRule rule when rule.Declarations.Count > 0 && rule.Selectors.Count > 0:
                MappedSelectors(rule, sb, map, compressed: true, _ => ",");
                map?.Map(rule.IsKeyframe ? null : rule.BlockRange?.Start);
                sb.Append('{');
                CompressedDeclarations(rule.Declarations, sb, map);
                sb.Append('}');
                map?.Map(rule.IsKeyframe ? null : rule.BlockRange?.End);
                break;
            case CssMedia media when media.Children.Any(HasOutput):
                map?.Map(media.KeywordRange?.Start);
                sb.Append("@media");
                map?.Map(media.KeywordRange?.End);
                sb.Append(' ').Append(MediaQuery(media.Query, true));
                map?.Map(media.BlockRange?.Start);
                sb.Append('{');
                foreach (var child in media.Children) Compressed(child, sb, map);
                sb.Append('}');
                map?.Map(media.BlockRange?.End);
                break;
            case CssAtRule at:
                MappedAtRule(at, sb, map, Spaces().Replace(at.Parameters, " "));
                if (!at.HasBody)
                {
                    sb.Append(';');
                    break;
                }
                sb.Append('{');
                CompressedDeclarations(at.Declarations, sb, map);
                foreach (var child in at.Children) Compressed(child, sb, map);
                sb.Append('}');
                break;
        }
    }

    /// <summary>A rule's selectors, each simple selector mapped to where it was written, the first also to where the rule's
    /// selector list starts (libsass's "crutch" mapping).</summary>
    private static void MappedSelectors(CssRule rule, StringBuilder sb, MappedOutput? map, bool compressed, Func<int, string> separator, bool lineBreaks = false)
    {
        var crutch = rule.IsKeyframe ? null : rule.Range?.Start;
        for (var i = 0; i < rule.Selectors.Count; i++)
        {
            if (i > 0) sb.Append(separator(i));
            var printed = Selector(rule.Selectors[i], compressed, lineBreaks);
            var start = sb.Length;
            sb.Append(printed);
            if (map is null) continue;
            var printedTokens = SourceMaps.SimpleSelectors(printed);
            var sources = rule.SelectorTokens?.GetValueOrDefault(rule.Selectors[i]);
            if (sources is not null && (sources.Count != printedTokens.Count || sources.Where((points, k) => points.Count != printedTokens[k].Marks.Count).Any())) sources = null;
            for (var k = 0; k < printedTokens.Count; k++)
            {
                var marks = printedTokens[k].Marks;
                for (var j = 0; j < marks.Count; j++)
                {
                    map.Map(sources?[k][j], start + marks[j].Emit);
                    if (marks[j].TokenOpen && crutch is not null)
                    {
                        map.Map(crutch, start + marks[j].Emit);
                        crutch = null;
                    }
                }
            }
        }
    }

    /// <summary>An at-rule's keyword and parameters, each mapped as a token.</summary>
    private static void MappedAtRule(CssAtRule at, StringBuilder sb, MappedOutput? map, string parameters)
    {
        map?.Map(at.KeywordRange?.Start);
        sb.Append('@').Append(at.Name);
        map?.Map(at.KeywordRange?.End);
        if (parameters.Length == 0) return;
        sb.Append(' ');
        map?.Map(at.ParametersRange?.Start);
        sb.Append(parameters);
        map?.Map(at.ParametersRange?.End);
    }

    /// <summary>Declarations and comments as libsass compresses them: a semicolon after a declaration that is not the last,
    /// nothing after a comment.</summary>
    private static void CompressedDeclarations(List<CssDeclaration> declarations, StringBuilder sb, MappedOutput? map)
    {
        for (var i = 0; i < declarations.Count; i++)
        {
            if (i > 0 && !declarations[i - 1].IsComment) sb.Append(';');
            var d = declarations[i];
            MappedDeclaration(d, sb, map, ":");
        }
    }

    /// <summary>A declaration, its property name and each token of its value mapped to where they were written (a comment
    /// among declarations: its text, mapped as a whole).</summary>
    private static void MappedDeclaration(CssDeclaration d, StringBuilder sb, MappedOutput? map, string colon, string? commentText = null)
    {
        if (d.IsComment)
        {
            map?.Map(d.CommentRange?.Start);
            sb.Append(commentText ?? d.Value);
            map?.Map(d.CommentRange?.End);
            return;
        }
        map?.Map(d.NameRange?.Start);
        sb.Append(d.Property);
        map?.Map(d.NameRange?.End);
        sb.Append(colon);
        var valueStart = sb.Length;
        sb.Append(d.Value);
        if (map is null || d.ValueTokens is null) return;
        foreach (var (start, end, range) in d.ValueTokens)
        {
            map.Map(range.Start, valueStart + start);
            map.Map(range.End, valueStart + end);
        }
    }

    internal static bool HasOutput(CssNode node) => node switch
    {
        CssRule r => r.Declarations.Count > 0 && r.Selectors.Count > 0,
        CssMedia m => m.Children.Any(HasOutput),
        // libsass drops an @supports block with nothing to print
        CssAtRule { Name: "supports", HasBody: true } s => s.Declarations.Count > 0 || s.Children.Any(HasOutput),
        CssAtRule => true,
        CssComment => true,
        _ => false,
    };

    /// <summary>An at-rule whose block holds nothing (rules without declarations are dropped before): libsass prints
    /// <c>@foo {}</c> and goes on on the same line.</summary>
    private static bool EmptyBlock(CssAtRule at) =>
        at.HasBody && at.Declarations.Count == 0 && at.Children.All(c => c is CssRule { Declarations.Count: 0 });

    /// <summary>libsass's compact style: a rule per line (<c>a { b: c; d: e; }</c>), a media block on one line, a blank
    /// line between top-level blocks but none after a comment.</summary>
    private static void Compact(List<CssNode> nodes, StringBuilder sb, MappedOutput? map)
    {
        CssNode? previous = null;
        foreach (var node in nodes)
        {
            if (!HasOutput(node)) continue;
            if (previous is not null and not CssComment && !(previous is CssAtRule p && EmptyBlock(p))) sb.Append('\n');
            previous = node;
            CompactBlock(node, sb, map);
            if (!(node is CssAtRule e && EmptyBlock(e))) sb.Append('\n');
        }
    }

    private static void CompactBlock(CssNode node, StringBuilder sb, MappedOutput? map)
    {
        static void Declarations(IEnumerable<CssDeclaration> declarations, StringBuilder sb, MappedOutput? map)
        {
            foreach (var d in declarations)
            {
                // compact style joins a comment's indented continuation lines with single spaces
                MappedDeclaration(d, sb, map, d.Colon, d.IsComment ? CommentLineBreaks().Replace(d.Value, " ") : null);
                sb.Append(d.IsComment ? " " : "; ");
            }
        }
        switch (node)
        {
            case CssComment comment:
                map?.Map(comment.Range?.Start);
                sb.Append(CommentLineBreaks().Replace(comment.Text, " "));
                map?.Map(comment.Range?.End);
                break;
            case CssRule rule:
                MappedSelectors(rule, sb, map, compressed: false, _ => ", ");
                sb.Append(' ');
                map?.Map(rule.IsKeyframe ? null : rule.BlockRange?.Start);
                sb.Append("{ ");
                Declarations(rule.Declarations, sb, map);
                sb.Append('}');
                map?.Map(rule.IsKeyframe ? null : rule.BlockRange?.End);
                break;
            case CssMedia media:
                map?.Map(media.KeywordRange?.Start);
                sb.Append("@media");
                map?.Map(media.KeywordRange?.End);
                sb.Append(' ').Append(MediaQuery(media.Query, false));
                map?.Map(media.BlockRange?.Start); // recorded before the space libsass schedules ahead of the brace
                sb.Append(" { ");
                foreach (var child in media.Children.Where(HasOutput))
                {
                    CompactBlock(child, sb, map);
                    sb.Append(' ');
                }
                sb.Append('}');
                map?.Map(media.BlockRange?.End);
                break;
            case CssAtRule at:
                MappedAtRule(at, sb, map, at.Parameters);
                if (!at.HasBody) { sb.Append(';'); break; }
                if (EmptyBlock(at)) { sb.Append(" {}"); break; }
                sb.Append(" { ");
                Declarations(at.Declarations, sb, map);
                foreach (var child in at.Children.Where(HasOutput))
                {
                    CompactBlock(child, sb, map);
                    sb.Append(' ');
                }
                sb.Append('}');
                break;
        }
    }

    private static void Expanded(List<CssNode> nodes, StringBuilder sb, int depth, SassOutputStyle style, MappedOutput? map)
    {
        var pad = new string(' ', depth * 2);
        CssNode? previous = null;
        void Declarations(List<CssDeclaration> declarations)
        {
            foreach (var d in declarations)
            {
                sb.Append(pad).Append("  ");
                MappedDeclaration(d, sb, map, d.Colon); // a custom property's value holds its own whitespace
                sb.Append(d.IsComment ? "\n" : ";\n");
            }
        }
        foreach (var node in nodes)
        {
            if (!HasOutput(node)) continue;
            // libsass puts a blank line between top-level blocks, none after a comment or an @import (printed first)
            if (previous is not null and not CssComment and not CssAtRule { Name: "import", HasBody: false } && depth == 0 && !(previous is CssAtRule p && EmptyBlock(p))) sb.Append('\n');
            previous = node;
            switch (node)
            {
                case CssComment comment:
                    sb.Append(pad);
                    map?.Map(comment.Range?.Start);
                    sb.Append(comment.Text);
                    map?.Map(comment.Range?.End);
                    sb.Append('\n');
                    break;
                case CssRule rule:
                    sb.Append(pad);
                    // libsass starts a selector written after a line break on a new line, unindented
                    MappedSelectors(rule, sb, map, compressed: false, i => rule.Breaks?.Contains(rule.Selectors[i]) == true ? ",\n" : ", ", lineBreaks: true);
                    sb.Append(' ');
                    map?.Map(rule.IsKeyframe ? null : rule.BlockRange?.Start);
                    sb.Append("{\n");
                    Declarations(rule.Declarations);
                    sb.Append(pad).Append('}');
                    map?.Map(rule.IsKeyframe ? null : rule.BlockRange?.End);
                    sb.Append('\n');
                    break;
                case CssMedia media:
                    sb.Append(pad);
                    map?.Map(media.KeywordRange?.Start);
                    sb.Append("@media");
                    map?.Map(media.KeywordRange?.End);
                    sb.Append(' ').Append(MediaQuery(media.Query, false));
                    map?.Map(media.BlockRange?.Start);
                    sb.Append(" {\n");
                    Expanded(media.Children, sb, depth + 1, style, map);
                    sb.Append(pad).Append('}');
                    map?.Map(media.BlockRange?.End);
                    sb.Append('\n');
                    break;
                case CssAtRule at:
                    sb.Append(pad);
                    MappedAtRule(at, sb, map, at.Parameters);
                    if (!at.HasBody) { sb.Append(";\n"); break; }
                    if (EmptyBlock(at))
                    {
                        // the next block follows on the same line; the last one's line ends with its parent's
                        sb.Append(" {}");
                        if (node == nodes.LastOrDefault(HasOutput)) sb.Append('\n');
                        break;
                    }
                    sb.Append(" {\n");
                    Declarations(at.Declarations);
                    Expanded(at.Children, sb, depth + 1, style, map);
                    sb.Append(pad).Append("}\n");
                    break;
            }
        }
    }
}
