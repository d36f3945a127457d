using System.Text;
using static Homepage.Kramdown.Parsing.Patterns;
using static Homepage.Kramdown.Parsing.RubyRegex;

namespace Homepage.Kramdown.Parsing;

/// <summary>
/// kramdown 2.4's parser for its own Markdown dialect (<c>Kramdown::Parser::Kramdown</c>), ported method by method: a
/// block pass builds the tree with raw text, then a span pass parses each raw text. Subclasses change the parser lists
/// as kramdown's GFM and SmartyPants parsers do.
/// </summary>
internal partial class KramdownParser
{
    protected sealed record ParserDef(string Name, RubyRegex StartRe, string? SpanStart, Func<bool> Method);

    protected readonly record struct StackEntry(Element? Tree, Scanner? Src, Ial? BlockIal, ElementType TextType);

    protected sealed class FootnoteData
    {
        public required Element Content;
        public Element? Eob;
        public OrderedDictionary<string, string>? Attr;
        public Element? EobOptions;
        public List<Element>? Markers;
    }

    protected readonly KramdownOptions Options;
    protected readonly Element Root;
    public List<string> Warnings { get; } = [];

    protected Scanner Src = null!;
    protected Element? Tree;
    protected Ial? BlockIal;
    protected List<StackEntry> Stack = [];
    protected ElementType TextType = ElementType.Text;

    protected readonly Dictionary<string, Ial> Alds = new(StringComparer.Ordinal);
    protected readonly OrderedDictionary<string, FootnoteData> Footnotes = new(StringComparer.Ordinal);
    protected readonly Dictionary<string, (string Url, string? Title, Element? Eob)> LinkDefs = new(StringComparer.Ordinal);
    public OrderedDictionary<string, string> AbbrevDefs { get; } = new(StringComparer.Ordinal);
    protected readonly OrderedDictionary<string, Element> AbbrevEobs = new(StringComparer.Ordinal);
    public Dictionary<string, OrderedDictionary<string, string>> AbbrevAttr { get; } = new(StringComparer.Ordinal);

    protected List<string> BlockParsers;
    protected List<string> SpanParsers;
    private readonly Dictionary<string, ParserDef> _parsers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RubyRegex Start, RubyRegex StartRe)> _spanRegexCache = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), RubyRegex> _spanPatternCache = new();
    private RubyRegex _spanStart = null!;
    private RubyRegex _spanStartRe = null!;
    private bool _stopBlockParsing;
    private readonly string _source;

    /// <summary>Inline options set by <c>{::options ... /}</c>, which the converter applies too.</summary>
    public Dictionary<string, object?> InlineOptions { get; } = new(StringComparer.Ordinal);

    public int FootnoteCount { get; private set; }

    public KramdownParser(string source, KramdownOptions options)
    {
        _source = source;
        Options = options.Clone();
        Root = new Element(ElementType.Root) { Location = 1 };
        ResetEnv();
        foreach (var (k, v) in Options.LinkDefs) LinkDefs[NormalizeLinkId(k)] = (v.Url, v.Title, null);
        BlockParsers =
        [
            "blank_line", "codeblock", "codeblock_fenced", "blockquote", "atx_header", "horizontal_rule", "list",
            "definition_list", "block_html", "setext_header", "block_math", "table", "footnote_definition", "link_definition",
            "abbrev_definition", "block_extensions", "eob_marker", "paragraph",
        ];
        SpanParsers =
        [
            "emphasis", "codespan", "autolink", "span_html", "footnote_marker", "link", "smart_quotes", "inline_math",
            "span_extensions", "html_entity", "typographic_syms", "line_break", "escaped_chars",
        ];
        DefineParsers();
    }

    /// <summary>Parses the source into the tree; returns the root.</summary>
    public Element Parse()
    {
        ConfigureParser();
        ParseBlocks(Root, AdaptSource(_source));
        UpdateTree(Root);
        CorrectAbbreviationsAttributes();
        ReplaceAbbreviations(Root);
        foreach (var (_, data) in Footnotes)
        {
            UpdateTree(data.Content);
            ReplaceAbbreviations(data.Content);
        }
        var count = 0;
        foreach (var (name, data) in Footnotes)
        {
            if (data.Markers is not null) { count++; continue; }
            Warning($"Footnote definition for '{name}' on line {data.Content.Location} is unreferenced - ignoring");
        }
        FootnoteCount = count;
        AfterParse();
        return Root;
    }

    protected virtual void AfterParse() { }

    protected void Warning(string text) => Warnings.Add(text);

    private static string AdaptSource(string source)
    {
        var s = source.Replace("\r\n", "\n").Replace('\r', '\n');
        // Ruby's chomp! removes one trailing newline; then one is appended.
        if (s.EndsWith('\n')) s = s[..^1];
        return s + "\n";
    }

    // ---- parser registry ----

    protected void Define(string name, string startRe, string? spanStart, Func<bool> method, bool m = false, bool i = false) =>
        _parsers[name] = new ParserDef(name, Rx(startRe, m, i), spanStart, method);

    protected void DefineSpan(string name, string startRe, string? spanStart, Action method, bool m = false) =>
        _parsers[name] = new ParserDef(name, Rx(startRe, m), spanStart, () => { method(); return true; });

    private void DefineParsers()
    {
        Define("blank_line", BlankLine, null, ParseBlankLine);
        Define("eob_marker", EobMarker, null, ParseEobMarker);
        Define("paragraph", ParagraphStart, null, ParseParagraph);
        Define("setext_header", SetextHeaderStart, null, ParseSetextHeader);
        Define("atx_header", AtxHeaderStart, null, ParseAtxHeader);
        Define("blockquote", BlockquoteStart, null, ParseBlockquote);
        Define("table", TableStart, null, ParseTable);
        Define("codeblock", Indent, null, ParseCodeblock);
        Define("codeblock_fenced", FencedCodeblockStart, null, ParseCodeblockFenced);
        Define("horizontal_rule", HrStart, null, ParseHorizontalRule);
        Define("list", ListStart, null, ParseList);
        Define("definition_list", DefinitionListStart, null, ParseDefinitionList);
        Define("block_html", HtmlBlockStart, null, ParseBlockHtml);
        Define("block_math", BlockMathStart, null, ParseBlockMath, m: true);
        Define("footnote_definition", FootnoteDefinitionStart, null, ParseFootnoteDefinition);
        Define("link_definition", LinkDefinitionStart, null, ParseLinkDefinition);
        Define("abbrev_definition", AbbrevDefinitionStart, null, ParseAbbrevDefinition);
        Define("block_extensions", BlockExtensionsStart, null, ParseBlockExtensions);

        DefineSpan("emphasis", EmphasisStart, @"\*|_", ParseEmphasis);
        DefineSpan("codespan", CodespanDelimiter, "`", ParseCodespan);
        DefineSpan("autolink", AutolinkStart, "<", ParseAutolink);
        DefineSpan("span_html", HtmlSpanStart, "<", ParseSpanHtml);
        DefineSpan("footnote_marker", FootnoteMarkerStart, @"\[", ParseFootnoteMarker);
        DefineSpan("link", LinkStart, @"!?\[", ParseLink);
        DefineSpan("smart_quotes", SmartQuotesRe, @"[^\\]?[""']", ParseSmartQuotes);
        DefineSpan("inline_math", InlineMathStart, @"\$", ParseInlineMath, m: true);
        DefineSpan("span_extensions", SpanExtensionsStart, @"\{:", ParseSpanExtensions);
        DefineSpan("html_entity", HtmlEntityRe, "&", ParseHtmlEntity);
        DefineSpan("typographic_syms", TypographicSymsRe, @"--|\.\.\.|(?:\\\\| )?(?:<<|>>)", ParseTypographicSyms);
        DefineSpan("line_break", LineBreak, @"(  |\\\\)(?=\n)", ParseLineBreak);
        DefineSpan("escaped_chars", EscapedChars, @"\\", ParseEscapedChars);
    }

    private void ConfigureParser()
    {
        foreach (var name in BlockParsers.Concat(SpanParsers))
            if (!_parsers.ContainsKey(name)) throw new InvalidOperationException("Unknown parser: " + name);
        (_spanStart, _spanStartRe) = SpanParserRegexps(SpanParsers);
    }

    private (RubyRegex Start, RubyRegex StartRe) SpanParserRegexps(List<string> parsers)
    {
        var key = string.Join(",", parsers);
        if (_spanRegexCache.TryGetValue(key, out var cached)) return cached;
        var start = string.Join("|", parsers.Select(n => _parsers[n].SpanStart));
        var result = (Rx(start), Rx("(?=" + start + ")"));
        _spanRegexCache[key] = result;
        return result;
    }

    // ---- environment ----

    protected void ResetEnv(Scanner? src = null, ElementType textType = ElementType.RawText)
    {
        Src = src!;
        Tree = null;
        BlockIal = null;
        Stack = [];
        TextType = textType;
    }

    protected (Scanner, Element?, Ial?, List<StackEntry>, ElementType) SaveEnv() => (Src, Tree, BlockIal, Stack, TextType);

    protected void RestoreEnv((Scanner, Element?, Ial?, List<StackEntry>, ElementType) env) =>
        (Src, Tree, BlockIal, Stack, TextType) = env;

    protected void AddText(string? text) => AddText(text, Tree!, TextType);

    protected static void AddText(string? text, Element tree, ElementType type)
    {
        text ??= "";
        var children = tree.Children;
        var last = children.Count > 0 ? children[^1] : null;
        if (last is not null && last.Type == type)
        {
            if (text.Length > 0) last.Append(text);
        }
        else if (text.Length > 0)
        {
            var location = last is not null && last.Location != 0 ? last.Location : tree.Location;
            children.Add(new Element(type, text) { Location = location });
        }
    }

    /// <summary>A block-level element taking a pending block IAL (kramdown's <c>new_block_el</c>).</summary>
    protected Element NewBlockEl(ElementType type, string? value = null)
    {
        var el = new Element(type, value);
        if (BlockIal is not null)
        {
            el.Ial = BlockIal;
            BlockIal = null;
        }
        return el;
    }

    // ---- block parsing ----

    /// <summary>Parses all blocks of <paramref name="text"/> (or of the current scanner) into <paramref name="el"/>; true when a closing HTML tag stopped it.</summary>
    protected bool ParseBlocks(Element el, string? text = null)
    {
        Stack.Add(new StackEntry(Tree, Src, BlockIal, TextType));
        Tree = el;
        BlockIal = null;
        if (text is not null) Src = new Scanner(text, el.Location);

        var status = false;
        while (!Src.Eos)
        {
            var handled = false;
            foreach (var name in BlockParsers)
            {
                var p = _parsers[name];
                if (Src.IsMatchHere(p.StartRe) && p.Method())
                {
                    handled = true;
                    break;
                }
            }
            if (_stopBlockParsing)
            {
                _stopBlockParsing = false;
                status = true;
                break;
            }
            if (!handled)
            {
                Warning("Warning: this should not occur - no block parser handled the line");
                AddText(Src.Scan(Rx(@".*\n")));
            }
        }

        var top = Stack[^1];
        Stack.RemoveAt(Stack.Count - 1);
        Tree = top.Tree;
        Src = top.Src!;
        BlockIal = top.BlockIal;
        return status;
    }

    /// <summary>Parses raw text with the span parsers and applies IALs (kramdown's <c>update_tree</c>).</summary>
    protected void UpdateTree(Element element)
    {
        if (!element.HasChildren) return;
        Element? lastBlank = null;
        var result = new List<Element>(element.Children.Count);
        foreach (var child in element.Children)
        {
            if (child.Type == ElementType.RawText)
            {
                lastBlank = null;
                ResetEnv(new Scanner(child.Value ?? "", element.Location), ElementType.Text);
                ParseSpans(child);
                result.AddRange(child.Children);
            }
            else if (child.Type == ElementType.Eob)
            {
                if (child.Ial is not null) UpdateAttrWithIal(child.Attr, child.Ial);
            }
            else if (child.Type == ElementType.Blank)
            {
                if (lastBlank is not null)
                {
                    lastBlank.Append(child.Value ?? "");
                }
                else
                {
                    lastBlank = child;
                    result.Add(child);
                }
            }
            else
            {
                lastBlank = null;
                UpdateTree(child);
                if (child.Ial is not null) UpdateAttrWithIal(child.Attr, child.Ial);
                if (child.Type == ElementType.Dt || (child.Type == ElementType.Header && Options.AutoIdStripping))
                    UpdateRawText(child);
                result.Add(child);
            }
        }
        element.Children = result;
    }

    /// <summary>Parses the span-level content of the scanner into <paramref name="el"/>; true when <paramref name="stopRe"/> stopped it.</summary>
    protected bool ParseSpans(Element el, RubyRegex? stopRe = null, List<string>? parsers = null, ElementType? textType = null, Func<bool>? stopCondition = null)
    {
        var pushed = Tree is not null;
        if (pushed) Stack.Add(new StackEntry(Tree, null, null, TextType));
        Tree = el;
        TextType = textType ?? TextType;

        var spanStart = _spanStart;
        var spanStartRe = _spanStartRe;
        if (parsers is not null) (spanStart, spanStartRe) = SpanParserRegexps(parsers);
        parsers ??= SpanParsers;

        var usedRe = stopRe is null ? spanStartRe : SpanPatternCache(stopRe, spanStart);
        var stopFound = false;
        while (!Src.Eos && !stopFound)
        {
            var result = Src.ScanUntil(usedRe);
            if (result is not null)
            {
                AddText(result);
                if (stopRe is not null && Src.IsMatchHere(stopRe))
                    stopFound = stopCondition is null || stopCondition();
                var processed = false;
                if (!stopFound)
                {
                    foreach (var name in parsers)
                    {
                        var p = _parsers[name];
                        if (Src.IsMatchHere(p.StartRe))
                        {
                            p.Method();
                            processed = true;
                            break;
                        }
                    }
                }
                if (!processed && !stopFound) AddText(Src.GetCh());
            }
            else
            {
                if (stopRe is null)
                {
                    AddText(Src.Rest);
                    Src.Terminate();
                }
                break;
            }
        }

        if (Stack.Count > 0 && pushed)
        {
            var top = Stack[^1];
            Stack.RemoveAt(Stack.Count - 1);
            Tree = top.Tree;
            TextType = top.TextType;
        }
        else
        {
            Tree = null;
            TextType = default;
        }
        return stopFound;
    }

    private RubyRegex SpanPatternCache(RubyRegex stopRe, RubyRegex spanStart)
    {
        var key = (stopRe.Embedded, spanStart.Source);
        if (!_spanPatternCache.TryGetValue(key, out var re))
            _spanPatternCache[key] = re = Rx("(?=" + stopRe.Embedded + "|(?-is:" + spanStart.Source + "))");
        return re;
    }

    /// <summary>Applies an IAL and the ALDs it references to an attribute hash.</summary>
    protected void UpdateAttrWithIal(OrderedDictionary<string, string> attr, Ial ial)
    {
        if (ial.Refs is not null)
            foreach (var r in ial.Refs)
                if (Alds.TryGetValue(r, out var referenced)) UpdateAttrWithIal(attr, referenced);
        foreach (var (k, v) in ial.Attributes)
        {
            if (k == "class") attr[k] = ((attr.GetValueOrDefault(k) ?? "") + " " + v).TrimStart(RubyWhitespace);
            else attr[k] = v;
        }
    }

    protected static readonly char[] RubyWhitespace = [' ', '\t', '\n', '\v', '\f', '\r', '\0'];

    /// <summary>The header's or term's text for automatic ids.</summary>
    protected virtual void UpdateRawText(Element item)
    {
        var raw = new StringBuilder();
        void Append(Element child)
        {
            if (child.Type == ElementType.Text) raw.Append(child.Value);
            else if (child.HasChildren) foreach (var c in child.Children) Append(c);
        }
        Append(item);
        item.RawText = raw.ToString();
    }

    protected bool AfterBlockBoundary()
    {
        var children = Tree!.Children;
        var last = children.Count > 0 ? children[^1] : null;
        return last is null || last.Type == ElementType.Blank || (last.Type == ElementType.Eob && last.EobKind is null) || BlockIal is not null;
    }

    protected bool BeforeBlockBoundary() => Src.IsMatchHere(Rx(BlockBoundary));

    /// <summary>Stops the enclosing block parse (kramdown's <c>throw :stop_block_parsing, :found</c>).</summary>
    protected void StopBlockParsing() => _stopBlockParsing = true;

    /// <summary>kramdown's <c>normalize_link_id</c>: runs of whitespace as one space, lower case.</summary>
    protected static string NormalizeLinkId(string id)
    {
        var sb = new StringBuilder(id.Length);
        for (var i = 0; i < id.Length; i++)
        {
            if (id[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
            {
                sb.Append(' ');
                while (i + 1 < id.Length && id[i + 1] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r') i++;
            }
            else
            {
                sb.Append(id[i]);
            }
        }
        return sb.ToString().ToLowerInvariant();
    }

    protected static string RStrip(string s) => s.TrimEnd(RubyWhitespace);
    protected static string LStrip(string s) => s.TrimStart(RubyWhitespace);
    protected static string Strip(string s) => s.Trim(RubyWhitespace);
}
