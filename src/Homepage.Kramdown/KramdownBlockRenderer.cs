using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Homepage.Kramdown;

/// <summary>
/// Block output as kramdown's HTML converter writes it: children of lists, list items, blockquotes and tables are
/// indented by two spaces a level; tight list items hold their text inline; a blank line between blocks in the source
/// is kept as one newline; code blocks go through the highlighter with kramdown's wrapper.
/// </summary>
internal sealed partial class KramdownBlockRenderer
{
    private const int IndentStep = 2;
    private readonly string _source;
    private readonly KramdownOptions _options;
    private readonly Func<ContainerInline, string> _renderInline;
    private readonly StringBuilder _out = new();

    public KramdownBlockRenderer(string source, KramdownOptions options, Func<ContainerInline, string> renderInline)
    {
        _source = source;
        _options = options;
        _renderInline = renderInline;
    }

    public string Render(MarkdownDocument document)
    {
        Children(document, 0, leading: true);
        return _out.ToString();
    }

    private void Children(ContainerBlock container, int indent, bool leading)
    {
        Block? previous = null;
        foreach (var block in container)
        {
            var gapStart = previous is null ? (leading ? 0 : -1) : EndOf(previous) + 1;
            if (gapStart >= 0 && HasBlankLine(gapStart, block.Span.Start, previous is null)) _out.Append('\n');
            Block(block, indent);
            previous = block;
        }
        if (previous is not null && container is MarkdownDocument && HasBlankLine(EndOf(previous) + 1, _source.Length, leading: false))
            _out.Append('\n');
    }

    /// <summary>Where a block's text ends (Markdig lets a list's span run over the blank lines after it).</summary>
    private static int EndOf(Block block) => block is ContainerBlock { Count: > 0 } container ? EndOf(container[^1]) : block.Span.End;

    private void Block(Block block, int indent)
    {
        var pad = new string(' ', indent);
        switch (block)
        {
            case HeadingBlock heading:
            {
                var id = heading.GetAttributes().Id;
                _out.Append(pad).Append("<h").Append(heading.Level);
                if (id is not null) _out.Append(" id=\"").Append(id).Append('"');
                _out.Append('>').Append(Inline(heading.Inline)).Append("</h").Append(heading.Level).Append(">\n");
                break;
            }
            case ParagraphBlock paragraph:
                _out.Append(pad).Append("<p>").Append(Inline(paragraph.Inline)).Append("</p>\n");
                break;
            case ListBlock list:
            {
                var tag = list.IsOrdered ? "ol" : "ul";
                _out.Append(pad).Append('<').Append(tag);
                if (list.IsOrdered && list.OrderedStart is { } start && start != "1") _out.Append(" start=\"").Append(start).Append('"');
                _out.Append(">\n");
                foreach (var item in list.OfType<ListItemBlock>()) ListItem(item, indent + IndentStep, tight: !list.IsLoose);
                _out.Append(pad).Append("</").Append(tag).Append(">\n");
                break;
            }
            case QuoteBlock quote:
                _out.Append(pad).Append("<blockquote>\n");
                Children(quote, indent + IndentStep, leading: false);
                _out.Append(pad).Append("</blockquote>\n");
                break;
            case ThematicBreakBlock:
                _out.Append(pad).Append("<hr />\n");
                break;
            case CodeBlock code:
                CodeBlock(code, pad);
                break;
            case HtmlBlock html:
                _out.Append(Requote(string.Join("\n", html.Lines.Lines.Take(html.Lines.Count).Select(l => l.Slice.ToString())))).Append('\n');
                break;
            case Table table:
                Table(table, indent);
                break;
            case ContainerBlock other:
                Children(other, indent, leading: false);
                break;
        }
    }

    private void ListItem(ListItemBlock item, int indent, bool tight)
    {
        var pad = new string(' ', indent);
        _out.Append(pad).Append("<li>");
        if (item.Count == 0)
        {
            _out.Append("</li>\n");
            return;
        }
        if (tight && item[0] is ParagraphBlock first)
        {
            // kramdown keeps the first paragraph of a tight item transparent: its text sits inside <li>.
            _out.Append(Inline(first.Inline));
            if (item.Count == 1)
            {
                _out.Append("</li>\n");
                return;
            }
            _out.Append('\n');
            for (var i = 1; i < item.Count; i++) Block(item[i], indent + IndentStep);
            _out.Append(pad).Append("</li>\n");
            return;
        }
        _out.Append('\n');
        Children(item, indent + IndentStep, leading: false);
        _out.Append(pad).Append("</li>\n");
    }

    private void CodeBlock(CodeBlock block, string pad)
    {
        var lang = (block as FencedCodeBlock)?.Info;
        if (string.IsNullOrEmpty(lang)) lang = null;
        var code = new StringBuilder();
        for (var i = 0; i < block.Lines.Count; i++) code.Append(block.Lines.Lines[i].Slice.ToString()).Append('\n');
        var effective = lang ?? (_options.DefaultLang.Length > 0 ? _options.DefaultLang : null);
        var highlighted = effective is null ? null : _options.Highlighter?.Highlight(code.ToString(), effective, true, new Dictionary<string, object?>());
        if (highlighted is not null)
        {
            _out.Append(pad).Append("<div class=\"language-").Append(effective).Append(" highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>")
                .Append(highlighted).Append("</code></pre></div>").Append(pad).Append("</div>\n");
            return;
        }
        _out.Append(pad).Append(lang is null ? "<pre><code>" : $"<pre><code class=\"language-{lang}\">")
            .Append(Escape(code.ToString().TrimEnd('\n'))).Append("\n</code></pre>\n");
    }

    private void Table(Table table, int indent)
    {
        var pad = new string(' ', indent);
        _out.Append(pad).Append("<table>\n");
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.Where(r => r.IsHeader).ToList();
        var body = rows.Where(r => !r.IsHeader).ToList();
        void Section(string tag, List<TableRow> section, string cell)
        {
            if (section.Count == 0) return;
            var p1 = new string(' ', indent + IndentStep);
            var p2 = new string(' ', indent + 2 * IndentStep);
            var p3 = new string(' ', indent + 3 * IndentStep);
            _out.Append(p1).Append('<').Append(tag).Append(">\n");
            foreach (var row in section)
            {
                _out.Append(p2).Append("<tr>\n");
                var index = 0;
                foreach (var c in row.OfType<TableCell>())
                {
                    var align = index < table.ColumnDefinitions.Count ? table.ColumnDefinitions[index].Alignment : null;
                    var style = align switch
                    {
                        TableColumnAlign.Left => " style=\"text-align: left\"",
                        TableColumnAlign.Center => " style=\"text-align: center\"",
                        TableColumnAlign.Right => " style=\"text-align: right\"",
                        _ => "",
                    };
                    var content = c.Count > 0 && c[0] is ParagraphBlock p ? Inline(p.Inline) : "";
                    _out.Append(p3).Append('<').Append(cell).Append(style).Append('>').Append(content.Length == 0 ? "\u00a0" : content).Append("</").Append(cell).Append(">\n");
                    index++;
                }
                _out.Append(p2).Append("</tr>\n");
            }
            _out.Append(p1).Append("</").Append(tag).Append(">\n");
        }
        Section("thead", header, "th");
        Section("tbody", body, "td");
        _out.Append(pad).Append("</table>\n");
    }

    private string Inline(ContainerInline? inline) => inline is null ? "" : _renderInline(inline);

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    [GeneratedRegex(@"(<[a-zA-Z][\w:-]*)((?:\s+[\w:-]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s>""']+))?)*)(\s*/?>)")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"([\w:-]+)\s*=\s*'([^']*)'")]
    private static partial Regex SingleQuoted();

    /// <summary>kramdown re-serialises the HTML it parses: attribute values come out in double quotes.</summary>
    public static string Requote(string html) =>
        HtmlTag().Replace(html, m => m.Groups[1].Value + SingleQuoted().Replace(m.Groups[2].Value, a => $"{a.Groups[1].Value}=\"{a.Groups[2].Value.Replace("\"", "&quot;")}\"") + m.Groups[3].Value);

    /// <summary>Whether the source between two blocks (or before the first, or after the last) holds a blank line,
    /// which kramdown keeps as one newline of output.</summary>
    private bool HasBlankLine(int start, int end, bool leading)
    {
        if (start >= end || start >= _source.Length) return false;
        var gap = _source.AsSpan(start, Math.Min(end, _source.Length) - start);
        if (!leading)
        {
            var firstBreak = gap.IndexOf('\n');
            if (firstBreak < 0) return false;
            gap = gap[(firstBreak + 1)..];
        }
        return gap.IndexOf('\n') >= 0;
    }
}
