using Homepage.Onigmo;
using System.Text;
using static Homepage.Kramdown.Parsing.Patterns;
using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Kramdown.Parsing;

/// <summary>kramdown-parser-gfm 1.1.0 (<c>Kramdown::Parser::GFM</c>): kramdown with GitHub's quirks, as Jekyll uses it.</summary>
internal sealed class GfmParser : KramdownParser
{
    private readonly Dictionary<string, int> _idCounter = new(StringComparer.Ordinal);
    private readonly string _hardLineBreak;
    private readonly RubyRegex _paragraphEnd;

    public GfmParser(string source, KramdownOptions options) : base(source, options)
    {
        Options.AutoIdStripping = true;
        if (Options.HardWrap) SpanParsers.Remove("line_break");
        if (Options.GfmQuirks.Contains("no_auto_typographic")) SpanParsers.Remove("typographic_syms");

        string atxParser;
        if (Options.GfmQuirks.Contains("paragraph_end"))
        {
            atxParser = "atx_header_gfm_quirk";
            _paragraphEnd = Rx(ParagraphEndGfm);
        }
        else
        {
            atxParser = "atx_header_gfm";
            _paragraphEnd = Rx(ParagraphEnd);
        }
        Replace(BlockParsers, "codeblock_fenced", "codeblock_fenced_gfm");
        Replace(BlockParsers, "atx_header", atxParser);
        var i = SpanParsers.IndexOf("escaped_chars");
        if (i >= 0) SpanParsers[i] = "escaped_chars_gfm";
        SpanParsers.Add("strikethrough_gfm");

        _hardLineBreak = (Options.HardWrap ? "" : "\\") + "\n";
    }

    internal static void DefineParsers(Dictionary<string, ParserDef> d)
    {
        Define(d, "atx_header_gfm", GfmAtxHeaderStart, null, static p => p.ParseAtxHeader(), static (s, p) => p < s.Length && s[p] == '#');
        Define(d, "atx_header_gfm_quirk", GfmAtxHeaderStart, null, static p => ((GfmParser)p).ParseAtxHeaderGfmQuirk(), static (s, p) => p < s.Length && s[p] == '#');
        Define(d, "codeblock_fenced_gfm", GfmFencedCodeblockStart, null, static p => p.ParseCodeblockFenced(), static (s, p) => AfterOptSpace(s, p) is '~' or '`');
        DefineSpan(d, "strikethrough_gfm", StrikethroughMatch, "~~", static p => ((GfmParser)p).ParseStrikethroughGfm(), "~", m: true);
        DefineSpan(d, "escaped_chars_gfm", EscapedCharsGfm, @"\\", static p => p.ParseEscapedChars(), "\\");
    }

    private static void Replace(List<string> list, string current, string replacement)
    {
        var i = list.IndexOf(current);
        list.RemoveAt(i);
        list.Insert(i, replacement);
    }

    protected override RubyRegex ParagraphEndRe => _paragraphEnd;
    protected override RubyRegex FencedCodeblockMatchRe => Rx(GfmFencedCodeblockMatch, m: true);

    protected override void AfterParse(Element root) => UpdateElements(root);

    private void UpdateElements(Element element)
    {
        if (!element.HasChildren) return;
        // the children are rebuilt only from the first text with a hard line break on (most have none)
        List<Element>? result = null;
        var children = element.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.Type == ElementType.Text && (child.Value ?? "").Contains(_hardLineBreak, StringComparison.Ordinal))
            {
                if (result is null)
                {
                    result = RentList();
                    for (var j = 0; j < i; j++) result.Add(children[j]);
                }
                result.AddRange(UpdateTextType(element, child));
                continue;
            }
            if (child.Type == ElementType.HtmlElement)
            {
            }
            else if (child.Type == ElementType.Header && Options.AutoIds && !(child.HasAttr && child.Attr.ContainsKey("id")))
            {
                child.Attr["id"] = GenerateGfmHeaderId(child.RawText ?? "");
            }
            else
            {
                UpdateElements(child);
            }
            result?.Add(child);
        }
        if (result is not null) ReplaceChildren(element, result);
    }

    protected override void UpdateRawText(Element item)
    {
        var raw = new StringBuilder();
        void Append(Element child)
        {
            switch (child.Type)
            {
                case ElementType.Text or ElementType.Codespan or ElementType.Math:
                    raw.Append(child.Value);
                    break;
                case ElementType.Entity:
                    raw.Append(child.EntityValue!.Char);
                    break;
                case ElementType.SmartQuote:
                    raw.Append(Entities.Get(child.Symbol!)?.Char);
                    break;
                case ElementType.TypographicSym:
                    raw.Append(child.Symbol switch
                    {
                        "laquo_space" => "« ",
                        "raquo_space" => " »",
                        _ => Entities.Get(child.Symbol!)?.Char,
                    });
                    break;
                default:
                    if (child.HasChildren) foreach (var c in child.Children) Append(c);
                    break;
            }
        }
        Append(item);
        item.RawText = raw.ToString();
    }

    /// <summary>GitHub's header ids: lower case, punctuation dropped, blanks as hyphens, numbered when repeated.</summary>
    public string GenerateGfmHeaderId(string text)
    {
        var result = Rx(@"[^\p{Word}\- \t]").Unanchored.Replace(text.ToLowerInvariant(), "").Replace(' ', '-').Replace('\t', '-');
        var counter = _idCounter[result] = _idCounter.GetValueOrDefault(result, -1) + 1;
        if (counter > 0) result += "-" + counter;
        return Options.AutoIdPrefix + result;
    }

    private bool ParseAtxHeaderGfmQuirk()
    {
        var (text, id) = ParseHeaderContents();
        var closing = Rx(@"[\t ]#+\z").Match(text);
        if (closing.Success) text = RStrip(text.Remove(closing.Index, closing.Length));
        if (text.Length == 0) return false;
        AddHeader(Src["level"]!.Length, text, id);
        return true;
    }

    private void ParseStrikethroughGfm()
    {
        var line = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;
        var el = new Element(ElementType.HtmlElement, "del") { Category = Category.Span, Location = line };
        Tree!.Children.Add(el);
        var matched = Src.Matched;
        var env = SaveEnv();
        ResetEnv(new Scanner(matched[2..^2], line), ElementType.Text);
        ParseSpans(el);
        RestoreEnv(env);
    }

    private const string BoxUnchecked = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />";
    private const string BoxChecked = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />";

    protected override bool ParseList()
    {
        base.ParseList();
        var current = Tree!.Children.LastOrDefault(e => e.Type is ElementType.Ul or ElementType.Ol)!;
        var isTasklist = false;
        foreach (var li in current.Children)
        {
            if (!li.HasChildren || li.Children[0].Type != ElementType.P || !li.Children[0].HasChildren) continue;
            var para = li.Children[0];
            var value = para.FirstChildValue ?? "";
            var replaced = Rx(@"\A\s*\[ \]\s+").Unanchored.Replace(value, BoxUnchecked);
            var checkedOne = replaced != value;
            var replaced2 = Rx(@"\A\s*\[x\]\s+", i: true).Unanchored.Replace(replaced, BoxChecked);
            var uncheckedOne = replaced2 != replaced;
            if (checkedOne || uncheckedOne) para.FirstChildValue = replaced2;
            isTasklist = isTasklist || checkedOne || uncheckedOne;
            if (isTasklist) li.Attr["class"] = "task-list-item";
        }
        if (isTasklist) current.Attr["class"] = "task-list";
        return true;
    }

    private List<Element> UpdateTextType(Element element, Element child)
    {
        var children = new List<Element>();
        var lines = (child.Value ?? "").Split(_hardLineBreak);
        var omitTrailingBr = lines[^1].Length == 0 && element.IsBlock && element.Children[^1] == child;
        for (var index = 0; index < lines.Length; index++)
        {
            var location = child.Location + index;
            children.Add(new Element(ElementType.Text, index > 0 ? "\n" + lines[index] : lines[index]) { Location = location });
            if (index < lines.Length - 2 || (index == lines.Length - 2 && !omitTrailingBr))
                children.Add(new Element(ElementType.Br) { Location = location });
        }
        return children;
    }
}

/// <summary>Jekyll's SmartyPants parser (for the <c>smartify</c> filter): HTML kept, quotes and dashes made typographic.</summary>
internal sealed class SmartyPantsParser : KramdownParser
{
    public SmartyPantsParser(string source, KramdownOptions options) : base(source, options)
    {
        BlockParsers = ["block_html", "content"];
        SpanParsers = ["smart_quotes", "html_entity", "typographic_syms", "span_html"];
    }

    internal static void DefineParsers(Dictionary<string, ParserDef> d) =>
        Define(d, "content", @"\A", null, static p => ((SmartyPantsParser)p).ParseContent());

    private bool ParseContent()
    {
        AddText(Src.Scan(Rx(@"\A.*\n")));
        return true;
    }
}
