using Homepage.Onigmo;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Homepage.Kramdown.Parsing;
using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Kramdown.Converting;

/// <summary>kramdown 2.4's HTML converter (<c>Kramdown::Converter::Html</c>), ported method by method.</summary>
internal sealed class HtmlConverter
{
    private readonly KramdownOptions _options;
    private readonly Element _root;
    private readonly KramdownParser _parser;
    private readonly int _footnoteStart;
    private int _footnoteCounter;
    private readonly List<(string Name, Element Content, int Number, int Repeat)> _footnotes = [];
    private readonly Dictionary<string, int> _footnotesByName = new(StringComparer.Ordinal);
    private string? _footnoteLocation;
    private readonly List<(int Level, string Id, ElementChildren Children)> _toc = [];
    private (ElementType Type, OrderedDictionary<string, string>? Attr, string Code)? _tocCode;
    private const int IndentStep = 2;
    private readonly List<Element> _stack = [];
    private readonly string _highlighterClass;
    private Dictionary<string, int>? _usedIds;
    private int _placeholderCounter;

    public List<string> Warnings { get; } = [];

    public HtmlConverter(Element root, KramdownOptions options, KramdownParser parser)
    {
        _root = root;
        _options = options;
        _parser = parser;
        _footnoteCounter = _footnoteStart = options.FootnoteNr;
        _highlighterClass = " highlighter-" + options.SyntaxHighlighter;
    }

    private StringBuilder _out = new();

    /// <summary>Converts the tree (kramdown's <c>convert(el)</c> from the root).</summary>
    public string Convert(Element root)
    {
        _out = TakeOutputBuffer();
        Write(root, -IndentStep);
        return ReturnOutputBuffer();
    }

    /// <summary>
    /// Converts the root from its top-level elements as they come (<see cref="KramdownParser.UpdateIncrementally"/>):
    /// what <see cref="Convert"/> writes for a root holding them, footnotes and table of contents included.
    /// </summary>
    public string Convert(Element root, IEnumerable<Element> topLevel)
    {
        _out = TakeOutputBuffer();
        _stack.Add(root);
        foreach (var child in topLevel)
        {
            Write(child, 0);
            LetGo(child);
        }
        _stack.RemoveAt(_stack.Count - 1);
        FinishRoot();
        return ReturnOutputBuffer();
    }

    /// <summary>
    /// Drops a written block's links to its descendants. The block was parsed long before its spans, so on a large page
    /// it has been moved to an older generation by the time they are added, and the collector keeps whatever an older
    /// object refers to until that generation is collected, dead or not: without this, every span element of a written
    /// block would be copied into the older generations too. Headers keep their children (the table of contents, written
    /// at the end, refers to them); footnote contents are not in the blocks (the markers refer to them).
    /// </summary>
    private static void LetGo(Element el)
    {
        if (el.Type == ElementType.Header || !el.HasChildren) return;
        foreach (var child in el.Children) LetGo(child);
        el.Children.Clear();
    }

    // The output buffer is kept for the thread's next conversion. A builder grows in chunks, and while a large page is
    // written they all live through the collections that land meanwhile (copied from generation to generation); a
    // cleared builder keeps its capacity in one array, which the next conversion fills without allocating.
    [ThreadStatic] private static StringBuilder? t_outputBuffer;

    /// <summary>Larger buffers are not kept (a thread keeps at most this many characters between conversions).</summary>
    private const int KeptBufferCapacity = 8 << 20;

    private static StringBuilder TakeOutputBuffer()
    {
        var buffer = t_outputBuffer ?? new StringBuilder(1024);
        t_outputBuffer = null; // a conversion inside this one would make its own
        return buffer;
    }

    private string ReturnOutputBuffer()
    {
        var html = _out.ToString();
        if (_out.Capacity <= KeptBufferCapacity)
        {
            _out.Clear();
            t_outputBuffer = _out;
        }
        return html;
    }

    /// <summary>One element's HTML as a string (for footnotes and the table of contents).</summary>
    private string Render(Element el, int indent)
    {
        var saved = _out;
        _out = new StringBuilder();
        Write(el, indent);
        var result = _out.ToString();
        _out = saved;
        return result;
    }

    /// <summary>Appends the element's HTML: kramdown's <c>convert_TYPE</c> methods, writing into one buffer.</summary>
    private void Write(Element el, int indent)
    {
        var attr = el.HasAttr ? el.Attr : null;
        switch (el.Type)
        {
            case ElementType.Root: WriteRoot(el, indent); break;
            case ElementType.Blank: _out.Append('\n'); break;
            case ElementType.Text: WriteText(el); break;
            case ElementType.P: WriteP(el, indent); break;
            case ElementType.Codeblock: WriteCodeblock(el, indent); break;
            case ElementType.Blockquote: WriteIndentedBlock("blockquote", attr, el, indent); break;
            case ElementType.Header: WriteHeader(el, indent); break;
            case ElementType.Hr: AppendAttributes(_out.Append(' ', Math.Max(indent, 0)).Append("<hr"), attr).Append(" />\n"); break;
            case ElementType.Ul or ElementType.Ol: WriteList(el, indent); break;
            case ElementType.Dl: WriteIndentedBlock("dl", attr, el, indent); break;
            case ElementType.Li or ElementType.Dd: WriteLi(el, indent); break;
            case ElementType.Dt: WriteDt(el, indent); break;
            case ElementType.HtmlElement: WriteHtmlElement(el, indent); break;
            case ElementType.XmlComment or ElementType.XmlPi: WriteXmlComment(el, indent); break;
            case ElementType.Table or ElementType.Thead or ElementType.Tbody or ElementType.Tfoot or ElementType.Tr:
                WriteIndentedBlock(TagName(el.Type), attr, el, indent);
                break;
            case ElementType.Td: WriteTd(el, indent); break;
            case ElementType.Comment:
                if (el.Category == Category.Block) _out.Append(' ', Math.Max(indent, 0)).Append("<!-- ").Append(el.Value).Append(" -->\n");
                else _out.Append("<!-- ").Append(el.Value).Append(" -->");
                break;
            case ElementType.Br: _out.Append("<br />"); break;
            case ElementType.A: WriteSpan("a", attr, el, indent); break;
            case ElementType.Img: AppendAttributes(_out.Append("<img"), attr).Append(" />"); break;
            case ElementType.Codespan: _out.Append(ConvertCodespan(el)); break;
            case ElementType.Footnote: _out.Append(ConvertFootnote(el)); break;
            case ElementType.Raw: _out.Append(ConvertRaw(el)); break;
            case ElementType.Em or ElementType.Strong: WriteSpan(TagName(el.Type), attr, el, indent); break;
            case ElementType.Entity: _out.Append(EntityToStr(el.EntityValue!, el.Original)); break;
            case ElementType.TypographicSym: _out.Append(ConvertTypographicSym(el)); break;
            case ElementType.SmartQuote: _out.Append(EntityToStr(SmartQuoteEntity(el))); break;
            case ElementType.Math: _out.Append(ConvertMath(el, indent)); break;
            case ElementType.Abbreviation: _out.Append(ConvertAbbreviation(el)); break;
        }
    }

    private static string TagName(ElementType type) => type switch
    {
        ElementType.Table => "table", ElementType.Thead => "thead", ElementType.Tbody => "tbody", ElementType.Tfoot => "tfoot",
        ElementType.Tr => "tr", ElementType.Ul => "ul", ElementType.Ol => "ol", ElementType.Li => "li", ElementType.Dd => "dd",
        ElementType.Em => "em", ElementType.Strong => "strong",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string Spaces(int n) => n > 0 ? new string(' ', n) : "";

    private void WriteInner(Element el, int indent)
    {
        if (!el.HasChildren) return;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        indent += IndentStep;
        _stack.Add(el);
        foreach (var child in el.Children) Write(child, indent);
        _stack.RemoveAt(_stack.Count - 1);
    }

    private StringBuilder Open(string name, OrderedDictionary<string, string>? attr, int indent) =>
        AppendAttributes(_out.Append(' ', Math.Max(indent, 0)).Append('<').Append(name), attr).Append('>');

    /// <summary>kramdown's <c>format_as_block_html</c> around the element's children.</summary>
    private void WriteBlock(string name, OrderedDictionary<string, string>? attr, Element el, int indent)
    {
        Open(name, attr, indent);
        WriteInner(el, indent);
        _out.Append("</").Append(name).Append(">\n");
    }

    /// <summary>kramdown's <c>format_as_indented_block_html</c> around the element's children.</summary>
    private void WriteIndentedBlock(string name, OrderedDictionary<string, string>? attr, Element el, int indent)
    {
        Open(name, attr, indent).Append('\n');
        WriteInner(el, indent);
        _out.Append(' ', Math.Max(indent, 0)).Append("</").Append(name).Append(">\n");
    }

    private void WriteSpan(string name, OrderedDictionary<string, string>? attr, Element el, int indent)
    {
        AppendAttributes(_out.Append('<').Append(name), attr).Append('>');
        WriteInner(el, indent);
        _out.Append("</").Append(name).Append('>');
    }

    private void WriteText(Element el)
    {
        var escaped = EscapeHtml(el.Value ?? "", EscapeMode.Text);
        _out.Append(_options.RemoveLineBreaksForCjk ? FixCjkLineBreak(escaped) : escaped);
    }

    private void WriteP(Element el, int indent)
    {
        if (el.Transparent) WriteInner(el, indent);
        else if (el.Children.Count == 1 && el.Children[0].Type == ElementType.Img && el.Children[0].Ial?.Refs?.Contains("standalone") == true)
            _out.Append(ConvertStandaloneImage(el, indent));
        else WriteBlock("p", el.HasAttr ? el.Attr : null, el, indent);
    }

    private string ConvertStandaloneImage(Element el, int indent)
    {
        var figureAttr = new OrderedDictionary<string, string>(el.HasAttr ? el.Attr : new(), StringComparer.Ordinal);
        var imageAttr = new OrderedDictionary<string, string>(el.Children[0].Attr, StringComparer.Ordinal);
        if (imageAttr.ContainsKey("class") && !figureAttr.ContainsKey("class"))
        {
            figureAttr["class"] = imageAttr["class"];
            imageAttr.Remove("class");
        }
        if (imageAttr.ContainsKey("id") && !figureAttr.ContainsKey("id"))
        {
            figureAttr["id"] = imageAttr["id"];
            imageAttr.Remove("id");
        }
        var body = Spaces(indent + IndentStep) + "<img" + HtmlAttributes(imageAttr) + " />\n" +
                   Spaces(indent + IndentStep) + "<figcaption>" + imageAttr.GetValueOrDefault("alt") + "</figcaption>\n";
        return FormatAsIndentedBlockHtml("figure", figureAttr, body, indent);
    }

    private void WriteCodeblock(Element el, int indent)
    {
        var attr = new OrderedDictionary<string, string>(el.HasAttr ? el.Attr : new(), StringComparer.Ordinal);
        var lang = ExtractCodeLanguageBang(attr);
        var (highlighted, defaultLang) = HighlightCode(el.Value ?? "", el.Lang ?? lang, block: true);
        if (highlighted is not null)
        {
            AddSyntaxHighlighterToClassAttr(attr, lang ?? defaultLang);
            _out.Append(' ', Math.Max(indent, 0)).Append("<div").Append(HtmlAttributes(attr)).Append('>').Append(highlighted)
                .Append(' ', Math.Max(indent, 0)).Append("</div>\n");
            return;
        }
        var result = EscapeHtml(el.Value ?? "", EscapeMode.All);
        if (result.EndsWith('\n')) result = result[..^1];
        if (Rx(@"\bshow-whitespaces\b").IsMatch(el.HasAttr ? el.Attr.GetValueOrDefault("class") ?? "" : ""))
        {
            result = Rx(@"(?:(^[ \t]+)|([ \t]+$)|([ \t]+))").Unanchored.Replace(result, m =>
            {
                var suffix = m.Groups[1].Success ? "-l" : m.Groups[2].Success ? "-r" : "";
                var sb = new StringBuilder();
                foreach (var c in m.Value)
                    sb.Append(c == '\t' ? $"<span class=\"ws-tab{suffix}\">\t</span>" : $"<span class=\"ws-space{suffix}\">&#8901;</span>");
                return sb.ToString();
            });
        }
        var codeAttr = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        if (lang is not null) codeAttr["class"] = "language-" + lang;
        _out.Append(' ', Math.Max(indent, 0)).Append("<pre").Append(HtmlAttributes(attr)).Append("><code").Append(HtmlAttributes(codeAttr))
            .Append('>').Append(result).Append("\n</code></pre>\n");
    }

    private void WriteHeader(Element el, int indent)
    {
        var attr = new OrderedDictionary<string, string>(el.HasAttr ? el.Attr : new(), StringComparer.Ordinal);
        if (_options.AutoIds && !attr.ContainsKey("id")) attr["id"] = GenerateId(el.RawText ?? "");
        if (attr.TryGetValue("id", out var id) && InToc(el)) _toc.Add((el.Level, id, el.Children));
        var level = Math.Max(Math.Min(el.Level + _options.HeaderOffset, 6), 1);
        WriteBlock("h" + level, attr, el, indent);
    }

    private bool InToc(Element el) =>
        _options.TocLevels.Contains(el.Level) && !Rx(@"\bno_toc\b").IsMatch(el.HasAttr ? el.Attr.GetValueOrDefault("class") ?? "" : "");

    private string Placeholder() => "kramdown-placeholder-" + Guid.NewGuid().ToString("N") + (_placeholderCounter++);

    private void WriteList(Element el, int indent)
    {
        if (_tocCode is null && el.Ial?.Refs?.Contains("toc") == true)
        {
            _tocCode = (el.Type, el.HasAttr ? el.Attr : null, WritePlaceholder());
        }
        else if (_footnoteLocation is null && el.Ial?.Refs?.Contains("footnotes") == true)
        {
            _footnoteLocation = WritePlaceholder();
        }
        else
        {
            WriteIndentedBlock(TagName(el.Type), el.HasAttr ? el.Attr : null, el, indent);
        }
    }

    private void WriteLi(Element el, int indent)
    {
        var tag = TagName(el.Type);
        Open(tag, el.HasAttr ? el.Attr : null, indent);
        var inline = !el.HasChildren || (el.Children[0].Type == ElementType.P && el.Children[0].Transparent);
        if (!inline) _out.Append('\n');
        var start = _out.Length;
        WriteInner(el, indent);
        if (!inline || (_out.Length > start && _out[^1] == '\n')) _out.Append(' ', Math.Max(indent, 0));
        _out.Append("</").Append(tag).Append(">\n");
    }

    private void WriteDt(Element el, int indent)
    {
        var attr = new OrderedDictionary<string, string>(el.HasAttr ? el.Attr : new(), StringComparer.Ordinal);
        var parent = _stack[^1];
        if (!attr.ContainsKey("id") && parent.Ial?.Refs is { } refs)
        {
            foreach (var r in refs)
            {
                var m = Rx(@"\Aauto_ids(?:-([\w-]+))?").Match(r);
                if (m.Success)
                {
                    attr["id"] = (m.Groups[1].Value + BasicGenerateId(el.RawText ?? "")).TrimStart();
                    break;
                }
            }
        }
        WriteBlock("dt", attr, el, indent);
    }

    private void WriteHtmlElement(Element el, int indent)
    {
        var attrs = HtmlAttributes(el.HasAttr ? el.Attr : null);
        if (el.Category == Category.Span)
        {
            _out.Append('<').Append(el.Value).Append(attrs);
            var spanMark = _out.Length;
            _out.Append('>');
            var spanStart = _out.Length;
            WriteInner(el, indent);
            if (_out.Length == spanStart && Patterns.WithoutBodySet.Contains(el.Value!))
            {
                _out.Length = spanMark;
                _out.Append(" />");
            }
            else
            {
                _out.Append("</").Append(el.Value).Append('>');
            }
            return;
        }
        var parent = _stack.Count > 0 ? _stack[^1] : _root;
        var parentRaw = parent.Type == ElementType.HtmlElement && parent.ContentModel == ContentModel.Raw;
        if (!parentRaw) _out.Append(' ', Math.Max(indent, 0));
        _out.Append('<').Append(el.Value).Append(attrs);
        var mark = _out.Length;
        var block = el.ContentModel == ContentModel.Block;
        _out.Append(block ? ">\n" : ">");
        var start = _out.Length;
        WriteInner(el, indent);
        var empty = _out.Length == start;
        if (el.IsClosed && el.ContentModel == ContentModel.Raw)
        {
            _out.Length = mark;
            _out.Append(" />");
        }
        else if (!empty && !block)
        {
            _out.Append("</").Append(el.Value).Append('>');
        }
        else if (!empty)
        {
            if (_out[^1] == '\n') _out.Length--;
            _out.Append('\n').Append(' ', Math.Max(indent, 0)).Append("</").Append(el.Value).Append('>');
        }
        else
        {
            _out.Length = mark;
            _out.Append(Patterns.WithoutBodySet.Contains(el.Value!) ? " />" : "></" + el.Value + ">");
        }
        if (!parentRaw) _out.Append('\n');
    }

    private void WriteXmlComment(Element el, int indent)
    {
        var parent = _stack.Count > 0 ? _stack[^1] : _root;
        if (el.Category == Category.Block && !(parent.Type == ElementType.HtmlElement && parent.ContentModel == ContentModel.Raw))
            _out.Append(' ', Math.Max(indent, 0)).Append(el.Value).Append('\n');
        else
            _out.Append(el.Value);
    }

    private void WriteTd(Element el, int indent)
    {
        var type = _stack[^2].Type == ElementType.Thead ? "th" : "td";
        var attr = el.HasAttr ? el.Attr : null;
        var alignment = _stack[^3].Alignment![_stack[^1].Children.IndexOf(el)];
        if (alignment != Alignment.Default)
        {
            // the cell's attributes with the alignment added to its style (in place when it has one), without a copy
            var align = alignment switch { Alignment.Left => "text-align: left", Alignment.Right => "text-align: right", _ => "text-align: center" };
            _out.Append(' ', Math.Max(indent, 0)).Append('<').Append(type);
            var styled = false;
            if (attr is not null)
            {
                foreach (var (k, v) in attr)
                {
                    if (k == "style")
                    {
                        AppendAttribute(_out, k, v + "; " + align);
                        styled = true;
                    }
                    else
                    {
                        AppendAttribute(_out, k, v);
                    }
                }
            }
            if (!styled) AppendAttribute(_out, "style", align);
            _out.Append('>');
        }
        else
        {
            Open(type, attr, indent);
        }
        var start = _out.Length;
        WriteInner(el, indent);
        if (_out.Length == start) _out.Append(EntityToStr(Entities.Get("nbsp")!));
        _out.Append("</").Append(type).Append(">\n");
    }

    private string ConvertCodespan(Element el)
    {
        var attr = new OrderedDictionary<string, string>(el.HasAttr ? el.Attr : new(), StringComparer.Ordinal);
        var lang = ExtractCodeLanguage(attr);
        var (result, defaultLang) = HighlightCode(el.Value ?? "", lang, block: false);
        if (result is not null) AddSyntaxHighlighterToClassAttr(attr, lang ?? defaultLang);
        else result = EscapeHtml(el.Value ?? "", EscapeMode.All);
        return FormatAsSpanHtml("code", attr, result);
    }

    private string ConvertFootnote(Element el)
    {
        var repeat = "";
        var name = _options.FootnotePrefix + el.FootnoteName;
        int number;
        if (_footnotesByName.TryGetValue(name, out var index))
        {
            var f = _footnotes[index];
            number = f.Number;
            f.Repeat++;
            _footnotes[index] = f;
            repeat = ":" + f.Repeat;
        }
        else
        {
            number = _footnoteCounter++;
            _footnotes.Add((name, el.FootnoteContent!, number, 0));
            _footnotesByName[name] = _footnotes.Count - 1;
        }
        return $"<sup id=\"fnref:{name}{repeat}\" role=\"doc-noteref\"><a href=\"#fn:{name}\" class=\"footnote\" rel=\"footnote\">{number}</a></sup>";
    }

    private static string ConvertRaw(Element el)
    {
        if (el.RawTypes is null || el.RawTypes.Count == 0 || el.RawTypes.Contains("html"))
            return el.Value + (el.Category == Category.Block ? "\n" : "");
        return "";
    }

    private string ConvertTypographicSym(Element el)
    {
        if (_options.TypographicSymbols.TryGetValue(el.Symbol!, out var replacement)) return EscapeHtml(replacement, EscapeMode.Text);
        return el.Symbol switch
        {
            "laquo_space" => EntityToStr(Entities.Get("laquo")!) + EntityToStr(Entities.Get("nbsp")!),
            "raquo_space" => EntityToStr(Entities.Get("nbsp")!) + EntityToStr(Entities.Get("raquo")!),
            _ => EntityToStr(Entities.Get(el.Symbol!)!),
        };
    }

    private Entity SmartQuoteEntity(Element el)
    {
        var index = el.Symbol switch { "lsquo" => 0, "rsquo" => 1, "ldquo" => 2, _ => 3 };
        var res = _options.SmartQuotes[index];
        return int.TryParse(res, out var code) ? Entities.Get(code) : Entities.Get(res) ?? Entities.Get("amp")!;
    }

    private string ConvertMath(Element el, int indent)
    {
        if (_options.MathEngine == "mathjax")
        {
            var value = EscapeHtml(el.Value ?? "", EscapeMode.All);
            var result = el.Category == Category.Block ? "\\[" + value + "\\]\n" : "\\(" + value + "\\)";
            if (!el.HasAttr) return result;
            return el.Category == Category.Block
                ? FormatAsBlockHtml("div", el.Attr, result, indent)
                : FormatAsSpanHtml("span", el.Attr, "$" + el.Value + "$");
        }
        if (_options.MathEngine is not null) Warnings.Add($"The configured math engine {_options.MathEngine} is not available.");
        var attr = new OrderedDictionary<string, string>(el.HasAttr ? el.Attr : new(), StringComparer.Ordinal);
        attr["class"] = ((attr.GetValueOrDefault("class") ?? "") + " kdmath").TrimStart();
        return el.Category == Category.Block
            ? FormatAsBlockHtml("div", attr, "$$\n" + el.Value + "\n$$", indent)
            : FormatAsSpanHtml("span", attr, "$" + el.Value + "$");
    }

    private string ConvertAbbreviation(Element el)
    {
        var title = _parser.AbbrevDefs[el.Value!];
        var attr = new OrderedDictionary<string, string>(_parser.AbbrevAttr.GetValueOrDefault(el.Value!) ?? new(), StringComparer.Ordinal);
        if (title.Length > 0) attr["title"] = title;
        return FormatAsSpanHtml("abbr", attr, el.Value!);
    }

    private void WriteRoot(Element el, int indent)
    {
        WriteInner(el, indent);
        FinishRoot();
    }

    /// <summary>The footnotes and the table of contents, once everything else is written.</summary>
    private void FinishRoot()
    {
        var footnotes = FootnoteContent();
        if (_footnoteLocation is not null) ReplacePlaceholder(_footnoteLocation, footnotes);
        else _out.Append(footnotes);
        if (_tocCode is { } toc)
        {
            var tree = GenerateTocTree(toc.Type, toc.Attr);
            ReplacePlaceholder(toc.Code, tree.HasChildren ? Render(tree, 0) : "");
        }
    }

    /// <summary>Where each placeholder was written into the main buffer, so it can be replaced without copying the output.</summary>
    private readonly Dictionary<string, (StringBuilder Buffer, int Index)> _placeholders = new(StringComparer.Ordinal);

    private string WritePlaceholder()
    {
        var code = Placeholder();
        _placeholders[code] = (_out, _out.Length);
        _out.Append(code);
        return code;
    }

    /// <summary>kramdown's <c>result.sub!(placeholder, text)</c> on the whole output.</summary>
    private void ReplacePlaceholder(string code, string replacement)
    {
        if (_placeholders.TryGetValue(code, out var at) && ReferenceEquals(at.Buffer, _out))
        {
            _out.Remove(at.Index, code.Length).Insert(at.Index, replacement);
            var shift = replacement.Length - code.Length;
            foreach (var key in _placeholders.Keys.ToList())
                if (ReferenceEquals(_placeholders[key].Buffer, _out) && _placeholders[key].Index > at.Index)
                    _placeholders[key] = (_out, _placeholders[key].Index + shift);
            _placeholders.Remove(code);
            return;
        }
        var result = ReplaceFirst(_out.ToString(), code, replacement);
        _out.Clear().Append(result);
    }

    private static string ReplaceFirst(string s, string find, string replacement)
    {
        var i = s.IndexOf(find, StringComparison.Ordinal);
        return i < 0 ? s : s[..i] + replacement + s[(i + find.Length)..];
    }

    private static string FormatAsSpanHtml(string name, OrderedDictionary<string, string>? attr, string body) =>
        "<" + name + HtmlAttributes(attr) + ">" + body + "</" + name + ">";

    private static string FormatAsBlockHtml(string name, OrderedDictionary<string, string>? attr, string body, int indent) =>
        Spaces(indent) + "<" + name + HtmlAttributes(attr) + ">" + body + "</" + name + ">\n";

    private static string FormatAsIndentedBlockHtml(string name, OrderedDictionary<string, string>? attr, string body, int indent) =>
        Spaces(indent) + "<" + name + HtmlAttributes(attr) + ">\n" + body + Spaces(indent) + "</" + name + ">\n";

    private void AddSyntaxHighlighterToClassAttr(OrderedDictionary<string, string> attr, string? lang)
    {
        var cls = ((attr.GetValueOrDefault("class") ?? "") + _highlighterClass).TrimStart(' ', '\t', '\n', '\v', '\f', '\r');
        if (lang is not null)
        {
            var re = Rx(@"\blanguage-\S+|(^)").Unanchored;
            cls = re.Replace(cls, m => "language-" + lang + (m.Groups[1].Success ? " " : ""), 1);
        }
        attr["class"] = cls;
    }

    private Element GenerateTocTree(ElementType type, OrderedDictionary<string, string>? attr)
    {
        var sections = new Element(type);
        if (attr is not null) sections.Attr = new OrderedDictionary<string, string>(attr, StringComparer.Ordinal);
        if (!sections.Attr.ContainsKey("id")) sections.Attr["id"] = "markdown-toc";
        var stack = new List<Element>();
        foreach (var (level, id, children) in _toc)
        {
            var li = new Element(ElementType.Li) { Level = level };
            li.Children.Add(new Element(ElementType.P) { Transparent = true });
            var a = new Element(ElementType.A);
            a.Attr["href"] = "#" + id;
            a.Attr["id"] = sections.Attr["id"] + "-" + id;
            a.Children.AddRange(FixForTocEntry(children.Select(c => c.DeepClone()).ToList()));
            li.Children[^1].Children.Add(a);
            li.Children.Add(new Element(type));

            var success = false;
            while (!success)
            {
                if (stack.Count == 0)
                {
                    sections.Children.Add(li);
                    stack.Add(li);
                    success = true;
                }
                else if (stack[^1].Level < li.Level)
                {
                    stack[^1].Children[^1].Children.Add(li);
                    stack.Add(li);
                    success = true;
                }
                else
                {
                    var item = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    if (!item.Children[^1].HasChildren) item.Children.RemoveAt(item.Children.Count - 1);
                }
            }
        }
        while (stack.Count > 0)
        {
            var item = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            if (!item.Children[^1].HasChildren) item.Children.RemoveAt(item.Children.Count - 1);
        }
        return sections;
    }

    private static List<Element> FixForTocEntry(List<Element> elements)
    {
        elements.RemoveAll(RemoveFootnotes);
        return UnwrapLinks(elements);
    }

    private static List<Element> UnwrapLinks(IEnumerable<Element> elements)
    {
        var result = new List<Element>();
        foreach (var c in elements)
        {
            if (c.HasChildren) c.SetChildren(UnwrapLinks(c.Children));
            if (c.Type == ElementType.A) result.AddRange(c.Children);
            else result.Add(c);
        }
        return result;
    }

    /// <summary>Removes the footnote markers inside the element; true when it is one itself.</summary>
    private static bool RemoveFootnotes(Element element)
    {
        if (element.HasChildren) element.Children.RemoveAll(RemoveFootnotes);
        return element.Type == ElementType.Footnote;
    }

    private string FootnoteContent()
    {
        var ol = new Element(ElementType.Ol);
        if (_footnoteStart != 1) ol.Attr["start"] = _footnoteStart.ToString();
        var backlinkText = EscapeHtml(_options.FootnoteBacklink, EscapeMode.Text);
        for (var i = 0; i < _footnotes.Count; i++)
        {
            var (name, data, _, _) = _footnotes[i];
            var li = new Element(ElementType.Li);
            li.Attr["id"] = "fn:" + name;
            li.Attr["role"] = "doc-endnote";
            foreach (var c in data.Children) li.Children.Add(c.DeepClone());

            Element? para = null;
            var insertSpace = false;
            if ((li.HasChildren && li.Children[^1].Type == ElementType.P) || _options.FootnoteBacklinkInline)
            {
                var parent = li;
                while (parent.HasChildren && parent.Children[^1].Type is not (ElementType.P or ElementType.Header))
                    parent = parent.Children[^1];
                para = parent.HasChildren ? parent.Children[^1] : null;
                insertSpace = true;
            }
            if (para is null)
            {
                para = new Element(ElementType.P);
                li.Children.Add(para);
                insertSpace = false;
            }

            if (_options.FootnoteBacklink.Length > 0)
            {
                var nbsp = EntityToStr(Entities.Get("nbsp")!);
                para.Children.Add(new Element(ElementType.Raw,
                    $"{(insertSpace ? nbsp : "")}<a href=\"#fnref:{name}\" class=\"reversefootnote\" role=\"doc-backlink\">{backlinkText}</a>"));
                // repeat is read after conversion of the text, which is when the counts are final
                var repeat = _footnotes[i].Repeat;
                for (var index = 1; index <= repeat; index++)
                    para.Children.Add(new Element(ElementType.Raw,
                        $"{nbsp}<a href=\"#fnref:{name}:{index}\" class=\"reversefootnote\" role=\"doc-backlink\">{backlinkText}<sup>{index + 1}</sup></a>"));
            }

            ol.Children.Add(new Element(ElementType.Raw, Render(li, 4)));
        }
        if (!ol.HasChildren) return "";
        var divAttr = new OrderedDictionary<string, string>(StringComparer.Ordinal) { ["class"] = "footnotes", ["role"] = "doc-endnotes" };
        return FormatAsIndentedBlockHtml("div", divAttr, Render(ol, 2), 0);
    }

    // ---- code highlighting ----

    private static string? ExtractCodeLanguage(OrderedDictionary<string, string> attr)
    {
        if (!attr.TryGetValue("class", out var cls)) return null;
        var m = Rx(@"\blanguage-(\S+)").Match(cls);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string? ExtractCodeLanguageBang(OrderedDictionary<string, string> attr)
    {
        var lang = ExtractCodeLanguage(attr);
        if (lang is not null)
        {
            var cls = Rx(@"\blanguage-\S+").Unanchored.Replace(attr["class"], "", 1).Trim(' ', '\t', '\n', '\v', '\f', '\r', '\0');
            if (cls.Length == 0) attr.Remove("class");
            else attr["class"] = cls;
        }
        return lang;
    }

    private Dictionary<string, object?>? _spanOpts;
    private Dictionary<string, object?>? _blockOpts;

    /// <summary>kramdown's rouge syntax highlighter: the markup, and the default language it reports.</summary>
    private (string? Html, string? DefaultLang) HighlightCode(string text, string? lang, bool block)
    {
        if (_options.SyntaxHighlighter is null) return (null, null);
        if (_options.SyntaxHighlighter != "rouge" || _options.Highlighter is null)
        {
            if (_options.SyntaxHighlighter != "rouge" && _options.SyntaxHighlighter != "minted")
                Warnings.Add($"The configured syntax highlighter {_options.SyntaxHighlighter} is not available.");
            return (null, null);
        }
        if (_blockOpts is null)
        {
            var opts = new Dictionary<string, object?>(_options.SyntaxHighlighterOpts);
            var span = Normalize(opts.GetValueOrDefault("span"));
            var blk = Normalize(opts.GetValueOrDefault("block"));
            opts.Remove("span");
            opts.Remove("block");
            _spanOpts = new Dictionary<string, object?>(opts);
            foreach (var (k, v) in span) _spanOpts[k] = v;
            _spanOpts["wrap"] = false;
            _blockOpts = new Dictionary<string, object?>(opts);
            foreach (var (k, v) in blk) _blockOpts[k] = v;
        }
        var o = block ? _blockOpts : _spanOpts!;
        var defaultLang = o.GetValueOrDefault("default_lang") is { } d and not false ? d.ToString() : null;
        var guess = o.GetValueOrDefault("guess_lang") is { } g and not false;
        if (lang is null && defaultLang is null && !guess) return (null, defaultLang);
        var language = lang ?? defaultLang;
        if (o.GetValueOrDefault("disable") is { } dis and not false) return (null, defaultLang);
        return (_options.Highlighter.Highlight(text, language, block, o), defaultLang);
    }

    private static Dictionary<string, object?> Normalize(object? value) => value switch
    {
        IEnumerable<KeyValuePair<string, object?>> h => h.ToDictionary(p => p.Key.TrimStart(':'), p => p.Value),
        System.Collections.IDictionary d => d.Keys.Cast<object>().ToDictionary(k => k.ToString()!.TrimStart(':'), k => d[k]),
        _ => new Dictionary<string, object?>(),
    };

    // ---- ids ----

    private string GenerateId(string str)
    {
        var genId = BasicGenerateId(str);
        if (genId.Length == 0) genId = "section";
        _usedIds ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (_usedIds.TryGetValue(genId, out var n))
        {
            _usedIds[genId] = n + 1;
            genId += "-" + (n + 1);
        }
        else
        {
            _usedIds[genId] = 0;
        }
        return _options.AutoIdPrefix + genId;
    }

    private static string BasicGenerateId(string str)
    {
        var genId = Rx("^[^a-zA-Z]+").Unanchored.Replace(str, "");
        var sb = new StringBuilder(genId.Length);
        foreach (var c in genId)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-') sb.Append(char.ToLowerInvariant(c));
            else if (c == ' ') sb.Append('-');
        }
        return sb.ToString();
    }

    // ---- HTML utilities (Kramdown::Utils::Html) ----

    private enum EscapeMode { All, Text, Attribute }

    private string EntityToStr(Entity e, string? original = null)
    {
        var mode = _options.EntityOutput;
        var c = e.Char;
        if (mode == EntityOutput.AsChar && c is not null && (c == "\"" || !IsEscaped(c))) return c;
        if (mode is EntityOutput.AsInput or EntityOutput.AsChar && original is not null) return original;
        if ((mode == EntityOutput.Symbolic || (c is not null && IsEscaped(c))) && e.Name is not null) return "&" + e.Name + ";";
        return "&#" + e.CodePoint + ";";
    }

    private static bool IsEscaped(string c) => c is "<" or ">" or "&" or "\"";

    private static string HtmlAttributes(OrderedDictionary<string, string>? attr)
    {
        if (attr is null || attr.Count == 0) return "";
        return AppendAttributes(new StringBuilder(), attr).ToString();
    }

    /// <summary>kramdown's <c>html_attributes</c>, written straight into <paramref name="sb"/>.</summary>
    private static StringBuilder AppendAttributes(StringBuilder sb, OrderedDictionary<string, string>? attr)
    {
        if (attr is null) return sb;
        foreach (var (k, v) in attr) AppendAttribute(sb, k, v);
        return sb;
    }

    private static void AppendAttribute(StringBuilder sb, string k, string? v)
    {
        if (v is null || (k == "id" && v.AsSpan().Trim(" \t\n\v\f\r\0").Length == 0)) return;
        sb.Append(' ').Append(k).Append("=\"").Append(EscapeHtml(v, EscapeMode.Attribute)).Append('"');
    }

    /// <summary>
    /// kramdown's <c>escape_html</c>: <c>&lt; &gt; &amp;</c> (and <c>"</c> in attributes) as entities; in text and attributes an
    /// ampersand that starts a character reference (REXML's <c>REFERENCE_RE</c>) is kept.
    /// </summary>
    private static string EscapeHtml(string str, EscapeMode mode)
    {
        var quote = mode == EscapeMode.Attribute;
        var first = quote ? str.AsSpan().IndexOfAny(AttributeSpecials) : str.AsSpan().IndexOfAny('<', '>', '&');
        if (first < 0) return str;
        var sb = new StringBuilder(str.Length + 16);
        sb.Append(str, 0, first);
        for (var i = first; i < str.Length; i++)
        {
            var c = str[i];
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"' when quote: sb.Append("&quot;"); break;
                case '&':
                    var length = mode == EscapeMode.All ? 0 : ReferenceLength(str, i);
                    if (length > 0)
                    {
                        sb.Append(str, i, length);
                        i += length - 1;
                    }
                    else
                    {
                        sb.Append("&amp;");
                    }
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> AttributeSpecials = System.Buffers.SearchValues.Create("<>&\"");

    private static bool IsAsciiWord(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_';

    /// <summary>The length of the character reference at <paramref name="i"/> (<c>&amp;name;</c>, <c>&amp;#123;</c>, <c>&amp;#x1F;</c>), or 0.</summary>
    private static int ReferenceLength(string s, int i)
    {
        var j = i + 1;
        if (j >= s.Length) return 0;
        if (s[j] == '#')
        {
            j++;
            var hex = j < s.Length && s[j] == 'x';
            if (hex) j++;
            var start = j;
            while (j < s.Length && (hex ? char.IsAsciiHexDigit(s[j]) : char.IsAsciiDigit(s[j]))) j++;
            return j > start && j < s.Length && s[j] == ';' ? j - i + 1 : 0;
        }
        if (!(IsAsciiWord(s[j]) || s[j] == ':')) return 0;
        j++;
        while (j < s.Length && (IsAsciiWord(s[j]) || s[j] is '-' or '.' or ':')) j++;
        return j < s.Length && s[j] == ';' ? j - i + 1 : 0;
    }

    private static string FixCjkLineBreak(string str)
    {
        var re = new Regex(@"([\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]+)\n([\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]+)");
        string previous;
        do
        {
            previous = str;
            str = re.Replace(str, "$1$2");
        } while (previous != str);
        return str;
    }
}
