using Homepage.Onigmo;
using System.Text;
using static Homepage.Kramdown.Parsing.Patterns;
using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Kramdown.Parsing;

/// <summary>
/// kramdown's <c>Parser::Html::ElementConverter</c>, used with the <c>html_to_native</c> option: HTML elements the parser
/// found are turned into kramdown's own elements where that is possible (paragraphs, emphasis, headers, code, simple
/// tables, lists, math), text is split into entities, smart quotes and typographic symbols.
/// </summary>
internal sealed class HtmlToNative
{
    private static readonly HashSet<string> RemoveTextChildren =
        ["html", "head", "hgroup", "ol", "ul", "dl", "table", "colgroup", "tbody", "thead", "tfoot", "tr", "select", "optgroup"];
    private static readonly HashSet<string> WrapTextChildren =
        ["body", "section", "nav", "article", "aside", "header", "footer", "address", "div", "li", "dd", "blockquote", "figure",
         "figcaption", "fieldset", "form"];
    private static readonly HashSet<string> RemoveWhitespaceChildren =
        ["body", "section", "nav", "article", "aside", "header", "footer", "address", "div", "li", "dd", "blockquote", "figure",
         "figcaption", "td", "th", "fieldset", "form"];
    private static readonly HashSet<string> StripWhitespace =
        ["address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt", "fieldset", "figcaption", "form",
         "footer", "header", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li", "nav", "p", "section", "td", "th"];
    private static readonly HashSet<string> SimpleElements =
        ["em", "strong", "blockquote", "hr", "br", "img", "p", "thead", "tbody", "tfoot", "tr", "td", "th", "ul", "ol", "dl", "li", "dt", "dd"];
    private static readonly HashSet<string> Converted =
        ["a", "em", "b", "strong", "i", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "table", "script", "textarea"];

    public static void Convert(Element el) => new HtmlToNative().Process(el);

    private void Process(Element el, bool doConversion = true, bool preserveText = false, Element? parent = null)
    {
        switch (el.Type)
        {
            case ElementType.XmlComment or ElementType.XmlPi:
                var ptype = parent is null ? "div" : parent.Type switch
                {
                    ElementType.HtmlElement => parent.Value!,
                    ElementType.Header => "h1",
                    _ => TypeName(parent.Type),
                };
                ResetOptions(el);
                el.Category = HtmlContentModel(ptype) == ContentModel.Span ? Category.Span : Category.Block;
                return;
            case ElementType.HtmlElement:
                break;
            case ElementType.Root:
                el.SetChildren(ProcessList(el.Children, c => c.Type == ElementType.Text ? ProcessText(c.Value ?? "", !doConversion) : Keep(c, () => Process(c))));
                RemoveWhitespace(el);
                return;
            default:
                return;
        }

        var type = el.Value!;
        if (doConversion && Converted.Contains(type))
        {
            ConvertElement(el, type);
            return;
        }
        if (doConversion && RemoveTextChildren.Contains(type)) el.Children.RemoveAll(c => c.Type == ElementType.Text);
        if (doConversion && SimpleElements.Contains(type))
        {
            SetBasics(el, SimpleType(type));
            ProcessChildren(el, doConversion, preserveText);
        }
        else
        {
            ProcessHtmlElement(el, doConversion, preserveText);
        }
        if (doConversion)
        {
            if (StripWhitespace.Contains(type)) Strip(el);
            if (RemoveWhitespaceChildren.Contains(type)) RemoveWhitespace(el);
            if (WrapTextChildren.Contains(type)) WrapText(el);
        }
    }

    private static string TypeName(ElementType type) => type switch
    {
        ElementType.HtmlElement => "html_element",
        ElementType.XmlComment => "xml_comment",
        ElementType.XmlPi => "xml_pi",
        ElementType.TypographicSym => "typographic_sym",
        ElementType.SmartQuote => "smart_quote",
        ElementType.RawText => "raw_text",
        ElementType.FootnoteDef => "footnote_def",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static ElementType SimpleType(string name) => name switch
    {
        "em" => ElementType.Em, "strong" => ElementType.Strong, "blockquote" => ElementType.Blockquote, "hr" => ElementType.Hr,
        "br" => ElementType.Br, "img" => ElementType.Img, "p" => ElementType.P, "thead" => ElementType.Thead,
        "tbody" => ElementType.Tbody, "tfoot" => ElementType.Tfoot, "tr" => ElementType.Tr, "td" => ElementType.Td,
        "th" => ElementType.Td /* kramdown makes :th, which its HTML converter writes as the cell type of its row */,
        "ul" => ElementType.Ul, "ol" => ElementType.Ol, "dl" => ElementType.Dl, "li" => ElementType.Li, "dt" => ElementType.Dt,
        _ => ElementType.Dd,
    };

    private static List<Element> ProcessList(ElementChildren children, Func<Element, List<Element>> map)
    {
        var result = new List<Element>(children.Count);
        foreach (var c in children) result.AddRange(map(c));
        return result;
    }

    private static List<Element> Keep(Element c, Action process)
    {
        process();
        return [c];
    }

    private void ProcessChildren(Element el, bool doConversion = true, bool preserveText = false)
    {
        if (!el.HasChildren) return;
        el.SetChildren(ProcessList(el.Children, c => c.Type == ElementType.Text
            ? ProcessText(c.Value ?? "", preserveText || !doConversion)
            : Keep(c, () => Process(c, doConversion, preserveText, el))));
    }

    private static readonly string[] QuoteNames = ["lsquo", "rsquo", "ldquo", "rdquo"];
    private static readonly string[] SymbolNames = ["mdash", "ndash", "hellip", "laquo", "raquo"];

    /// <summary>Text with runs of whitespace made one space (unless preserved) and entities made elements.</summary>
    private static List<Element> ProcessText(string raw, bool preserve = false)
    {
        if (!preserve) raw = Rx(@"\s+").Unanchored.Replace(raw, " ");
        var src = new Scanner(raw);
        var result = new List<Element>();
        var entityStart = Rx("(?=" + HtmlEntityRe + ")");
        while (!src.Eos)
        {
            var tmp = src.ScanUntil(entityStart);
            if (tmp is null)
            {
                result.Add(new Element(ElementType.Text, src.Rest));
                src.Terminate();
                break;
            }
            result.Add(new Element(ElementType.Text, tmp));
            src.Scan(Rx(HtmlEntityRe));
            var matched = src.Matched;
            var name = src[1];
            if (name is not null && QuoteNames.Contains(name))
            {
                result.Add(new Element(ElementType.SmartQuote) { Symbol = name });
            }
            else if (name is not null && SymbolNames.Contains(name))
            {
                result.Add(new Element(ElementType.TypographicSym) { Symbol = name });
            }
            else
            {
                Entity? entity = name is not null ? Entities.Get(name)
                    : src[2] is { } dec ? Entities.Get(int.TryParse(dec, out var d) ? d : -1)
                    : Entities.Get(int.TryParse(src[3], System.Globalization.NumberStyles.HexNumber, null, out var h) ? h : -1);
                if (entity is not null)
                {
                    result.Add(new Element(ElementType.Entity) { EntityValue = entity, Original = matched });
                }
                else
                {
                    src.Pos -= matched.Length - 1;
                    result.Add(new Element(ElementType.Entity) { EntityValue = Entities.Get("amp") });
                }
            }
        }
        return result;
    }

    private void ProcessHtmlElement(Element el, bool doConversion = true, bool preserveText = false)
    {
        ResetOptions(el);
        el.Category = SpanElementSet.Contains(el.Value!) ? Category.Span : Category.Block;
        el.ContentModel = doConversion ? HtmlContentModel(el.Value!) : ContentModel.Raw;
        ProcessChildren(el, doConversion, preserveText);
    }

    private static void WrapText(Element el)
    {
        var tmp = new List<Element>();
        var lastIsP = false;
        foreach (var c in el.Children)
        {
            if (!c.IsBlock || c.Type == ElementType.Text)
            {
                if (!lastIsP)
                {
                    tmp.Add(new Element(ElementType.P) { Transparent = true });
                    lastIsP = true;
                }
                tmp[^1].Children.Add(c);
            }
            else
            {
                tmp.Add(c);
                lastIsP = false;
            }
        }
        el.SetChildren(tmp);
    }

    private static void Strip(Element el)
    {
        if (!el.HasChildren) return;
        if (el.Children[0].Type == ElementType.Text) el.Children[0].Value = (el.Children[0].Value ?? "").TrimStart(Space);
        if (el.Children[^1].Type == ElementType.Text) el.Children[^1].Value = (el.Children[^1].Value ?? "").TrimEnd(Space);
    }

    private static readonly char[] Space = [' ', '\t', '\n', '\v', '\f', '\r', '\0'];

    private static void RemoveWhitespace(Element el)
    {
        if (!el.HasChildren) return;
        var children = el.Children;
        var kept = new List<Element>(children.Count);
        for (var i = 0; i < children.Count; i++)
        {
            var c = children[i];
            var drop = c.Type == ElementType.Text && (c.Value ?? "").Trim(Space).Length == 0 &&
                       (i == 0 || i == children.Count - 1 || (children[i - 1].IsBlock && children[i + 1].IsBlock));
            if (!drop) kept.Add(c);
        }
        el.SetChildren(kept);
    }

    /// <summary>kramdown's <c>set_basics</c>: a native element type, options replaced, value dropped; attributes kept.</summary>
    private static void SetBasics(Element el, ElementType type)
    {
        el.Type = type;
        ResetOptions(el);
        el.Value = null;
    }

    private static void ResetOptions(Element el)
    {
        el.Category = Category.None;
        el.ContentModel = ContentModel.None;
        el.IsClosed = false;
        el.Transparent = false;
        el.Location = 0;
    }

    private static void ExtractText(Element el, StringBuilder raw)
    {
        if (el.Type == ElementType.Text) raw.Append(el.Value);
        if (el.HasChildren) foreach (var c in el.Children) ExtractText(c, raw);
    }

    private void ConvertElement(Element el, string name)
    {
        switch (name)
        {
            case "textarea":
                ProcessHtmlElement(el, true, true);
                break;
            case "a":
                if (el.HasAttr && el.Attr.ContainsKey("href"))
                {
                    SetBasics(el, ElementType.A);
                    ProcessChildren(el);
                }
                else
                {
                    ProcessHtmlElement(el, false);
                }
                break;
            case "em" or "b" or "strong" or "i":
                var text = new StringBuilder();
                ExtractText(el, text);
                var t = text.ToString();
                if (t.Length > 0 && (IsSpace(t[0]) || IsSpace(t[^1])))
                {
                    ProcessHtmlElement(el, false);
                }
                else
                {
                    SetBasics(el, name is "em" or "i" ? ElementType.Em : ElementType.Strong);
                    ProcessChildren(el);
                }
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                var level = name[1] - '0';
                SetBasics(el, ElementType.Header);
                el.Level = level;
                var raw = new StringBuilder();
                ExtractText(el, raw);
                el.RawText = raw.ToString();
                ProcessChildren(el);
                break;
            case "code" or "pre":
                ConvertCode(el, name);
                break;
            case "table":
                ConvertTable(el);
                break;
            case "script":
                if (!Rx(@"\bmath\/tex\b").IsMatch(el.HasAttr ? el.Attr.GetValueOrDefault("type") ?? "" : ""))
                {
                    ProcessHtmlElement(el);
                }
                else
                {
                    var display = Rx("mode=display").IsMatch(el.Attr.GetValueOrDefault("type") ?? "");
                    SetBasics(el, ElementType.Math);
                    el.Category = display ? Category.Block : Category.Span;
                    var first = el.Children[0];
                    el.Children.RemoveAt(0);
                    el.Value = Rx(@"\A(?:%\s*)?<!\[CDATA\[\n?(.*?)(?:\s%)?\]\]>\z", m: true).Unanchored.Replace(first.Value ?? "", "$1", 1);
                    el.Attr.Remove("type");
                }
                break;
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private void ConvertCode(Element el, string name)
    {
        var raw = new StringBuilder();
        ExtractText(el, raw);
        var result = ProcessText(raw.ToString(), true);
        var str = new StringBuilder();
        var ok = true;
        foreach (var c in result)
        {
            switch (c.Type)
            {
                case ElementType.Text: str.Append(c.Value); break;
                case ElementType.Entity:
                    var cp = c.EntityValue!.CodePoint;
                    str.Append(cp is 60 or 62 or 34 or 38 ? ((char)cp).ToString() : c.EntityValue.Char);
                    break;
                case ElementType.SmartQuote or ElementType.TypographicSym:
                    str.Append(Entities.Get(c.Symbol!)?.Char);
                    break;
                default: ok = false; break;
            }
        }
        if (ok) result = [new Element(ElementType.Text, str.ToString())];
        if (result.Count > 1 || result[0].Type != ElementType.Text)
        {
            ProcessHtmlElement(el, false, true);
            return;
        }
        if (name == "code")
        {
            SetBasics(el, ElementType.Codespan);
            if (el.HasAttr && el.Attr.TryGetValue("class", out var cls))
                el.Attr["class"] = Rx(@"\s+\bhighlighter-\w+\b|\bhighlighter-\w+\b\s*").Unanchored.Replace(cls, "");
        }
        else
        {
            var children = el.HasChildren ? el.Children : [];
            SetBasics(el, ElementType.Codeblock);
            if (children.Count == 1 && children[0].Value == "code")
            {
                var m = Rx(@"\blanguage-\S+").Match(children[0].HasAttr ? children[0].Attr.GetValueOrDefault("class") ?? "" : "");
                if (m.Success) el.Attr["class"] = (m.Value + " " + (el.HasAttr ? el.Attr.GetValueOrDefault("class") : "")).TrimEnd(Space);
            }
        }
        el.Value = result[0].Value;
        el.Children.Clear();
    }

    private void ConvertTable(Element el)
    {
        if (!IsSimpleTable(el))
        {
            ProcessHtmlElement(el, false);
            return;
        }
        el.Children.RemoveAll(c => c.Type == ElementType.Text);
        ProcessChildren(el);
        SetBasics(el, ElementType.Table);

        void CalcAlignment(Element c)
        {
            if (c.Type == ElementType.Tr)
            {
                el.Alignment = c.Children.Select(td =>
                {
                    if (!td.HasAttr || !td.Attr.TryGetValue("style", out var style)) return Alignment.Default;
                    var m = Rx(@"(?:;\s*)?text-align:\s+(center|left|right)").Match(style);
                    if (m.Success) style = style.Remove(m.Index, m.Length);
                    if (style.Trim(Space).Length == 0) td.Attr.Remove("style");
                    else td.Attr["style"] = style;
                    return !m.Success ? Alignment.Default : m.Groups[1].Value switch
                    {
                        "center" => Alignment.Center, "left" => Alignment.Left, _ => Alignment.Right,
                    };
                }).ToList();
            }
            else if (c.HasChildren)
            {
                foreach (var cc in c.Children) CalcAlignment(cc);
            }
        }
        CalcAlignment(el);
        el.Children.RemoveAll(c => c.Type == ElementType.HtmlElement);
        if (el.HasChildren && el.Children[0].Type == ElementType.Tr)
        {
            var tbody = new Element(ElementType.Tbody);
            tbody.SetChildren(el.Children);
            el.SetChildren([tbody]);
        }
    }

    private static bool IsSimpleTable(Element el)
    {
        bool OnlyPhrasing(Element c) => !c.HasChildren || c.Children.All(cc =>
            (cc.Type == ElementType.Text || !BlockElementSet.Contains(cc.Value ?? "")) && OnlyPhrasing(cc));
        bool CheckCells(Element c)
        {
            if (c.Value is "th" or "td") return OnlyPhrasing(c);
            return !c.HasChildren || c.Children.All(CheckCells);
        }
        if (!CheckCells(el)) return false;

        var cells = 0;
        bool CheckCount(Element t)
        {
            if (t.Value == "tr")
            {
                var count = t.HasChildren ? t.Children.Count(cc => cc.Value is "th" or "td") : 0;
                if (count != cells)
                {
                    if (cells == 0) cells = count;
                    else return false;
                }
                return true;
            }
            return !t.HasChildren || t.Children.All(CheckCount);
        }
        if (!CheckCount(el)) return false;

        List<string>? alignment = null;
        bool CheckAlignment(Element t)
        {
            if (t.Value == "tr")
            {
                var current = new List<string>();
                foreach (var cell in (t.HasChildren ? t.Children : []).Where(cc => cc.Value is "th" or "td"))
                {
                    var m = Rx(@"text-align:\s+(center|left|right|justify|inherit)").Match(cell.HasAttr ? cell.Attr.GetValueOrDefault("style") ?? "" : "");
                    if (m.Success && m.Groups[1].Value is "justify" or "inherit") return false;
                    current.Add(m.Success ? m.Groups[1].Value : "default");
                }
                alignment ??= current;
                return alignment.SequenceEqual(current);
            }
            return !t.HasChildren || t.Children.All(CheckAlignment);
        }
        if (!CheckAlignment(el)) return false;

        bool CheckRows(Element t, string type) => !t.HasChildren || t.Children.All(r =>
            (r.Value == "tr" || r.Type == ElementType.Text) && (!r.HasChildren || r.Children.All(c => c.Value == type || c.Type == ElementType.Text)));
        return CheckRows(el, "td") ||
               ((!el.HasChildren || el.Children.All(t => t.Type == ElementType.Text || (t.Value == "thead" && CheckRows(t, "th")) ||
                                                         (t.Value is "tfoot" or "tbody" && CheckRows(t, "td")))) &&
                el.HasChildren && el.Children.Any(t => t.Value == "tbody"));
    }
}
