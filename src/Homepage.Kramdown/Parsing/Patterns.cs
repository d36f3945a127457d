using Homepage.Onigmo;
namespace Homepage.Kramdown.Parsing;

/// <summary>
/// kramdown 2.4's regular expressions, as Ruby source (translated by <see cref="RubyRegex"/>). A regexp interpolated into
/// another is wrapped in a group, as Ruby's <c>(?-mix:...)</c> does; a string is inserted as it is.
/// </summary>
internal static class Patterns
{
    // REXML's names.
    public const string Uname = @"(?:[[:alpha:]_][-[:alnum:]._]*:)?[[:alpha:]_][-[:alnum:]._]*";
    public const string NameStartChar = @"[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDFFF]";
    public const string NameChar = @"[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDFFF\-\.0-9\u00B7\u0300-\u036F\u203F-\u2040]";
    public const string ReferenceRe = @"&(?:([\w:][\-\w\.:]*);|#\d+;|#x[0-9a-fA-F]+;)";

    public static readonly string[] HtmlSpanElements =
    [
        "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em", "i", "img", "input",
        "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp", "select", "small",
        "span", "strong", "sub", "sup", "tt", "u", "var",
    ];

    public static readonly string[] HtmlBlockElements =
    [
        "address", "article", "aside", "applet", "body", "blockquote", "caption", "col", "colgroup", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "head",
        "iframe", "legend", "menu", "li", "main", "map", "nav", "ol", "optgroup", "p", "pre", "section", "summary", "table",
        "tbody", "td", "th", "thead", "tfoot", "tr", "ul",
    ];

    public static readonly string[] HtmlElementsWithoutBody =
    [
        "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
        "track", "wbr",
    ];

    private static readonly string[] ContentModelBlock =
    [
        "address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "fieldset", "figure",
        "figcaption", "footer", "form", "header", "hgroup", "iframe", "li", "main", "map", "menu", "nav", "noscript", "object",
        "section", "summary", "td",
    ];

    private static readonly string[] ContentModelSpan =
    [
        "a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt", "em", "h1", "h2", "h3",
        "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "select",
        "small", "span", "strong", "sub", "sup", "th", "tt",
    ];

    private static readonly string[] ContentModelRaw = ["script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var"];

    public static readonly HashSet<string> SpanElementSet = [.. HtmlSpanElements];
    public static readonly HashSet<string> BlockElementSet = [.. HtmlBlockElements];
    public static readonly HashSet<string> WithoutBodySet = [.. HtmlElementsWithoutBody];
    private static readonly Dictionary<string, ContentModel> ContentModels = Models();
    public static readonly HashSet<string> KnownElements = [.. HtmlSpanElements, .. HtmlBlockElements, .. HtmlElementsWithoutBody, .. ContentModels.Keys];

    private static Dictionary<string, ContentModel> Models()
    {
        var d = new Dictionary<string, ContentModel>(StringComparer.Ordinal);
        foreach (var e in ContentModelBlock) d[e] = ContentModel.Block;
        foreach (var e in ContentModelSpan) d[e] = ContentModel.Span;
        foreach (var e in ContentModelRaw) d[e] = ContentModel.Raw;
        return d;
    }

    /// <summary>kramdown's <c>HTML_CONTENT_MODEL</c> (raw for unknown elements).</summary>
    public static ContentModel HtmlContentModel(string name) => ContentModels.GetValueOrDefault(name, ContentModel.Raw);

    public const string OptSpace = " {0,3}";
    public const string Indent = @"^(?:\t| {4})";
    public const string BlankLine = @"(?>^\s*\n)+";
    public const string EobMarker = @"^\^\s*?\n";

    public static readonly string LazyEndHtmlSpanElements = string.Intern(string.Join("|", HtmlSpanElements.Append("script")));
    public static readonly string LazyEndHtmlStart = string.Intern(@"<(?>(?!(?:" + LazyEndHtmlSpanElements + @")\b)" + Uname + ")");
    public static readonly string LazyEndHtmlStop = string.Intern(@"<\/(?!(?:" + LazyEndHtmlSpanElements + @")\b)" + Uname + @"\s*>");

    // extensions
    public const string AldIdChars = @"[\w-]";
    public const string AldAnyChars = @"\\\}|[^\}]";
    public const string AldIdName = @"\w(?:" + AldIdChars + ")*";
    public const string AldClassName = @"[^\s\.#]+";
    public const string AldTypeKeyValuePair = "(" + "(?:" + AldIdName + ")" + @")=(""|')((?:\\\}|\\\2|[^\}\x02])*?)\2";
    public const string AldTypeClassName = @"\.(" + "(?:" + AldClassName + "))";
    public const string AldTypeIdName = @"#([A-Za-z][\w:-]*)";
    public const string AldTypeIdOrClass = "(?:" + AldTypeIdName + ")|(?:" + AldTypeClassName + ")";
    public const string AldTypeIdOrClassMulti = "((?:(?:" + AldTypeIdName + ")|(?:" + AldTypeClassName + "))+)";
    public const string AldTypeRef = "((?:" + AldIdName + "))";
    public const string AldTypeAny = @"(?:\A|\s)(?:(?:" + AldTypeKeyValuePair + ")|(?:" + AldTypeRef + ")|(?:" + AldTypeIdOrClassMulti + @"))(?=\s|\Z)";
    public const string AldStart = "^(?:" + OptSpace + @")\{:(" + "(?:" + AldIdName + "))" + ":((?:" + AldAnyChars + @")+)\}\s*?\n";

    public const string ExtStopStr = @"\{:/(%s)?\}";
    public const string ExtStartStr = @"\{::(\w+)(?:\s((?:" + AldAnyChars + @")*?)|)(\/)?\}";
    public static readonly string ExtBlockStart = string.Intern("^(?:" + OptSpace + ")(?:" + ExtStartStr + "|" + ExtStopStr.Replace("%s", "(?:" + AldIdName + ")") + @")\s*?\n");
    // Ruby's "\s" in a double-quoted string is a plain space.
    public const string ExtBlockStopStr = "^(?:" + OptSpace + ")" + ExtStopStr + " *?\n";

    public const string IalBlock = @"\{:(?!:|\/)((?:" + AldAnyChars + @")+)\}\s*?\n";
    public const string IalBlockStart = "^(?:" + OptSpace + ")(?:" + IalBlock + ")";
    public const string BlockExtensionsStart = "^(?:" + OptSpace + @")\{:";
    public static readonly string ExtSpanStart = string.Intern(ExtStartStr + "|" + ExtStopStr.Replace("%s", "(?:" + AldIdName + ")"));
    public const string IalSpanStart = @"\{:((?:" + AldAnyChars + @")+)\}";
    public const string SpanExtensionsStart = @"\{:";

    public static readonly string LazyEnd = string.Intern("(?:" + BlankLine + ")|(?:" + IalBlockStart + ")|(?:" + EobMarker + ")|^(?:" + OptSpace + ")(?:" +
                                            LazyEndHtmlStop + ")|^(?:" + OptSpace + ")(?:" + LazyEndHtmlStart + @")|\Z");

    public const string PatternTail = @"[\t| ].*?\n";
    public const string DefinitionListStart = "^((?:" + OptSpace + "):)((?:" + PatternTail + "))";
    public const string ParagraphStart = "^(?:" + OptSpace + @")[^ \t].*?\n";
    public const string ParagraphMatch = @"^.*?\n";
    public static readonly string ParagraphEnd = string.Intern("(?:" + LazyEnd + ")|(?:" + DefinitionListStart + ")");

    public const string SetextHeaderStart = "^(?:" + OptSpace + @")(?<contents>[^ \t].*)\n(?<level>[-=])[-=]*[ \t\r\f\v]*\n";
    public const string AtxHeaderStart = @"^(?<level>\#{1,6})[\t ]*(?<contents>[^ \t].*)\n";
    public const string HeaderId = @"[\t ]\{#(?<id>" + NameStartChar + NameChar + @"*)\}\z";

    public const string BlockquoteStart = "^(?:" + OptSpace + ")> ?";

    public static readonly string CodeblockMatch = string.Intern("(?:(?:" + BlankLine + ")?(?:(?:" + Indent + @")[ \t]*\S.*\n)+(?:(?!(?:" + IalBlockStart + ")|(?:" +
                                                   EobMarker + ")|^(?:" + OptSpace + ")(?:" + LazyEndHtmlStop + ")|^(?:" + OptSpace + ")(?:" +
                                                   LazyEndHtmlStart + @"))^[ \t]*\S.*\n)*)*");
    public const string FencedCodeblockStart = "^~{3,}";
    public const string FencedCodeblockMatch = @"^((~){3,})\s*?((\S+?)(?:\?\S*)?)?\s*?\n(.*?)^\1\2*\s*?\n";

    public const string HrStart = "^(?:" + OptSpace + @")(\*|-|_)[ \t]*\1[ \t]*\1(\1|[ \t])*\n";

    public const string ListItemIal = @"^\s*(?:\{:(?!(?:" + AldIdName + @")?:|\/)((?:" + AldAnyChars + @")+)\})\s*";
    public const string ListItemIalCheck = "^(?:" + ListItemIal + @")?\s*\n";
    public const string ListStartUl = "^((?:" + OptSpace + ")[+*-])((?:" + PatternTail + "))";
    public const string ListStartOl = "^((?:" + OptSpace + @")\d+\.)((?:" + PatternTail + "))";
    public const string ListStart = "(?:" + ListStartUl + ")|(?:" + ListStartOl + ")";

    public const string TableSepLine = @"^([+|: \t-]*?-[+|: \t-]*?)[ \t]*\n";
    public const string TableHsepAlign = @"[ \t]?(:?)-+(:?)[ \t]?";
    public const string TableFsepLine = @"^[+|: \t=]*?=[+|: \t=]*?[ \t]*\n";
    public const string TableRowLine = @"^(.*?)[ \t]*\n";
    public const string TablePipeCheck = @"(?:\||.*?[^\\\n]\|)";
    public const string TableLine = "(?:" + TablePipeCheck + @").*?\n";
    public const string TableStart = "^(?:" + OptSpace + @")(?=\S)(?:" + TableLine + ")";

    public const string LinkDefinitionStart = "^(?:" + OptSpace + @")\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?([""'])(.+?)\4)?[ \t]*?\n";
    public static readonly string FootnoteDefinitionStart = string.Intern("^(?:" + OptSpace + @")\[\^(" + "(?:" + AldIdName + @"))\]:\s*?(.*?\n(?:" + CodeblockMatch + "))");
    public const string AbbrevDefinitionStart = "^(?:" + OptSpace + @")\*\[(.+?)\]:(.*?)\n";
    public const string BlockMathStart = "^(?:" + OptSpace + @")(\\)?\$\$(.*?)\$\$(\s*?\n)?";
    public const string InlineMathStart = @"\$\$(.*?)\$\$";

    public static readonly string BlockBoundary = string.Intern("(?:" + BlankLine + ")|(?:" + EobMarker + ")|(?:" + IalBlockStart + @")|\Z");

    // html
    public const string HtmlCommentRe = "<!--(.*?)-->";
    public const string HtmlInstructionRe = @"<\?(.*?)\?>";
    public const string HtmlAttributeRe = @"\s*(" + Uname + @")(?:\s*=\s*(?:(\p{Word}+)|(""|')(.*?)\3))?";
    public const string HtmlTagRe = "<((?>" + Uname + @"))\s*((?>\s+" + Uname + @"(?:\s*=\s*(?:\p{Word}+|(""|').*?\3))?)*)\s*(\/)?>";
    public const string HtmlTagCloseRe = @"<\/(" + Uname + @")\s*>";
    public const string HtmlEntityRe = @"&([\w:][\-\w\.:]*);|&#(\d+);|&\#x([0-9a-fA-F]+);";
    public const string HtmlBlockStart = "^(?:" + OptSpace + ")<(" + Uname + @"|!--|\/)";
    public const string HtmlSpanStart = "<(" + Uname + @"|!--|\/)";
    public const string HtmlRawStart = "(?=<(" + Uname + @"|\/|!--|\?))";
    public const string TrailingWhitespace = @"[ \t]*\n";

    // spans
    public const string EscapedChars = @"\\([\\.*_+`<>()\[\]{}#!:|""'\$=-])";
    public const string EscapedCharsGfm = @"\\([\\.*_+`<>()\[\]{}#!:\|""'\$=\-~])";
    public const string LineBreak = @"(  |\\\\)(?=\n)";
    public const string TypographicSymsRe = @"\-\-\-|\-\-|\.\.\.|\\<<|\\>>|<<\ |\ >>|<<|>>";
    public const string AutolinkStart = @"<((mailto|https?|ftps?):.+?|[[:alnum:]\-_.]+?@[[:alnum:]\-_.]+?)>";
    public const string CodespanDelimiter = "`+";
    public const string EmphasisStart = @"(?:\*\*?|__?)";
    public const string SmartQuotesRe = @"[^\\]?[""']";
    public const string LinkStart = @"!?\[(?=[^^])";
    public const string FootnoteMarkerStart = @"\[\^(" + "(?:" + AldIdName + @"))\]";
    public const string StrikethroughMatch = @"(?:~~)(?!\s|~).*?[^\s~](?:~~)";

    public const string LinkBracketStopRe = @"(\])|!?\[";
    public const string LinkParenStopRe = @"(\()|(\))|\s(?=['""])";
    public const string LinkInlineIdRe = @"\s*?\[([^\]]+)?\]";
    public const string LinkInlineTitleRe = @"\s*?([""'])(.+?)\1\s*?\)";

    // GFM
    public const string GfmAtxHeaderStart = @"^(?<level>\#{1,6})[\t ]+(?<contents>.*)\n";
    public const string GfmFencedCodeblockStart = "^[ ]{0,3}[~`]{3,}";
    public const string GfmFencedCodeblockMatch = @"^[ ]{0,3}(([~`]){3,})\s*?((\S+?)(?:\?\S*)?)?\s*?\n(.*?)^[ ]{0,3}\1\2*\s*?\n";
    public static readonly string ParagraphEndGfm = string.Intern("(?:" + LazyEnd + ")|(?:" + ListStart + ")|(?:" + GfmAtxHeaderStart + ")|(?:" + DefinitionListStart +
                                                   ")|(?:" + BlockquoteStart + ")|(?:" + GfmFencedCodeblockStart + ")");
}
