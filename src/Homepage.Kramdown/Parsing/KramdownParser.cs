using Homepage.Onigmo;
using System.Text;
using static Homepage.Kramdown.Parsing.Patterns;
using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Kramdown.Parsing;

/// <summary>
/// kramdown 2.4's parser for its own Markdown dialect (<c>Kramdown::Parser::Kramdown</c>), ported method by method: a
/// block pass builds the tree with raw text, then a span pass parses each raw text. Subclasses change the parser lists
/// as kramdown's GFM and SmartyPants parsers do.
/// </summary>
internal partial class KramdownParser
{
    /// <summary>
    /// A block or span parser: its start pattern and method as kramdown defines them, plus a cheap test of the text at a
    /// position that is false only where the start pattern cannot match (so the pattern need not be tried), and for span
    /// parsers the characters their start can begin with (null: any).
    /// </summary>
    internal sealed record ParserDef(string Name, RubyRegex StartRe, string? SpanStart, Func<KramdownParser, bool> Method, Func<string, int, bool>? CanStart, string? FirstChars);

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
    protected internal Element Root { get; }
    public List<string> Warnings { get; } = [];

    protected Scanner Src = null!;
    protected Element? Tree;
    protected Ial? BlockIal;
    protected List<StackEntry> Stack = [];
    private List<StackEntry>? _spanStack;
    protected ElementType TextType = ElementType.Text;

    protected readonly Dictionary<string, Ial> Alds = new(StringComparer.Ordinal);
    protected readonly OrderedDictionary<string, FootnoteData> Footnotes = new(StringComparer.Ordinal);
    protected readonly Dictionary<string, (string Url, string? Title, Element? Eob)> LinkDefs = new(StringComparer.Ordinal);
    public OrderedDictionary<string, string> AbbrevDefs { get; } = new(StringComparer.Ordinal);
    protected readonly OrderedDictionary<string, Element> AbbrevEobs = new(StringComparer.Ordinal);
    public Dictionary<string, OrderedDictionary<string, string>> AbbrevAttr { get; } = new(StringComparer.Ordinal);

    protected List<string> BlockParsers;
    protected List<string> SpanParsers;
    /// <summary>Every parser kramdown, its GFM parser and Jekyll's SmartyPants parser define, by name.</summary>
    private static readonly Dictionary<string, ParserDef> Parsers = DefineParsers();
    private ParserDef[] _blockDefs = [];
    private readonly Dictionary<List<string>, ParserDef[]> _spanDefs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<List<string>, (RubyRegex Start, RubyRegex StartRe)> _spanRegexCache = new(ReferenceEqualityComparer.Instance);
    // keyed by the patterns themselves (compared by reference): a key of their sources would build a string per call
    private readonly Dictionary<(RubyRegex, RubyRegex), RubyRegex> _spanPatternCache = new();
    private RubyRegex _spanStart = null!;
    private RubyRegex _spanStartRe = null!;
    private bool _stopBlockParsing;
    private readonly string _source;

    /// <summary>Inline options set by <c>{::options ... /}</c>, which the converter applies too.</summary>
    public Dictionary<string, object?> InlineOptions { get; } = new(StringComparer.Ordinal);

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
    }

    private int _optionsExtensions;

    /// <summary>
    /// The first half of parsing: the blocks of the whole source, which leaves the text of each in raw text elements. True
    /// when the rest may be done a top-level element at a time (<see cref="UpdateIncrementally"/>): not when the source
    /// may set options at span level (they apply to the whole conversion, above them too), nor for text parsed at the top
    /// level (SmartyPants). Otherwise <see cref="UpdateWholeTree"/>.
    /// </summary>
    public bool ParseBlockLevel()
    {
        ConfigureParser();
        ParseBlocks(Root, AdaptSource(_source));
        if (this is SmartyPantsParser) return false;
        // every {::options} of the source was a block-level one (any other, even in code, makes it the whole tree at once)
        var inSource = 0;
        for (var at = _source.IndexOf("{::options", StringComparison.Ordinal); at >= 0;
             at = _source.IndexOf("{::options", at + 1, StringComparison.Ordinal))
            inSource++;
        return inSource == _optionsExtensions;
    }

    /// <summary>The second half of parsing, for the whole tree: spans, attribute lists, abbreviations, footnotes.</summary>
    public Element UpdateWholeTree()
    {
        UpdateTree(Root);
        CorrectAbbreviationsAttributes();
        ReplaceAbbreviations(Root);
        FinishFootnotes();
        AfterParse(Root);
        return Root;
    }

    /// <summary>
    /// The same tree as <see cref="UpdateWholeTree"/>, handed out one top-level element at a time, after
    /// <see cref="ParseBlockLevel"/> (which parsed the blocks of the whole source: link, abbreviation, footnote and
    /// attribute list definitions are all known then). Each top-level element has its spans parsed just before it is
    /// handed out and is let go of once the caller asks for the next. The caller converts each as it comes, so a large
    /// page's span elements die young instead of living, all of them, until the last is parsed. Footnote definitions
    /// are finished after the last element, before the enumeration ends.
    /// </summary>
    public IEnumerable<Element> UpdateIncrementally()
    {
        // An abbreviation may be used above its definition, whose attributes (an IAL on the end-of-block marker after it)
        // UpdateWholeTree applies while updating the tree, before any abbreviation is replaced: apply them all first here.
        foreach (var (_, eob) in AbbrevEobs)
            if (eob.Ial is not null)
            {
                UpdateAttrWithIal(eob.Attr, eob.Ial);
                eob.Ial = null;
            }
        CorrectAbbreviationsAttributes();

        var taken = new Element(ElementType.Root);
        taken.TakeChildrenOf(Root);
        var children = taken.Children;
        var single = new Element(ElementType.Root) { Location = Root.Location };
        var lastWasBlank = false;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            children[i] = null!;
            switch (child.Type)
            {
                case ElementType.Eob:
                    // dropped by the tree update (its IAL only ever lands on its own attributes)
                    continue;
                case ElementType.Blank when lastWasBlank:
                    // consecutive blanks are merged into the first, which has been written already (as one newline)
                    continue;
                case ElementType.Blank:
                    lastWasBlank = true;
                    break;
                default:
                    lastWasBlank = false;
                    break;
            }
            single.Children.Add(child);
            UpdateTree(single);
            ReplaceAbbreviations(single);
            AfterParse(single);
            foreach (var element in single.Children) yield return element;
            single.Children.Clear();
        }
        FinishFootnotes();
    }

    private void FinishFootnotes()
    {
        foreach (var (_, data) in Footnotes)
        {
            UpdateTree(data.Content);
            ReplaceAbbreviations(data.Content);
        }
        foreach (var (name, data) in Footnotes)
            if (data.Markers is null)
                Warning($"Footnote definition for '{name}' on line {data.Content.Location} is unreferenced - ignoring");
    }

    /// <summary>What a parser does to the updated tree (kramdown-parser-gfm's hard line breaks and header ids).</summary>
    protected virtual void AfterParse(Element root) { }

    protected void Warning(string text) => Warnings.Add(text);

    private readonly Stack<List<Element>> _listPool = new();

    /// <summary>A scratch list for rebuilding an element's children (tree passes recurse, so there is one per depth).</summary>
    protected List<Element> RentList() => _listPool.TryPop(out var list) ? list : new List<Element>();

    /// <summary>
    /// Puts the rebuilt children into the element (keeping its array when it has room, so large documents do not allocate
    /// a new large array per pass) and returns the scratch list.
    /// </summary>
    protected void ReplaceChildren(Element element, List<Element> result)
    {
        element.SetChildren(result);
        result.Clear();
        _listPool.Push(result);
    }

    private static string AdaptSource(string source)
    {
        // the usual case needs no copy: Unix line ends and a final newline
        if (source.EndsWith('\n') && !source.Contains('\r')) return source;
        var s = source.Replace("\r\n", "\n").Replace('\r', '\n');
        // Ruby's chomp! removes one trailing newline; then one is appended.
        if (s.EndsWith('\n')) s = s[..^1];
        return s + "\n";
    }

    // ---- parser registry ----

    private protected static void Define(Dictionary<string, ParserDef> parsers, string name, string startRe, string? spanStart, Func<KramdownParser, bool> method,
                               Func<string, int, bool>? canStart = null, bool m = false) =>
        parsers[name] = new ParserDef(name, Rx(startRe, m), spanStart, method, canStart, null);

    private protected static void DefineSpan(Dictionary<string, ParserDef> parsers, string name, string startRe, string? spanStart, Action<KramdownParser> method,
                                   string? firstChars, bool m = false)
    {
        Func<string, int, bool>? canStart = null;
        if (firstChars is not null)
        {
            var values = System.Buffers.SearchValues.Create(firstChars);
            canStart = (s, p) => p < s.Length && values.Contains(s[p]);
        }
        parsers[name] = new ParserDef(name, Rx(startRe, m), spanStart, p => { method(p); return true; }, canStart, firstChars);
    }

    /// <summary>The first character after at most three spaces (kramdown's <c>OPT_SPACE</c>), or NUL at the end.</summary>
    protected static char AfterOptSpace(string s, int p)
    {
        var n = 0;
        while (n < 3 && p + n < s.Length && s[p + n] == ' ') n++;
        return p + n < s.Length ? s[p + n] : '\0';
    }

    protected static bool LineContains(string s, int p, char c)
    {
        var nl = s.IndexOf('\n', p);
        return s.AsSpan(p, (nl < 0 ? s.Length : nl) - p).Contains(c);
    }

    private static Dictionary<string, ParserDef> DefineParsers()
    {
        FastMatchers.Register();
        var d = new Dictionary<string, ParserDef>(StringComparer.Ordinal);
        Define(d, "blank_line", BlankLine, null, static p => p.ParseBlankLine(), static (s, p) =>
        {
            while (p < s.Length && s[p] is ' ' or '\t' or '\v' or '\f' or '\r') p++;
            return p < s.Length && s[p] == '\n';
        });
        Define(d, "eob_marker", EobMarker, null, static p => p.ParseEobMarker(), static (s, p) => p < s.Length && s[p] == '^');
        Define(d, "paragraph", ParagraphStart, null, static p => p.ParseParagraph());
        Define(d, "setext_header", SetextHeaderStart, null, static p => p.ParseSetextHeader(), static (s, p) =>
        {
            var nl = s.IndexOf('\n', p);
            return nl >= 0 && nl + 1 < s.Length && s[nl + 1] is '-' or '=';
        });
        Define(d, "atx_header", AtxHeaderStart, null, static p => p.ParseAtxHeader(), static (s, p) => p < s.Length && s[p] == '#');
        Define(d, "blockquote", BlockquoteStart, null, static p => p.ParseBlockquote(), static (s, p) => AfterOptSpace(s, p) == '>');
        Define(d, "table", TableStart, null, static p => p.ParseTable(), static (s, p) => LineContains(s, p, '|'));
        Define(d, "codeblock", Indent, null, static p => p.ParseCodeblock(), static (s, p) => p < s.Length && (s[p] == '\t' || s.AsSpan(p).StartsWith("    ")));
        Define(d, "codeblock_fenced", FencedCodeblockStart, null, static p => p.ParseCodeblockFenced(), static (s, p) => p < s.Length && s[p] == '~');
        Define(d, "horizontal_rule", HrStart, null, static p => p.ParseHorizontalRule(), static (s, p) => AfterOptSpace(s, p) is '*' or '-' or '_');
        Define(d, "list", ListStart, null, static p => p.ParseList(), static (s, p) => AfterOptSpace(s, p) is '+' or '*' or '-' or (>= '0' and <= '9'));
        Define(d, "definition_list", DefinitionListStart, null, static p => p.ParseDefinitionList(), static (s, p) => AfterOptSpace(s, p) == ':');
        Define(d, "block_html", HtmlBlockStart, null, static p => p.ParseBlockHtml(), static (s, p) => AfterOptSpace(s, p) == '<');
        Define(d, "block_math", BlockMathStart, null, static p => p.ParseBlockMath(), static (s, p) => AfterOptSpace(s, p) is '$' or '\\', m: true);
        Define(d, "footnote_definition", FootnoteDefinitionStart, null, static p => p.ParseFootnoteDefinition(), static (s, p) =>
        {
            var n = 0;
            while (n < 3 && p + n < s.Length && s[p + n] == ' ') n++;
            return p + n + 1 < s.Length && s[p + n] == '[' && s[p + n + 1] == '^';
        });
        Define(d, "link_definition", LinkDefinitionStart, null, static p => p.ParseLinkDefinition(), static (s, p) => AfterOptSpace(s, p) == '[');
        Define(d, "abbrev_definition", AbbrevDefinitionStart, null, static p => p.ParseAbbrevDefinition(), static (s, p) => AfterOptSpace(s, p) == '*');
        Define(d, "block_extensions", BlockExtensionsStart, null, static p => p.ParseBlockExtensions(), static (s, p) => AfterOptSpace(s, p) == '{');

        DefineSpan(d, "emphasis", EmphasisStart, @"\*|_", static p => p.ParseEmphasis(), "*_");
        DefineSpan(d, "codespan", CodespanDelimiter, "`", static p => p.ParseCodespan(), "`");
        DefineSpan(d, "autolink", AutolinkStart, "<", static p => p.ParseAutolink(), "<");
        DefineSpan(d, "span_html", HtmlSpanStart, "<", static p => p.ParseSpanHtml(), "<");
        DefineSpan(d, "footnote_marker", FootnoteMarkerStart, @"\[", static p => p.ParseFootnoteMarker(), "[");
        DefineSpan(d, "link", LinkStart, @"!?\[", static p => p.ParseLink(), "![");
        DefineSpan(d, "smart_quotes", SmartQuotesRe, @"[^\\]?[""']", static p => p.ParseSmartQuotes(), null);
        d["smart_quotes"] = d["smart_quotes"] with
        {
            CanStart = static (s, p) => p < s.Length && (s[p] is '"' or '\'' || (s[p] != '\\' && p + 1 < s.Length && s[p + 1] is '"' or '\'')),
        };
        DefineSpan(d, "inline_math", InlineMathStart, @"\$", static p => p.ParseInlineMath(), "$", m: true);
        DefineSpan(d, "span_extensions", SpanExtensionsStart, @"\{:", static p => p.ParseSpanExtensions(), "{");
        DefineSpan(d, "html_entity", HtmlEntityRe, "&", static p => p.ParseHtmlEntity(), "&");
        DefineSpan(d, "typographic_syms", TypographicSymsRe, @"--|\.\.\.|(?:\\\\| )?(?:<<|>>)", static p => p.ParseTypographicSyms(), "-.\\ <>");
        DefineSpan(d, "line_break", LineBreak, @"(  |\\\\)(?=\n)", static p => p.ParseLineBreak(), " \\");
        DefineSpan(d, "escaped_chars", EscapedChars, @"\\", static p => p.ParseEscapedChars(), "\\");
            GfmParser.DefineParsers(d);
        SmartyPantsParser.DefineParsers(d);
        return d;
    }

    private void ConfigureParser()
    {
        foreach (var name in BlockParsers.Concat(SpanParsers))
            if (!Parsers.ContainsKey(name)) throw new InvalidOperationException("Unknown parser: " + name);
        _blockDefs = BlockParsers.Select(n => Parsers[n]).ToArray();
        (_spanStart, _spanStartRe) = SpanParserRegexps(SpanParsers);
    }

    // The span parser lists kramdown's table and HTML parsers use; one instance each, so caches can key on them.
    protected static readonly List<string> CodespanOnly = ["codespan"];
    protected static readonly List<string> CodespanAndHtml = ["codespan", "span_html"];
    protected static readonly List<string> HtmlOnly = ["span_html"];

    private (RubyRegex Start, RubyRegex StartRe) SpanParserRegexps(List<string> parsers)
    {
        if (_spanRegexCache.TryGetValue(parsers, out var cached)) return cached;
        var key = parsers;
        var start = string.Join("|", parsers.Select(n => Parsers[n].SpanStart));
        var result = (RxDynamic(start), RxDynamic("(?=" + start + ")"));
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

    /// <summary><see cref="AddText(string?, Element, ElementType)"/> for a piece of the source, copied only when needed.</summary>
    protected static void AddText(ReadOnlySpan<char> text, Element tree, ElementType type) => AddText(text, null, tree, type);

    /// <summary>kramdown's <c>add_text</c>: appends to the last child when it has the type, else adds a text child.</summary>
    protected static void AddText(string? text, Element tree, ElementType type) => AddText(text.AsSpan(), text, tree, type);

    private static void AddText(ReadOnlySpan<char> text, string? asString, Element tree, ElementType type)
    {
        var children = tree.Children;
        var last = children.Count > 0 ? children[^1] : null;
        if (last is not null && last.Type == type)
        {
            if (text.Length > 0) last.Append(text);
        }
        else if (text.Length > 0 && last is null && type == ElementType.RawText)
        {
            tree.AddRawText(asString ?? text.ToString(), tree.Location); // as below for the first child
        }
        else if (text.Length > 0)
        {
            var location = last is not null && last.Location != 0 ? last.Location : tree.Location;
            children.Add(new Element(type, asString ?? text.ToString()) { Location = location });
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
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Stack.Add(new StackEntry(Tree, Src, BlockIal, TextType));
        Tree = el;
        BlockIal = null;
        if (text is not null) Src = new Scanner(text, el.Location);

        var status = false;
        while (!Src.Eos)
        {
            var handled = false;
            var source = Src.String;
            var pos = Src.Pos;
            foreach (var p in _blockDefs)
            {
                if (p.CanStart is { } canStart && !canStart(source, pos)) continue;
                if (Src.IsMatchHere(p.StartRe) && p.Method(this))
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
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Element? lastBlank = null;
        var result = RentList();
        foreach (var child in element.Children)
        {
            if (child.Type == ElementType.RawText)
            {
                lastBlank = null;
                // ResetEnv without a new stack: nothing holds this one (no environment is saved around the tree
                // update, and the span parsers leave it empty), so one list serves every text of the page
                Src = new Scanner(child.Value ?? "", element.Location);
                Tree = null;
                BlockIal = null;
                (Stack = _spanStack ??= []).Clear();
                TextType = ElementType.Text;
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
                    if (lastBlank.IsShared) result[^1] = lastBlank = lastBlank.Unshared(); // it is the last kept
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
        ReplaceChildren(element, result);
    }

    /// <summary>Parses the span-level content of the scanner into <paramref name="el"/>; true when <paramref name="stopRe"/> stopped it.</summary>
    protected bool ParseSpans(Element el, RubyRegex? stopRe = null, List<string>? parsers = null, ElementType? textType = null,
                              Func<bool>? stopCondition = null, string? stopFirstChars = null)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var pushed = Tree is not null;
        if (pushed) Stack.Add(new StackEntry(Tree, null, null, TextType));
        Tree = el;
        TextType = textType ?? TextType;

        var spanStart = _spanStart;
        var spanStartRe = _spanStartRe;
        if (parsers is not null) (spanStart, spanStartRe) = SpanParserRegexps(parsers);
        parsers ??= SpanParsers;

        var usedRe = stopRe is null ? spanStartRe : SpanPatternCache(stopRe, spanStart);
        var fast = stopRe is not null && stopFirstChars is null ? default : FastScan(parsers, stopFirstChars);
        if (!_spanDefs.TryGetValue(parsers, out var defs)) _spanDefs[parsers] = defs = parsers.Select(n => Parsers[n]).ToArray();
        var stopFound = false;
        while (!Src.Eos && !stopFound)
        {
            var found = false;
            if (fast.Values is null)
            {
                var skipped = Src.ScanUntil(usedRe);
                if (skipped is not null)
                {
                    found = true;
                    AddText(skipped);
                }
            }
            else
            {
                var from = Src.Pos;
                if (ScanToSpanStart(usedRe, fast.Values, fast.Quotes))
                {
                    found = true;
                    AddText(Src.String.AsSpan(from, Src.Pos - from), Tree!, TextType);
                }
            }
            if (found)
            {
                if (stopRe is not null && Src.IsMatchHere(stopRe))
                    stopFound = stopCondition is null || stopCondition();
                var processed = false;
                if (!stopFound)
                {
                    var text = Src.String;
                    var pos = Src.Pos;
                    foreach (var p in defs)
                    {
                        if (p.CanStart is { } canStart && !canStart(text, pos)) continue;
                        if (Src.IsMatchHere(p.StartRe))
                        {
                            p.Method(this);
                            processed = true;
                            break;
                        }
                    }
                }
                if (!processed && !stopFound)
                {
                    var at = Src.Pos;
                    Src.SkipCh();
                    AddText(Src.String.AsSpan(at, Src.Pos - at), Tree!, TextType);
                }
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

    private readonly Dictionary<(List<string>, string?), (System.Buffers.SearchValues<char>? Values, bool Quotes)> _fastScanCache = new(new ListAndCharsComparer());

    private sealed class ListAndCharsComparer : IEqualityComparer<(List<string>, string?)>
    {
        public bool Equals((List<string>, string?) a, (List<string>, string?) b) => ReferenceEquals(a.Item1, b.Item1) && a.Item2 == b.Item2;
        public int GetHashCode((List<string>, string?) k) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Item1), k.Item2);
    }

    /// <summary>
    /// The characters a span start (or the stop pattern) can begin with, so the scan for the next one can skip plain text
    /// with a vectorised search; smart quotes can also begin one character before a quote. Null when some start can begin
    /// with anything.
    /// </summary>
    private (System.Buffers.SearchValues<char>? Values, bool Quotes) FastScan(List<string> parsers, string? stopFirstChars)
    {
        var key = (parsers, stopFirstChars);
        if (_fastScanCache.TryGetValue(key, out var cached)) return cached;
        var chars = new StringBuilder(stopFirstChars);
        var quotes = false;
        var known = true;
        foreach (var name in parsers)
        {
            var p = Parsers[name];
            if (name == "smart_quotes")
            {
                quotes = true;
                chars.Append("\"'");
            }
            else if (p.FirstChars is null)
            {
                known = false;
            }
            else
            {
                chars.Append(p.FirstChars);
            }
        }
        var result = known ? (System.Buffers.SearchValues.Create(chars.ToString()), quotes) : (null, false);
        _fastScanCache[key] = result;
        return result;
    }

    /// <summary>
    /// <c>scan_until(/(?=span_start)/)</c>: advances to the leftmost position where <paramref name="startRe"/> (a lookahead)
    /// matches, trying only positions where a start can begin; returns the text skipped, or null when there is none.
    /// </summary>
    private bool ScanToSpanStart(RubyRegex startRe, System.Buffers.SearchValues<char> values, bool quotes)
    {
        var s = Src.String;
        var from = Src.Pos;
        var p = from;
        while (p < s.Length)
        {
            var offset = s.AsSpan(p).IndexOfAny(values);
            if (offset < 0) break;
            var q = p + offset;
            if (quotes && s[q] is '"' or '\'' && q - 1 >= p && s[q - 1] != '\\' && Src.MatchesAt(startRe, q - 1))
            {
                Src.MoveTo(q - 1);
                return true;
            }
            if (Src.MatchesAt(startRe, q))
            {
                Src.MoveTo(q);
                return true;
            }
            p = q + 1;
        }
        return false;
    }

    private RubyRegex SpanPatternCache(RubyRegex stopRe, RubyRegex spanStart)
    {
        var key = (stopRe, spanStart);
        if (!_spanPatternCache.TryGetValue(key, out var re))
            _spanPatternCache[key] = re = RxDynamic("(?=" + stopRe.Embedded + "|(?-is:" + spanStart.Source + "))");
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
