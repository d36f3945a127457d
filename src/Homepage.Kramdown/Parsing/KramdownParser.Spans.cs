using Homepage.Onigmo;
using System.Text;
using static Homepage.Kramdown.Parsing.Patterns;
using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Kramdown.Parsing;

internal partial class KramdownParser
{
    private static bool IsRubySpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static bool IsAlpha(char c) => char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark
        or System.Globalization.UnicodeCategory.LetterNumber;

    private bool TreeOrStackIs(ElementType type)
    {
        if (Tree is not null && Tree.Type == type) return true;
        foreach (var entry in Stack)
            if (entry.Tree is not null && entry.Tree.Type == type) return true;
        return false;
    }

    private void ParseEmphasis()
    {
        var startLine = Src.CurrentLineNumber();
        var saved = Src.SavePos();
        var start = Src.Pos;
        var result = Src.Scan(Rx(EmphasisStart))!;
        var element = result.Length == 2 ? ElementType.Strong : ElementType.Em;
        var type = result[0] == '*' ? "*" : "_";

        // pre_match =~ /[[:alpha:]]-?[[:alpha:]]*\z/: the text before ends with a letter, or with a letter and a hyphen
        var afterWord = false;
        if (type == "_" && start > 0)
        {
            var s = Src.String;
            afterWord = IsAlpha(s[start - 1]) || (s[start - 1] == '-' && start > 1 && IsAlpha(s[start - 2]));
        }
        if (afterWord || Src.IsMatchHere(Rx(@"\s")) || TreeOrStackIs(element))
        {
            AddText(result);
            return;
        }

        var (found, el, stopRe) = ParseEmphasisContent(result, element, type, startLine);
        if (!found && element == ElementType.Strong && Tree!.Type != ElementType.Em)
        {
            Src.RevertPos(saved);
            Src.Pos += 1;
            (found, el, stopRe) = ParseEmphasisContent(type, ElementType.Em, type, startLine);
        }
        if (found)
        {
            Src.Scan(stopRe);
            Tree!.Children.Add(el);
        }
        else
        {
            Src.RevertPos(saved);
            Src.Pos += result.Length;
            AddText(result);
        }
    }

    /// <summary>What the emphasis being parsed needs to tell whether a delimiter closes it (see <see cref="EmphasisStops"/>).</summary>
    private (Element El, ElementType Elem, RubyRegex Double, RubyRegex Alnum, bool Underscore) _emphasis;

    private Func<bool>? _emphasisStops;

    /// <summary>
    /// Whether the delimiter at the position closes the emphasis being parsed: after a non-space character, not a doubled
    /// delimiter inside <c>em</c>, not an underscore before a letter or digit, and not before any content. One delegate
    /// reading <see cref="_emphasis"/> (set around each nested parse) instead of a closure per emphasis: a page has
    /// thousands of them.
    /// </summary>
    private bool EmphasisStops()
    {
        var (el, elem, doubleRe, alnumRe, underscore) = _emphasis;
        return (Src.Pos == 0 || !IsRubySpace(Src.String[Src.Pos - 1])) &&
               (elem != ElementType.Em || !Src.IsMatchHere(doubleRe)) &&
               (!underscore || !Src.IsMatchHere(alnumRe)) && el.HasChildren;
    }

    private (bool Found, Element El, RubyRegex StopRe) ParseEmphasisContent(string delim, ElementType elem, string type, int startLine)
    {
        var el = new Element(elem) { Location = startLine };
        var (stopRe, doubleRe, alnumRe) = EmphasisPatterns(delim);
        // No delimiter after a non-space character follows: the parse below could only fail, after scanning to the
        // end of the text. Skipping it keeps runs of unclosed emphasis linear (the result is the same).
        if (Src.LastEmphasisClose(delim[0]) < Src.Pos) return (false, el, stopRe);
        var outer = _emphasis;
        _emphasis = (el, elem, doubleRe, alnumRe, type == "_");
        var found = ParseSpans(el, stopRe, stopFirstChars: delim[0] == '*' ? "*" : "_", stopCondition: _emphasisStops ??= EmphasisStops);
        _emphasis = outer;
        return (found, el, stopRe);
    }

    private static readonly (RubyRegex Stop, RubyRegex Double, RubyRegex Alnum)[] EmphasisPatternCache =
        [MakeEmphasisPatterns("*"), MakeEmphasisPatterns("**"), MakeEmphasisPatterns("_"), MakeEmphasisPatterns("__")];

    /// <summary>The delimiter, the doubled delimiter not followed by a third, and the delimiter before a letter or digit.</summary>
    private static (RubyRegex Stop, RubyRegex Double, RubyRegex Alnum) EmphasisPatterns(string delim) =>
        EmphasisPatternCache[(delim[0] == '*' ? 0 : 2) + (delim.Length - 1)];

    private static (RubyRegex Stop, RubyRegex Double, RubyRegex Alnum) MakeEmphasisPatterns(string delim)
    {
        var escaped = System.Text.RegularExpressions.Regex.Escape(delim);
        return (Rx(escaped), Rx(System.Text.RegularExpressions.Regex.Escape(delim + delim) + "(?!" + escaped + ")"), Rx(escaped + "[[:alnum:]]"));
    }

    private void ParseCodespan()
    {
        var startLine = Src.CurrentLineNumber();
        var start = Src.Pos;
        var result = Src.Scan(Rx(CodespanDelimiter))!;
        var simple = result.Length == 1;
        var saved = Src.SavePos();

        if (simple && (start == 0 || IsRubySpace(Src.String[start - 1])) && Src.IsMatchHere(Rx(@"\s")))
        {
            AddText(result);
            return;
        }

        var text = Src.ScanUntil(RxDynamic(result));
        if (text is not null)
        {
            text = text[..^result.Length];
            if (!simple)
            {
                if (text.StartsWith(' ')) text = text[1..];
                if (text.EndsWith(' ')) text = text[..^1];
            }
            Tree!.Children.Add(new Element(ElementType.Codespan, text) { Location = startLine });
        }
        else
        {
            Src.RevertPos(saved);
            AddText(result);
        }
    }

    private void ParseAutolink()
    {
        var startLine = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;
        var target = Src[1]!;
        var href = Src[2] is null ? "mailto:" + target : target;
        var el = new Element(ElementType.A) { Location = startLine };
        el.Attr["href"] = href;
        AddText(Rx("^mailto:").Unanchored.Replace(target, "", 1), el, TextType);
        Tree!.Children.Add(el);
    }

    private void ParseFootnoteMarker()
    {
        var startLine = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;
        var name = Src[1]!;
        if (Footnotes.TryGetValue(name, out var fn))
        {
            if (fn.Eob is not null)
            {
                if (fn.Eob.Ial is not null) UpdateAttrWithIal(fn.Eob.Attr, fn.Eob.Ial);
                fn.Attr = fn.Eob.Attr;
                fn.EobOptions = fn.Eob;
                fn.Eob = null;
            }
            fn.Markers ??= [];
            var marker = new Element(ElementType.Footnote)
            {
                FootnoteContent = fn.Content, FootnoteName = name, Location = startLine, Ial = fn.EobOptions?.Ial,
            };
            if (fn.Attr is not null) marker.Attr = fn.Attr;
            fn.Markers.Add(marker);
            Tree!.Children.Add(marker);
        }
        else
        {
            Warning($"Footnote definition for '{name}' not found on line {startLine}");
            AddText(Src.Matched);
        }
    }

    private void AddLink(Element el, string href, string? title, string? altText = null, Ial? ial = null)
    {
        el.Ial = ial;
        if (ial is not null) UpdateAttrWithIal(el.Attr, ial);
        if (el.Type == ElementType.A)
        {
            el.Attr["href"] = href;
        }
        else
        {
            el.Attr["src"] = href;
            el.Attr["alt"] = altText ?? "";
            el.Children.Clear();
        }
        if (title is not null) el.Attr["title"] = title;
        Tree!.Children.Add(el);
    }

    private void ParseLink()
    {
        var startLine = Src.CurrentLineNumber();
        var result = Src.Scan(Rx(LinkStart))!;
        var curPos = Src.Pos;
        var saved = Src.SavePos();
        var linkType = result.StartsWith('!') ? ElementType.Img : ElementType.A;

        if (linkType == ElementType.A && (TreeOrStackIs(ElementType.Img) || TreeOrStackIs(ElementType.A)))
        {
            AddText(result);
            return;
        }
        var el = new Element(linkType) { Location = startLine };

        // No ']' follows: the parse below could only fail, after scanning to the end of the text. Skipping it keeps
        // thousands of unclosed brackets linear (the result is the same).
        if (Src.LastCloseBracket < Src.Pos)
        {
            Src.RevertPos(saved);
            AddText(result);
            return;
        }

        var count = 1;
        var found = ParseSpans(el, Rx(LinkBracketStopRe), stopFirstChars: "]![", stopCondition: () =>
        {
            count += Src.String[Src.Pos] == ']' ? -1 : 1; // group 1 of the stop pattern: the closing bracket
            return count - el.Children.Count(c => c.Type == ElementType.Img) == 0;
        });
        if (!found)
        {
            Src.RevertPos(saved);
            AddText(result);
            return;
        }
        var altText = Rx(EscapedChars).Unanchored.Replace(Src.String[curPos..Src.Pos], "$1");
        Src.Scan(Rx(LinkBracketStopRe));

        if (Src.Scan(Rx(LinkInlineIdRe)) is not null || !Src.IsMatchHere(Rx(@"\(")))
        {
            var id = Src[1];
            var emitWarning = id is null;
            var linkId = NormalizeLinkId(id ?? altText);
            if (LinkDefs.TryGetValue(linkId, out var def))
            {
                AddLink(el, def.Url, def.Title, altText, def.Eob?.Ial);
            }
            else
            {
                if (emitWarning) Warning($"No link definition for link ID '{linkId}' found on line {startLine}");
                Src.RevertPos(saved);
                AddText(result);
            }
            return;
        }

        string linkUrl;
        if (Src.Scan(Rx(@"\(<(.*?)>")) is not null)
        {
            linkUrl = Src[1]!;
            if (Src.Scan(Rx(@"\)")) is not null)
            {
                AddLink(el, linkUrl, null, altText);
                return;
            }
        }
        else
        {
            var url = new StringBuilder();
            var brackets = 0;
            string? temp;
            while ((temp = Src.ScanUntil(Rx(LinkParenStopRe))) is not null)
            {
                url.Append(temp);
                // the stop is one character: '(' (group 1), ')' (group 2) or a space before a quote
                var stop = Src.String[Src.Pos - 1];
                if (stop == ')')
                {
                    brackets--;
                    if (brackets == 0) break;
                }
                else if (stop == '(')
                {
                    brackets++;
                }
                else
                {
                    break;
                }
            }
            var raw = url.ToString();
            linkUrl = Strip(raw.Length >= 2 ? raw[1..^1] : "");
            if (brackets == 0)
            {
                AddLink(el, linkUrl, null, altText);
                return;
            }
        }

        if (Src.Scan(Rx(LinkInlineTitleRe, m: true)) is not null)
        {
            AddLink(el, linkUrl, Src[2], altText);
        }
        else
        {
            Src.RevertPos(saved);
            AddText(result);
        }
    }

    private const string SqPunct = @"[!""#\$\%'()*+,\-.\/:;<=>?\@\[\\\]\^_`{|}~]";
    private const string SqClose = "[^ \\\\\t\r\n\\[{(-]";

    private static readonly (RubyRegex Re, object[] Substs)[] SqRules =
    [
        (Rx(@"(""|')(?=[_*]{1,2}\S)"), ["lquote1"]),
        (Rx(@"(""|')(?=" + SqPunct + @"(?!\.\.)\B)"), ["rquote1"]),
        (Rx(@"(\s?)""'(?=\w)"), [1, "ldquo", "lsquo"]),
        (Rx(@"(\s?)'""(?=\w)"), [1, "lsquo", "ldquo"]),
        (Rx(@"(\s?)'(?=\d\ds)"), [1, "rsquo"]),
        (Rx(@"(\s)('|"")(?=\w)"), [1, "lquote2"]),
        (Rx("(" + SqClose + @")('|"")"), [1, "rquote2"]),
        (Rx(@"(""|')(?=\s|s\b|$)"), ["rquote1"]),
        (Rx("(.?)'", m: true), [1, "lsquo"]),
        (Rx(@"(.?)""", m: true), [1, "ldquo"]),
    ];

    private void ParseSmartQuotes()
    {
        var startLine = Src.CurrentLineNumber();
        object[]? substs = null;
        foreach (var (re, s) in SqRules)
        {
            if (Src.Scan(re) is not null)
            {
                substs = s;
                break;
            }
        }
        foreach (var subst in substs!)
        {
            if (subst is int group)
            {
                AddText(Src[group]);
                continue;
            }
            var name = (string)subst;
            var groupIndex = name[^1] - '0';
            var quote = groupIndex is >= 1 and <= 9 ? Src[groupIndex] : null;
            var val = name switch
            {
                "rquote1" or "rquote2" => quote == "\"" ? "rdquo" : quote == "'" ? "rsquo" : name,
                "lquote1" or "lquote2" => quote == "\"" ? "ldquo" : quote == "'" ? "lsquo" : name,
                _ => name,
            };
            Tree!.Children.Add(new Element(ElementType.SmartQuote) { Symbol = val, Location = startLine });
        }
    }

    private void ParseInlineMath()
    {
        var startLine = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;
        Tree!.Children.Add(new Element(ElementType.Math, Strip(Src[1]!)) { Category = Category.Span, Location = startLine });
    }

    private void ParseHtmlEntity()
    {
        var startLine = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;
        Entity? entity;
        // the groups read off the match: &name; (group 1), &#digits; (group 2) or &#xhex; (group 3)
        var matched = Src.Matched;
        if (matched[1] != '#') entity = Entities.Get(matched[1..^1]);
        else if (matched[2] != 'x') entity = Entities.Get(int.TryParse(matched.AsSpan(2, matched.Length - 3), out var d) ? d : -1);
        else entity = Entities.Get(int.TryParse(matched.AsSpan(3, matched.Length - 4), System.Globalization.NumberStyles.HexNumber, null, out var h) ? h : -1);
        if (entity is not null)
        {
            Tree!.Children.Add(new Element(ElementType.Entity) { EntityValue = entity, Original = Src.Matched, Location = startLine });
        }
        else
        {
            Tree!.Children.Add(new Element(ElementType.Entity) { EntityValue = Entities.Get("amp"), Location = startLine });
            AddText(Src.Matched[1..]);
        }
    }

    private void ParseTypographicSyms()
    {
        var startLine = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;
        var matched = Src.Matched;
        var sym = matched switch
        {
            "---" => "mdash", "--" => "ndash", "..." => "hellip", "<< " => "laquo_space", " >>" => "raquo_space",
            "<<" => "laquo", ">>" => "raquo", _ => null,
        };
        if (sym is not null)
        {
            Tree!.Children.Add(new Element(ElementType.TypographicSym) { Symbol = sym, Location = startLine });
            return;
        }
        var entity = Entities.Get(matched == "\\<<" ? "lt" : "gt");
        Tree!.Children.Add(new Element(ElementType.Entity) { EntityValue = entity, Location = startLine });
        Tree.Children.Add(new Element(ElementType.Entity) { EntityValue = entity, Location = startLine });
    }

    private void ParseLineBreak()
    {
        Tree!.Children.Add(new Element(ElementType.Br) { Location = Src.CurrentLineNumber() });
        Src.Pos += Src.MatchedSize;
    }

    internal void ParseEscapedChars()
    {
        Src.Pos += Src.MatchedSize;
        // group 1 is the one character after the backslash (read from the source: no second regex run for the group)
        AddText(Src.String.AsSpan(Src.Pos - 1, 1), Tree!, TextType);
    }

    // ---- abbreviations ----

    private void CorrectAbbreviationsAttributes()
    {
        foreach (var (k, eob) in AbbrevEobs) AbbrevAttr[k] = eob.HasAttr ? eob.Attr : new OrderedDictionary<string, string>();
    }

    private (RubyRegex Abbr, RubyRegex Boundary)? _abbrevRegexps;

    private void ReplaceAbbreviations(Element el)
    {
        if (AbbrevDefs.Count == 0) return;
        if (_abbrevRegexps is null)
        {
            var sorted = AbbrevDefs.Keys.OrderByDescending(k => k.Length).ToList();
            var union = string.Join("|", sorted.Select(k => "(?:" + System.Text.RegularExpressions.Regex.Escape(k) + ")"));
            _abbrevRegexps = (RxDynamic(union), RxDynamic(@"(?=(?:\W|^)(?:" + union + @")(?!\w))"));
        }
        var (abbrRe, boundaryRe) = _abbrevRegexps.Value;
        if (!el.HasChildren) return;
        // the children are rebuilt only from the first text that holds an abbreviation on (most hold none)
        List<Element>? result = null;
        var children = el.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.Type == ElementType.Text && el.ContentModel != ContentModel.Raw)
            {
                var value = child.Value ?? "";
                if (!abbrRe.IsMatch(value))
                {
                    result?.Add(child);
                    continue;
                }
                if (result is null)
                {
                    result = RentList();
                    for (var j = 0; j < i; j++) result.Add(children[j]);
                }
                var scanner = new Scanner(value, child.Location);
                var textLine = scanner.CurrentLineNumber();
                string? temp;
                while ((temp = scanner.ScanUntil(boundaryRe)) is not null)
                {
                    var abbrLine = scanner.CurrentLineNumber();
                    var abbr = scanner.Scan(abbrRe);
                    if (abbr is null)
                    {
                        temp += scanner.Scan(Rx(@"\W|^"));
                        abbr = scanner.Scan(abbrRe);
                    }
                    result.Add(new Element(ElementType.Text, temp) { Location = textLine });
                    result.Add(new Element(ElementType.Abbreviation, abbr) { Location = abbrLine });
                    textLine = scanner.CurrentLineNumber();
                }
                result.Add(new Element(ElementType.Text, scanner.Rest) { Location = textLine });
            }
            else
            {
                ReplaceAbbreviations(child);
                result?.Add(child);
            }
        }
        if (result is not null) ReplaceChildren(el, result);
    }
}
