using Homepage.Onigmo;
using static Homepage.Kramdown.Parsing.Patterns;
using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Kramdown.Parsing;

internal partial class KramdownParser
{
    /// <summary>Parses the content of an IAL or ALD into <paramref name="opts"/>.</summary>
    protected void ParseAttributeList(string str, Ial opts)
    {
        var trimmed = Strip(str);
        if (trimmed.Length == 0 || trimmed == ":") return;
        var matches = Rx(AldTypeAny).Unanchored.Matches(str);
        foreach (System.Text.RegularExpressions.Match m in matches)
        {
            var g = m.Groups;
            if (g[4].Success)
            {
                (opts.Refs ??= []).Add(g[4].Value);
            }
            else if (g[5].Success)
            {
                foreach (System.Text.RegularExpressions.Match ic in Rx(AldTypeIdOrClass).Unanchored.Matches(g[5].Value))
                {
                    if (ic.Groups[2].Success) opts["class"] = ((opts["class"] ?? "") + " " + ic.Groups[2].Value).TrimStart(RubyWhitespace);
                    else opts["id"] = ic.Groups[1].Value;
                }
            }
            else
            {
                var sep = g[2].Value;
                var val = RxDynamic(@"\\(\}|" + System.Text.RegularExpressions.Regex.Escape(sep) + ")").Unanchored.Replace(g[3].Value, "$1");
                opts[g[1].Value] = val;
            }
        }
        if (matches.Count == 0) Warning("No or invalid attributes found in IAL/ALD content: " + str);
    }

    private static void UpdateIalWithIal(Ial ial, Ial opts)
    {
        if (opts.Refs is not null) (ial.Refs ??= []).AddRange(opts.Refs);
        foreach (var (k, v) in opts.Attributes)
        {
            if (k == "class") ial["class"] = ((ial["class"] ?? "") + " " + v).TrimStart(RubyWhitespace);
            else ial[k] = v;
        }
    }

    private bool ParseExtensionStartTag(bool block)
    {
        var saved = Src.SavePos();
        var startLine = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;

        bool ErrorBlock(string msg)
        {
            Warning(msg);
            Src.RevertPos(saved);
            if (!block) AddText(Src.GetCh());
            return false;
        }

        if (Src[4] is not null || Src.Matched == "{:/}")
        {
            var n = Src[4] is { } stopName ? $"for '{stopName}' " : "";
            return ErrorBlock($"Invalid extension stop tag {n}found on line {startLine} - ignoring it");
        }

        var ext = Src[1] ?? "";
        var opts = new Ial();
        string? body = null;
        var selfClosing = Src[3] is not null;
        ParseAttributeList(Src[2] ?? "", opts);

        if (!selfClosing)
        {
            var escapedName = ext;
            var stopRe = block ? RxDynamic(ExtBlockStopStr.Replace("%s", escapedName)) : RxDynamic(ExtStopStr.Replace("%s", escapedName));
            var result = Src.ScanUntil(stopRe);
            if (result is null)
                return ErrorBlock($"No stop tag for extension '{ext}' found on line {startLine} - ignoring it");
            body = stopRe.Unanchored.Replace(result, "", 1);
            if (block && body.EndsWith('\n')) body = body[..^1];
        }

        if (!HandleExtension(ext, opts, body, block, startLine))
            return ErrorBlock($"Invalid extension with name '{ext}' specified on line {startLine} - ignoring it");
        return true;
    }

    private bool HandleExtension(string name, Ial opts, string? body, bool block, int line)
    {
        switch (name)
        {
            case "comment":
                if (body is not null)
                    Tree!.Children.Add(new Element(ElementType.Comment, body) { Category = block ? Category.Block : Category.Span, Location = line });
                return true;
            case "nomarkdown":
                if (body is not null)
                {
                    var types = Rx(@"\s+").Unanchored.Split(opts["type"] ?? "").Where(t => t.Length > 0).ToList();
                    Tree!.Children.Add(new Element(ElementType.Raw, body)
                    {
                        Category = block ? Category.Block : Category.Span, Location = line, RawTypes = types,
                    });
                }
                return true;
            case "options":
                _optionsExtensions++;
                var unknown = new List<string>();
                if (opts.Refs is not null) unknown.Add("refs");
                foreach (var (k, v) in opts.Attributes)
                {
                    if (KramdownOptions.IsDefined(k))
                    {
                        if (Options.ForbiddenInlineOptions.Contains(k) || k == "forbidden_inline_options")
                        {
                            Warning($"Option {k} may not be set inline");
                            continue;
                        }
                        try
                        {
                            Options.Set(k, v);
                            InlineOptions[k] = v;
                        }
                        catch (Exception)
                        {
                            // kramdown ignores values it cannot parse
                        }
                    }
                    else
                    {
                        unknown.Add(k);
                    }
                }
                // Ruby iterates the hash in insertion order; :refs is added after the string keys seen before it.
                foreach (var k in unknown) Warning($"Unknown kramdown option '{k}'");
                if (block)
                {
                    var eob = NewBlockEl(ElementType.Eob);
                    eob.EobKind = "extension";
                    Tree!.Children.Add(eob);
                }
                return true;
            default:
                return false;
        }
    }

    private bool ParseBlockExtensions()
    {
        if (Src.Scan(Rx(AldStart)) is not null)
        {
            var name = Src[1]!;
            var content = Src[2]!;
            if (!Alds.TryGetValue(name, out var ald)) Alds[name] = ald = new Ial();
            ParseAttributeList(content, ald);
            var eob = NewBlockEl(ElementType.Eob);
            eob.EobKind = "ald";
            Tree!.Children.Add(eob);
            return true;
        }
        if (Src.IsMatchHere(Rx(ExtBlockStart)))
            return ParseExtensionStartTag(block: true);
        if (Src.Scan(Rx(IalBlockStart)) is not null)
        {
            var content = Src[1]!;
            var children = Tree!.Children;
            var last = children.Count > 0 ? children[^1] : null;
            if (last is not null && last.Type != ElementType.Blank &&
                (last.Type != ElementType.Eob || last.EobKind is "link_def" or "abbrev_def" or "footnote_def"))
            {
                ParseAttributeList(content, last.Ial ??= new Ial());
                if (!Src.IsMatchHere(Rx(IalBlockStart)))
                {
                    var eob = NewBlockEl(ElementType.Eob);
                    eob.EobKind = "ial";
                    children.Add(eob);
                }
            }
            else
            {
                ParseAttributeList(content, BlockIal ??= new Ial());
            }
            return true;
        }
        return false;
    }

    private void ParseSpanExtensions()
    {
        if (Src.IsMatchHere(Rx(ExtSpanStart)))
        {
            ParseExtensionStartTag(block: false);
        }
        else if (Src.IsMatchHere(Rx(IalSpanStart)))
        {
            var children = Tree!.Children;
            var last = children.Count > 0 ? children[^1] : null;
            if (last is not null && last.Type != ElementType.Text)
            {
                Src.Pos += Src.MatchedSize;
                var attr = new Ial();
                ParseAttributeList(Src[1]!, attr);
                UpdateIalWithIal(last.Ial ??= new Ial(), attr);
                UpdateAttrWithIal(last.Attr, attr);
            }
            else
            {
                Warning("Found span IAL after text - ignoring it");
                AddText(Src.GetCh());
            }
        }
        else
        {
            AddText(Src.GetCh());
        }
    }
}
