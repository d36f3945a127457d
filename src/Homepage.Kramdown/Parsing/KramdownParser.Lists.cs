using Homepage.Onigmo;
using System.Collections.Concurrent;
using System.Text;
using static Homepage.Kramdown.Parsing.Patterns;
using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Kramdown.Parsing;

internal partial class KramdownParser
{
    private static readonly ConcurrentDictionary<int, (RubyRegex Content, RubyRegex Lazy, RubyRegex Indent)> FirstLineRegexps = new();

    private static (RubyRegex Content, RubyRegex Lazy, RubyRegex Indent) ListLineRegexps(int indentation) =>
        FirstLineRegexps.GetOrAdd(indentation, static n => (
            RxDynamic($@"^(?:(?:\t| {{4}}){{{n / 4}}} {{{n % 4}}}|(?:\t| {{4}}){{{n / 4 + 1}}}).*\S.*\n"),
            RxDynamic($@"(?!^ {{0,{Math.Min(n, 3)}}}(?:(?:{IalBlock})|(?:{LazyEndHtmlStop})|(?:{LazyEndHtmlStart}))).*\S.*\n"),
            RxDynamic($"^ {{{n}}}")));

    /// <summary>The first line of a list item: its content with tabs expanded, and the item's indentation.</summary>
    /// <summary>
    /// Groups 1 and 2 of the item start just scanned (up to three spaces and the marker, then the rest of the line), read
    /// off the match: the marker is one character, or digits and a period.
    /// </summary>
    private (int MarkerLength, string Line) ListMarkerGroups()
    {
        // read off the source (the scanner stands at the end of the match): no string of the whole match is made
        var source = Src.String;
        var start = Src.Pos - Src.MatchedSize;
        var i = start;
        while (source[i] == ' ') i++;
        if (char.IsAsciiDigit(source[i]))
        {
            while (char.IsAsciiDigit(source[i])) i++;
        }
        i++;
        return (i - start, source[i..Src.Pos]);
    }

    private static (string Content, int Indentation) ParseFirstListLine((int MarkerLength, string Line) groups) =>
        ParseFirstListLine(groups.MarkerLength, groups.Line);

    private static (string Content, int Indentation) ParseFirstListLine(int indentation, string content)
    {
        if (Rx(ListItemIalCheck).IsMatch(content))
        {
            indentation = 4;
        }
        else
        {
            // tabs after the marker become spaces up to the next tab stop
            while (LeadingSpaces(content) is var spaces && spaces < content.Length && content[spaces] == '\t')
            {
                var temp = spaces + indentation;
                var tabs = 0;
                while (spaces + tabs < content.Length && content[spaces + tabs] == '\t') tabs++;
                content = content[..spaces] + new string(' ', 4 - temp % 4 + (tabs - 1) * 4) + content[(spaces + tabs)..];
            }
            indentation += LeadingSpaces(content);
        }
        var start = 0;
        while (start < content.Length && IsRubySpace(content[start])) start++;
        return (content[start..], indentation);
    }

    private static int LeadingSpaces(string s)
    {
        var n = 0;
        while (n < s.Length && s[n] == ' ') n++;
        return n;
    }

    private static readonly RubyRegex?[] ItemStartPatterns = new RubyRegex?[15];

    private static RubyRegex FetchPattern(ElementType type, int indentation)
    {
        var slot = (type switch { ElementType.Ul => 0, ElementType.Ol => 1, _ => 2 }) * 5 + Math.Clamp(indentation, 0, 4);
        if (ItemStartPatterns[slot] is { } cached) return cached;
        var spaces = indentation switch { 1 => "{0}", 2 => "{0,1}", 3 => "{0,2}", _ => "{0,3}" };
        var marker = type switch { ElementType.Ul => "[+*-]", ElementType.Ol => @"\d+\.", _ => ":" };
        var re = RxDynamic("^( " + spaces + marker + ")((?:" + PatternTail + "))");
        return ItemStartPatterns[slot] = re;
    }

    protected virtual bool ParseList()
    {
        var startLine = Src.CurrentLineNumber();
        var isUl = Src.IsMatchHere(Rx(ListStartUl));
        var type = isUl ? ElementType.Ul : ElementType.Ol;
        var listStartRe = Rx(isUl ? ListStartUl : ListStartOl);
        var list = NewBlockEl(type);
        list.Location = startLine;

        Element? item = null;
        RubyRegex? contentRe = null, lazyRe = null, indentRe = null;
        var indentation = 0;
        var eobFound = false;
        var nestedListFound = false;
        var lastIsBlank = false;
        while (!Src.Eos)
        {
            startLine = Src.CurrentLineNumber();
            string? result;
            int length;
            if (lastIsBlank && Src.IsMatchHere(Rx(HrStart)))
            {
                break;
            }
            if (Src.Scan(Rx(EobMarker)) is not null)
            {
                eobFound = true;
                break;
            }
            if (Src.ScanLength(listStartRe) >= 0)
            {
                item = new Element(ElementType.Li) { Location = startLine };
                string value;
                (value, indentation) = ParseFirstListLine(ListMarkerGroups());
                (contentRe, lazyRe, indentRe) = ListLineRegexps(indentation);
                list.Children.Add(item);

                value = ApplyListItemIal(value, item);

                listStartRe = FetchPattern(type, indentation);
                nestedListFound = Rx(ListStart).IsMatch(value);
                lastIsBlank = false;
                item.ItemLines = [new StringBuilder(value)];
            }
            else if ((contentRe is not null && (length = Src.ScanLength(contentRe)) >= 0) ||
                     (!lastIsBlank && lazyRe is not null && (length = Src.ScanLength(lazyRe)) >= 0))
            {
                var lineStart = Src.Pos - length;
                var source = Src.String;
                if (source[lineStart] == '\t')
                {
                    // leading tabs: as kramdown does it, on a copy of the line (rare)
                    result = Rx(@"^(\t+)").Unanchored.Replace(source.Substring(lineStart, length), m => new string(' ', 4 * m.Groups[1].Length), 1);
                    var indentMatch = indentRe!.Match(result);
                    var indentationFound = indentMatch.Success;
                    if (indentationFound) result = result.Remove(indentMatch.Index, indentMatch.Length);
                    if (!nestedListFound && indentationFound && Rx(ListStart).IsMatch(result))
                    {
                        item!.ItemLines!.Add(new StringBuilder());
                        nestedListFound = true;
                    }
                    else if (nestedListFound && !indentationFound && Rx(ListStart).IsMatch(result))
                    {
                        result = new string(' ', indentation + 4) + result;
                    }
                    item!.ItemLines![^1].Append(result);
                }
                else
                {
                    // The same without copying the line: /^ {n}/ finds the indentation at the line's start or nowhere
                    // (the line has one newline, at its end), and so does the list start pattern on what follows.
                    var indentationFound = source.AsSpan(lineStart, Math.Min(indentation, length)).IndexOfAnyExcept(' ') < 0 && length >= indentation;
                    var contentStart = indentationFound ? lineStart + indentation : lineStart;
                    var pad = 0;
                    if (!nestedListFound && indentationFound && Src.MatchesAt(Rx(ListStart), contentStart))
                    {
                        item!.ItemLines!.Add(new StringBuilder());
                        nestedListFound = true;
                    }
                    else if (nestedListFound && !indentationFound && Src.MatchesAt(Rx(ListStart), contentStart))
                    {
                        pad = indentation + 4;
                    }
                    item!.ItemLines![^1].Append(' ', pad).Append(source, contentStart, lineStart + length - contentStart);
                }
                lastIsBlank = false;
            }
            else if ((length = Src.ScanLength(Rx(BlankLine))) >= 0)
            {
                nestedListFound = true;
                lastIsBlank = true;
                item!.ItemLines![^1].Append(Src.String, Src.Pos - length, length);
            }
            else
            {
                break;
            }
        }

        Tree!.Children.Add(list);

        Element? last = null;
        foreach (var it in list.Children)
        {
            var temp = new Element(ElementType.Temp) { Location = it.Location };
            var env = SaveEnv();
            var location = it.Location;
            var itemLines = it.ItemLines!;
            for (var i = 0; i < itemLines.Count; i++)
            {
                Src = new Scanner(itemLines[i].ToString(), location);
                itemLines[i] = null!; // the copy is all that is needed now (deep lists hold one per level)
                ParseBlocks(temp);
                location = Src.CurrentLineNumber();
            }
            RestoreEnv(env);

            it.TakeChildrenOf(temp);
            it.ItemLines = null;

            var itChildren = it.Children;
            if (itChildren.Count == 0) continue;

            if (itChildren[0].Type == ElementType.P && itChildren.Count >= 2 && itChildren[1].Type == ElementType.Eob && itChildren[0].Ial is not null)
                itChildren.RemoveAt(1);

            if (itChildren[0].Type == ElementType.P &&
                (itChildren.Count < 2 || itChildren[1].Type != ElementType.Blank ||
                 (it == list.Children[^1] && itChildren.Count == 2 && !eobFound)) &&
                (list.Children[^1] != it || list.Children.Count == 1 ||
                 list.Children.Take(list.Children.Count - 1).Any(cit =>
                     !cit.HasChildren || cit.Children[0].Type != ElementType.P || cit.Children[0].Transparent)))
            {
                if (itChildren.Count > 1 && itChildren[1].Type != ElementType.Blank && itChildren[0].HasChildren)
                    itChildren[0].AppendToFirstChild("\n");
                itChildren[0].Transparent = true;
            }

            if (itChildren[^1].Type == ElementType.Blank)
            {
                last = itChildren[^1];
                itChildren.RemoveAt(itChildren.Count - 1);
            }
            else
            {
                last = null;
            }
        }

        if (last is not null && !eobFound) Tree.Children.Add(last);
        return true;
    }

    /// <summary>Removes a leading <c>{: ...}</c> from a list item's first line into the item's IAL.</summary>
    private string ApplyListItemIal(string value, Element item) =>
        Rx(ListItemIal).Unanchored.Replace(value, m =>
        {
            ParseAttributeList(m.Groups[1].Value, item.Ial ??= new Ial());
            return "";
        }, 1);

    private bool ParseDefinitionList()
    {
        var children = Tree!.Children;
        if (children.Count == 0 || (children.Count == 1 && children[^1].Type != ElementType.P) ||
            (children.Count >= 2 && children[^1].Type != ElementType.P &&
             (children[^1].Type != ElementType.Blank || children[^1].Value != "\n" || children[^2].Type != ElementType.P)))
            return false;

        var firstAsPara = false;
        var deflist = NewBlockEl(ElementType.Dl);
        var para = children[^1];
        children.RemoveAt(children.Count - 1);
        if (para.Type == ElementType.Blank)
        {
            para = children[^1];
            children.RemoveAt(children.Count - 1);
            firstAsPara = true;
        }
        deflist.Location = para.Location;
        foreach (var rawTerm in RubySplitString(para.Children[0].Value ?? "", '\n'))
        {
            var el = new Element(ElementType.Dt) { Location = Src.CurrentLineNumber() };
            var term = ApplyListItemIal(rawTerm, el);
            el.RawText = term;
            el.AddRawText(term, 0);
            deflist.Children.Add(el);
        }
        deflist.Ial = para.Ial;

        Element? item = null;
        RubyRegex? contentRe = null, lazyRe = null, indentRe = null;
        var defStartRe = Rx(DefinitionListStart);
        var lastIsBlank = false;
        while (!Src.Eos)
        {
            var startLine = Src.CurrentLineNumber();
            string? result;
            if (Src.ScanLength(defStartRe) >= 0)
            {
                item = new Element(ElementType.Dd) { Location = startLine, FirstAsPara = firstAsPara };
                var (value, indentation) = ParseFirstListLine(ListMarkerGroups());
                (contentRe, lazyRe, indentRe) = ListLineRegexps(indentation);
                deflist.Children.Add(item);
                value = ApplyListItemIal(value, item);
                item.ItemLines = [new StringBuilder(value)];
                defStartRe = FetchPattern(ElementType.Dl, indentation);
                firstAsPara = false;
                lastIsBlank = false;
            }
            else if (Src.IsMatchHere(Rx(EobMarker)))
            {
                break;
            }
            else if ((contentRe is not null && (result = Src.Scan(contentRe)) is not null) ||
                     (!lastIsBlank && lazyRe is not null && (result = Src.Scan(lazyRe)) is not null))
            {
                result = Rx(@"^(\t+)").Unanchored.Replace(result, m => new string(' ', 4 * m.Groups[1].Length), 1);
                result = indentRe!.Unanchored.Replace(result, "", 1);
                item!.ItemLines![0].Append(result);
                firstAsPara = false;
                lastIsBlank = false;
            }
            else if ((result = Src.Scan(Rx(BlankLine))) is not null)
            {
                firstAsPara = true;
                item!.ItemLines![0].Append(result);
                lastIsBlank = true;
            }
            else
            {
                break;
            }
        }

        Element? last = null;
        foreach (var it in deflist.Children)
        {
            if (it.Type == ElementType.Dt) continue;
            ParseBlocks(it, it.ItemLines![0].ToString());
            it.ItemLines = null;
            var itChildren = it.Children;
            if (itChildren.Count == 0) continue;

            if (itChildren[^1].Type == ElementType.Blank)
            {
                last = itChildren[^1];
                itChildren.RemoveAt(itChildren.Count - 1);
            }
            else
            {
                last = null;
            }

            var wasFirstAsPara = it.FirstAsPara;
            it.FirstAsPara = false;
            if (itChildren.Count > 0 && itChildren[0].Type == ElementType.P && !wasFirstAsPara)
            {
                if (itChildren.Count > 1 && itChildren[0].HasChildren) itChildren[0].AppendToFirstChild("\n");
                itChildren[0].Transparent = true;
            }
        }

        children = Tree.Children;
        if (children.Count >= 1 && children[^1].Type == ElementType.Dl)
        {
            children[^1].Children.AddRange(deflist.Children);
        }
        else if (children.Count >= 2 && children[^1].Type == ElementType.Blank && children[^2].Type == ElementType.Dl)
        {
            children.RemoveAt(children.Count - 1);
            children[^1].Children.AddRange(deflist.Children);
        }
        else
        {
            children.Add(deflist);
        }
        if (last is not null) children.Add(last);
        return true;
    }
}
