using Homepage.Onigmo;
using static Homepage.Kramdown.Parsing.Patterns;
using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Kramdown.Parsing;

internal partial class KramdownParser
{
    private static ContentModel? MarkdownAttr(string? value) => value switch
    {
        "0" => ContentModel.Raw,
        "1" => ContentModel.None, // kramdown's :default
        "span" => ContentModel.Span,
        "block" => ContentModel.Block,
        _ => null,
    };

    private OrderedDictionary<string, string> ParseHtmlAttributes(string str, int? line, bool inHtmlTag)
    {
        var attrs = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match m in Rx(HtmlAttributeRe, m: true).Unanchored.Matches(str))
        {
            var name = m.Groups[1].Value;
            if (inHtmlTag) name = name.ToLowerInvariant();
            if (attrs.ContainsKey(name))
                Warning($"Duplicate HTML attribute '{name}' on line {(line is { } l ? l.ToString() : "?")} - overwriting previous one");
            attrs[name] = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[4].Success ? m.Groups[4].Value : "";
        }
        return attrs;
    }

    /// <summary>An HTML start tag just matched: creates the element and lets <see cref="HandleKramdownHtmlTag"/> parse its body.</summary>
    private void HandleHtmlStartTag(int? line)
    {
        var name = Src[1]!;
        if (KnownElements.Contains(name.ToLowerInvariant())) name = name.ToLowerInvariant();
        var closed = Src[4] is not null;
        var attrs = ParseHtmlAttributes(Src[2] ?? "", line, KnownElements.Contains(name));

        var el = new Element(ElementType.HtmlElement, name) { Attr = attrs, Category = Category.Block };
        if (line is { } l) el.Location = l;
        Tree!.Children.Add(el);

        if (!closed && WithoutBodySet.Contains(name)) closed = true;
        if (name is "script" or "style")
        {
            HandleRawHtmlTag(name);
            HandleKramdownHtmlTag(el, false, false);
        }
        else
        {
            HandleKramdownHtmlTag(el, closed, true);
        }
    }

    private void HandleRawHtmlTag(string name)
    {
        var curPos = Src.Pos;
        if (Src.ScanUntil(RxDynamic("(?=</" + name + @"\s*>)", m: true, i: true)) is not null)
        {
            AddText(Src.String[curPos..Src.Pos], Tree!.Children[^1], ElementType.Raw);
            Src.Scan(Rx(HtmlTagCloseRe, m: true));
        }
        else
        {
            AddText(Src.Rest, Tree!.Children[^1], ElementType.Raw);
            Src.Terminate();
            Warning($"Found no end tag for '{name}' - auto-closing it");
        }
    }

    private void ParseRawHtml(Element el)
    {
        Stack.Add(new StackEntry(Tree, null, null, TextType));
        Tree = el;

        var done = false;
        while (!Src.Eos && !done)
        {
            var result = Src.ScanUntil(Rx(HtmlRawStart));
            if (result is not null)
            {
                AddText(result, Tree, ElementType.Text);
                var line = Src.CurrentLineNumber();
                if ((result = Src.Scan(Rx(HtmlCommentRe, m: true))) is not null)
                {
                    Tree.Children.Add(new Element(ElementType.XmlComment, result) { Category = Category.Block, Location = line });
                }
                else if ((result = Src.Scan(Rx(HtmlInstructionRe, m: true))) is not null)
                {
                    Tree.Children.Add(new Element(ElementType.XmlPi, result) { Category = Category.Block, Location = line });
                }
                else if (Src.Scan(Rx(HtmlTagRe, m: true)) is not null)
                {
                    HandleHtmlStartTag(line);
                }
                else if (Src.Scan(Rx(HtmlTagCloseRe, m: true)) is not null)
                {
                    var closing = Src[1]!;
                    if (Tree.Value == (KnownElements.Contains(Tree.Value ?? "") ? closing.ToLowerInvariant() : closing))
                    {
                        done = true;
                    }
                    else
                    {
                        AddText(Src.Matched, Tree, ElementType.Text);
                        Warning($"Found invalidly used HTML closing tag for '{closing}' on line {line} - ignoring it");
                    }
                }
                else
                {
                    AddText(Src.GetCh(), Tree, ElementType.Text);
                }
            }
            else
            {
                AddText(Src.Rest, Tree, ElementType.Text);
                Src.Terminate();
                if (Tree.Type == ElementType.HtmlElement)
                    Warning($"Found no end tag for '{Tree.Value}' on line {Tree.Location} - auto-closing it");
                done = true;
            }
        }

        var top = Stack[^1];
        Stack.RemoveAt(Stack.Count - 1);
        Tree = top.Tree;
    }

    private void HandleKramdownHtmlTag(Element el, bool closed, bool handleBody)
    {
        if (BlockIal is not null)
        {
            el.Ial = BlockIal;
            BlockIal = null;
        }

        ContentModel contentModel;
        if (Tree!.Type != ElementType.HtmlElement || Tree.ContentModel != ContentModel.Raw)
            contentModel = Options.ParseBlockHtml ? HtmlContentModel(el.Value!) : ContentModel.Raw;
        else
            contentModel = ContentModel.Raw;
        if (el.Attr.Remove("markdown", out var markdown) && MarkdownAttr(markdown) is { } val)
            contentModel = val == ContentModel.None ? HtmlContentModel(el.Value!) : val;

        if (contentModel == ContentModel.Block) Src.Scan(Rx(TrailingWhitespace));
        el.ContentModel = contentModel;
        el.IsClosed = closed;

        if (!closed && handleBody)
        {
            if (contentModel == ContentModel.Block)
            {
                if (!ParseBlocks(el))
                    Warning($"Found no end tag for '{el.Value}' (line {el.Location}) - auto-closing it");
            }
            else if (contentModel == ContentModel.Span)
            {
                var curPos = Src.Pos;
                if (Src.ScanUntil(RxDynamic("(?=</" + System.Text.RegularExpressions.Regex.Escape(el.Value!) + @"\s*>)", m: true, i: true)) is not null)
                {
                    AddText(Src.String[curPos..Src.Pos], el, TextType);
                    Src.Scan(Rx(HtmlTagCloseRe, m: true));
                }
                else
                {
                    AddText(Src.Rest, el, TextType);
                    Src.Terminate();
                    Warning($"Found no end tag for '{el.Value}' (line {el.Location}) - auto-closing it");
                }
            }
            else
            {
                ParseRawHtml(el);
            }
            if (!(Tree.Type == ElementType.HtmlElement && Tree.ContentModel == ContentModel.Raw))
                Src.Scan(Rx(TrailingWhitespace));
        }
    }

    private bool ParseBlockHtml()
    {
        var line = Src.CurrentLineNumber();
        string? result;
        if ((result = Src.Scan(Rx(HtmlCommentRe, m: true))) is not null)
        {
            Tree!.Children.Add(new Element(ElementType.XmlComment, result) { Category = Category.Block, Location = line });
            Src.Scan(Rx(TrailingWhitespace));
            return true;
        }
        if (Src.IsMatchHere(Rx("^(?:" + OptSpace + ")(?:" + HtmlTagRe + ")", m: true)) && !SpanElementSet.Contains(Src[1]!.ToLowerInvariant()))
        {
            Src.Pos += Src.MatchedSize;
            HandleHtmlStartTag(line);
            if (Options.HtmlToNative) HtmlToNative.Convert(Tree!.Children[^1]);
            return true;
        }
        if (Src.IsMatchHere(Rx("^(?:" + OptSpace + ")(?:" + HtmlTagCloseRe + ")", m: true)) && !SpanElementSet.Contains(Src[1]!.ToLowerInvariant()))
        {
            var name = Src[1]!.ToLowerInvariant();
            if (Tree!.Type == ElementType.HtmlElement && Tree.Value == name)
            {
                Src.Pos += Src.MatchedSize;
                StopBlockParsing();
                return true;
            }
            return false;
        }
        return false;
    }

    private void ParseSpanHtml()
    {
        var line = Src.CurrentLineNumber();
        string? result;
        if ((result = Src.Scan(Rx(HtmlCommentRe, m: true))) is not null)
        {
            Tree!.Children.Add(new Element(ElementType.XmlComment, result) { Category = Category.Span, Location = line });
        }
        else if ((result = Src.Scan(Rx(HtmlTagCloseRe, m: true))) is not null)
        {
            Warning($"Found invalidly used HTML closing tag for '{Src[1]}' on line {line}");
            AddText(result);
        }
        else if ((result = Src.Scan(Rx(HtmlTagRe, m: true))) is not null)
        {
            var tagName = Src[1]!;
            var selfClosed = Src[4] is not null;
            var rawAttrs = Src[2] ?? "";
            if (KnownElements.Contains(tagName.ToLowerInvariant())) tagName = tagName.ToLowerInvariant();
            if (BlockElementSet.Contains(tagName))
            {
                Warning($"Found block HTML tag '{tagName}' in span-level text on line {line}");
                AddText(result);
                return;
            }

            var attrs = ParseHtmlAttributes(rawAttrs, line, KnownElements.Contains(tagName));
            foreach (var key in attrs.Keys.ToList())
                if (attrs[key].Length > 0) attrs[key] = Rx(@"\n+").Unanchored.Replace(attrs[key], " ");

            var doParsing = HtmlContentModel(tagName) != ContentModel.Raw && Tree!.ContentModel != ContentModel.Raw && Options.ParseSpanHtml;
            if (attrs.Remove("markdown", out var markdown) && MarkdownAttr(markdown) is { } val)
            {
                if (val == ContentModel.Block)
                    Warning($"Cannot use block-level parsing in span-level HTML tag (line {line}) - using default mode");
                else if (val == ContentModel.Span) doParsing = true;
                else if (val == ContentModel.None) doParsing = HtmlContentModel(tagName) != ContentModel.Raw;
                else if (val == ContentModel.Raw) doParsing = false;
            }

            var el = new Element(ElementType.HtmlElement, tagName)
            {
                Attr = attrs, Category = Category.Span, Location = line,
                ContentModel = doParsing ? ContentModel.Span : ContentModel.Raw, IsClosed = selfClosed,
            };
            Tree!.Children.Add(el);
            var stopRe = RxDynamic("</" + System.Text.RegularExpressions.Regex.Escape(tagName) + @"\s*>", i: KnownElements.Contains(tagName));
            if (!selfClosed && !WithoutBodySet.Contains(tagName))
            {
                if (ParseSpans(el, stopRe, doParsing ? null : HtmlOnly, stopFirstChars: "<"))
                {
                    Src.Scan(stopRe);
                }
                else
                {
                    Warning($"Found no end tag for '{el.Value}' (line {line}) - auto-closing it");
                    AddText(Src.Rest, el, TextType);
                    Src.Terminate();
                }
            }
            if (Options.HtmlToNative) HtmlToNative.Convert(el);
        }
        else
        {
            AddText(Src.GetCh());
        }
    }
}
