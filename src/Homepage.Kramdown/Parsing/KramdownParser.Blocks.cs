using Homepage.Onigmo;
using System.Text;
using static Homepage.Kramdown.Parsing.Patterns;
using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Kramdown.Parsing;

internal partial class KramdownParser
{
    private bool ParseBlankLine()
    {
        Src.Pos += Src.MatchedSize;
        var children = Tree!.Children;
        if (children.Count > 0 && children[^1].Type == ElementType.Blank)
        {
            var last = children[^1].Unshared();
            children[^1] = last;
            last.Append(Src.Matched);
        }
        else if (Src.MatchedSize == 1 && Src.String[Src.Pos - 1] == '\n' && BlockIal is null)
        {
            children.Add(Element.NewlineBlank);
        }
        else
        {
            children.Add(NewBlockEl(ElementType.Blank, Src.Matched));
        }
        return true;
    }

    private bool ParseEobMarker()
    {
        Src.Pos += Src.MatchedSize;
        Tree!.Children.Add(NewBlockEl(ElementType.Eob));
        return true;
    }

    protected virtual RubyRegex ParagraphEndRe => Rx(ParagraphEnd);

    /// <summary>
    /// False only where no alternative of kramdown's LAZY_END, PARAGRAPH_END or GFM's PARAGRAPH_END_GFM can match: not the
    /// end, not a blank line, no EOB marker, and no '{', '<', ':', list, header, quote or fence character after up to
    /// three spaces.
    /// </summary>
    private static bool MayEndParagraph(string s, int p)
    {
        if (p >= s.Length - 1) return true;
        var i = p;
        while (i < s.Length && s[i] is ' ' or '\t' or '\v' or '\f' or '\r') i++;
        if (i < s.Length && s[i] == '\n') return true;
        if (s[p] == '^') return true;
        return AfterOptSpace(s, p) is '{' or '<' or ':' or '+' or '*' or '-' or (>= '0' and <= '9') or '#' or '>' or '~' or '`';
    }

    private bool ParseParagraph()
    {
        var pos = Src.Pos;
        var startLine = Src.CurrentLineNumber();
        // the paragraph's lines are consecutive: find where they end, then take them in one piece
        var paragraphLine = Rx(ParagraphMatch);
        Src.ScanLength(paragraphLine);
        var end = ParagraphEndRe;
        while (!(MayEndParagraph(Src.String, Src.Pos) && Src.IsMatchHere(end)))
        {
            var line = paragraphLine.Fast!(Src.String, Src.Pos);
            if (line < 0)
            {
                // a last line without its newline (kramdown's source always has one; nested texts might not)
                Src.Terminate();
                break;
            }
            Src.Pos += line;
        }
        var text = Src.String.AsSpan(pos, Src.Pos - pos).TrimEnd(RubyWhitespace).ToString();
        var children = Tree!.Children;
        if (children.Count > 0 && children[^1].Type == ElementType.P)
        {
            var lastChild = children[^1];
            var lastItem = lastChild.HasChildren ? lastChild.Children[^1] : null;
            if (lastItem is not null && lastItem.Type == TextType)
            {
                var joiner = pos >= 3 && string.CompareOrdinal(Src.String, pos - 3, "  \n", 0, 3) == 0 ? "  \n" : "\n";
                lastItem.Append(joiner);
                lastItem.Append(text);
            }
            else
            {
                AddText(text, lastChild, TextType);
            }
        }
        else
        {
            var p = NewBlockEl(ElementType.P);
            p.Location = startLine;
            children.Add(p);
            AddText(LStrip(text), p, TextType);
        }
        return true;
    }

    private bool ParseSetextHeader()
    {
        if (!AfterBlockBoundary()) return false;
        var (text, id) = ParseHeaderContents();
        if (text.Length == 0) return false;
        AddHeader(Src["level"] == "-" ? 2 : 1, text, id);
        return true;
    }

    internal bool ParseAtxHeader()
    {
        if (!AfterBlockBoundary()) return false;
        var (text, id) = ParseHeaderContents();
        var closing = Rx(@"(?<!\\)#+\z").Match(text);
        if (closing.Success) text = RStrip(text.Remove(closing.Index, closing.Length));
        if (text.Length == 0) return false;
        AddHeader(Src["level"]!.Length, text, id);
        return true;
    }

    protected (string Text, string? Id) ParseHeaderContents()
    {
        var text = RStrip(Src["contents"]!);
        var m = Rx(HeaderId).Match(text);
        string? id = null;
        if (m.Success)
        {
            id = m.Groups["id"].Value;
            text = RStrip(text[..^m.Length]);
        }
        return (text, id);
    }

    protected void AddHeader(int level, string text, string? id)
    {
        var startLine = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;
        var el = NewBlockEl(ElementType.Header);
        el.Level = level;
        el.RawText = text;
        el.Location = startLine;
        AddText(text, el, TextType);
        if (id is not null) el.Attr["id"] = id;
        Tree!.Children.Add(el);
    }

    private bool ParseBlockquote()
    {
        var startLine = Src.CurrentLineNumber();
        var result = new StringBuilder(Src.Scan(Rx(ParagraphMatch)));
        while (!(MayEndParagraph(Src.String, Src.Pos) && Src.IsMatchHere(Rx(LazyEnd)))) result.Append(Src.Scan(Rx(ParagraphMatch)));
        var text = Rx(BlockquoteStart).Unanchored.Replace(result.ToString(), "");
        var el = NewBlockEl(ElementType.Blockquote);
        el.Location = startLine;
        Tree!.Children.Add(el);
        ParseBlocks(el, text);
        return true;
    }

    private bool ParseCodeblock()
    {
        var startLine = Src.CurrentLineNumber();
        var data = Src.Scan(Rx(CodeblockMatch))!;
        data = Rx(@"\n( {0,3}\S)").Unanchored.Replace(data, " $1");
        data = Rx(Indent).Unanchored.Replace(data, "");
        var el = NewBlockEl(ElementType.Codeblock, data);
        el.Location = startLine;
        Tree!.Children.Add(el);
        return true;
    }

    protected virtual RubyRegex FencedCodeblockMatchRe => Rx(FencedCodeblockMatch, m: true);

    internal bool ParseCodeblockFenced()
    {
        if (!Src.IsMatchHere(FencedCodeblockMatchRe)) return false;
        var startLine = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;
        var el = NewBlockEl(ElementType.Codeblock, Src[5]);
        el.Location = startLine;
        var lang = Strip(Src[3] ?? "");
        if (lang.Length > 0)
        {
            el.Lang = lang;
            el.Attr["class"] = "language-" + Src[4];
        }
        Tree!.Children.Add(el);
        return true;
    }

    private bool ParseHorizontalRule()
    {
        var startLine = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;
        var el = NewBlockEl(ElementType.Hr);
        el.Location = startLine;
        Tree!.Children.Add(el);
        return true;
    }

    private bool ParseLinkDefinition()
    {
        if (Rx(@"[ \t]+[""']").IsMatch(Src[3] ?? "")) return false;
        Src.Pos += Src.MatchedSize;
        var linkId = NormalizeLinkId(Src[1]!);
        var url = Src[2] ?? Src[3]!;
        var title = Src[5];
        if (LinkDefs.ContainsKey(linkId))
            Warning($"Duplicate link ID '{linkId}' on line {Src.CurrentLineNumber()} - overwriting");
        var eob = NewBlockEl(ElementType.Eob);
        eob.EobKind = "link_def";
        Tree!.Children.Add(eob);
        LinkDefs[linkId] = (url, title, eob);
        return true;
    }

    private bool ParseFootnoteDefinition()
    {
        var startLine = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;
        var name = Src[1]!;
        var body = Rx(Indent).Unanchored.Replace(Src[2]!, "");
        var el = new Element(ElementType.FootnoteDef) { Location = startLine };
        ParseBlocks(el, body);
        if (Footnotes.ContainsKey(name)) Warning($"Duplicate footnote name '{name}' on line {startLine} - overwriting");
        var eob = NewBlockEl(ElementType.Eob);
        eob.EobKind = "footnote_def";
        Tree!.Children.Add(eob);
        Footnotes[name] = new FootnoteData { Content = el, Eob = eob };
        return true;
    }

    private bool ParseAbbrevDefinition()
    {
        var startLine = Src.CurrentLineNumber();
        Src.Pos += Src.MatchedSize;
        var id = Src[1]!;
        var text = Strip(Src[2]!);
        if (AbbrevDefs.ContainsKey(id)) Warning($"Duplicate abbreviation ID '{id}' on line {startLine} - overwriting");
        var eob = NewBlockEl(ElementType.Eob);
        eob.EobKind = "abbrev_def";
        Tree!.Children.Add(eob);
        AbbrevDefs[id] = text;
        AbbrevEobs[id] = eob;
        return true;
    }

    private bool ParseBlockMath()
    {
        var startLine = Src.CurrentLineNumber();
        if (!AfterBlockBoundary()) return false;
        if (Src[1] is not null)
        {
            if (Src[3] is not null) Src.Scan(Rx("^(?:" + OptSpace + @")\\"));
            return false;
        }
        var saved = Src.SavePos();
        Src.Pos += Src.MatchedSize;
        var data = Strip(Src[2]!);
        if (BeforeBlockBoundary())
        {
            var el = NewBlockEl(ElementType.Math, data);
            el.Category = Category.Block;
            el.Location = startLine;
            Tree!.Children.Add(el);
            return true;
        }
        Src.RevertPos(saved);
        return false;
    }

    // ---- tables ----

    private bool ParseTable()
    {
        if (!AfterBlockBoundary()) return false;
        var saved = Src.SavePos();
        var origPos = Src.Pos;
        var table = NewBlockEl(ElementType.Table);
        table.Alignment = [];
        table.Location = Src.CurrentLineNumber();
        var leadingPipe = Rx(@"^\s*\|").IsMatch(Src.Check(Rx(TableLine)) ?? "");
        Src.Scan(Rx(TableSepLine));

        var rows = new List<Element>();
        var hasFooter = false;
        var columns = 0;

        void AddContainer(ElementType type, bool force)
        {
            if (!hasFooter || type != ElementType.Tbody || force)
            {
                var cont = new Element(type);
                cont.SetChildren(rows);
                rows = [];
                table.Children.Add(cont);
            }
        }

        while (!Src.Eos)
        {
            if (!Src.IsMatchHere(Rx(TableLine))) break;
            if (Src.Scan(Rx(TableSepLine)) is not null)
            {
                if (rows.Count == 0)
                {
                }
                else if (table.Alignment.Count == 0 && !hasFooter)
                {
                    var sep = Src[1]!;
                    AddContainer(ElementType.Thead, false);
                    table.Alignment = Rx(TableHsepAlign).Unanchored.Matches(sep).Select(m =>
                    {
                        var left = m.Groups[1].Value;
                        var right = m.Groups[2].Value;
                        return left.Length == 0 && right.Length == 0 ? Alignment.Default
                            : right.Length == 0 ? Alignment.Left
                            : left.Length == 0 ? Alignment.Right
                            : Alignment.Center;
                    }).ToList();
                }
                else
                {
                    AddContainer(ElementType.Tbody, false);
                }
            }
            else if (Src.Scan(Rx(TableFsepLine)) is not null)
            {
                if (rows.Count > 0) AddContainer(ElementType.Tbody, true);
                hasFooter = true;
            }
            else if (Src.Scan(Rx(TableRowLine)) is not null)
            {
                var trow = new Element(ElementType.Tr);
                var rowText = Src[1]!;
                var rowLine = Src.CurrentLineNumber();
                var env = SaveEnv();
                var cells = new List<string>();
                void AppendCell(string s)
                {
                    if (cells.Count == 0) cells.Add(s);
                    else cells[^1] += s;
                }
                var parts = RubySplit(Rx(@"(<code.*?>.*?<\/code>)"), rowText);
                for (var i = 0; i < parts.Count; i++)
                {
                    var str = parts[i];
                    if (i % 2 == 1)
                    {
                        AppendCell(str);
                        continue;
                    }
                    ResetEnv(new Scanner(str, rowLine));
                    var root = new Element(ElementType.Root);
                    ParseSpans(root, null, CodespanOnly);
                    foreach (var c in root.Children)
                    {
                        if (c.Type == ElementType.RawText)
                        {
                            var pieces = Rx(@"(?<!\\)\|").Unanchored.Split(c.Value!).Select(t => t.Replace("\\|", "|")).ToList();
                            AppendCell(pieces[0]);
                            cells.AddRange(pieces.Skip(1));
                        }
                        else
                        {
                            var runs = Rx("`+").Unanchored.Matches(c.Value!).Select(m => m.Value).ToList();
                            var delim = (runs.Count > 0 ? runs.Max(StringComparer.Ordinal) : "") + "`";
                            var pad = delim.Length > 1 ? " " : "";
                            AppendCell(delim + pad + c.Value + pad + delim);
                        }
                    }
                }
                RestoreEnv(env);

                if (leadingPipe && cells.Count > 0 && Strip(cells[0]).Length == 0) cells.RemoveAt(0);
                if (cells.Count > 0 && Strip(cells[^1]).Length == 0) cells.RemoveAt(cells.Count - 1);
                foreach (var cellText in cells)
                {
                    var tcell = new Element(ElementType.Td);
                    tcell.AddRawText(Strip(cellText), 0);
                    trow.Children.Add(tcell);
                }
                columns = Math.Max(columns, cells.Count);
                rows.Add(trow);
            }
            else
            {
                break;
            }
        }

        if (!BeforeBlockBoundary())
        {
            Src.RevertPos(saved);
            return false;
        }

        var env2 = SaveEnv();
        var lSrc = new Scanner(Src.String[origPos..(Src.Pos - 1)], Src.CurrentLineNumber());
        ResetEnv(lSrc);
        var root2 = new Element(ElementType.Root);
        ParseSpans(root2, null, CodespanAndHtml);
        RestoreEnv(env2);

        var pipeOnLine = false;
        var pipeCheck = Rx("^(?:" + TablePipeCheck + ")");
        foreach (var c in root2.Children)
        {
            if (c.Value is not { } value) continue;
            var lines = RubySplitString(value, '\n');
            if (c.Type == ElementType.Codespan)
            {
                if (lines.Count > 2 || (lines.Count == 2 && !pipeOnLine)) break;
                if (lines.Count == 2 && pipeOnLine) pipeOnLine = false;
            }
            else
            {
                if (lines.Count > 1 && !pipeOnLine && !pipeCheck.IsMatch(lines[0])) break;
                pipeOnLine = (lines.Count > 1 ? false : pipeOnLine) || (lines.Count > 0 && pipeCheck.IsMatch(lines[^1]));
            }
        }
        if (!pipeOnLine)
        {
            Src.RevertPos(saved);
            return false;
        }

        if (rows.Count > 0) AddContainer(hasFooter ? ElementType.Tfoot : ElementType.Tbody, false);

        if (!table.Children.Any(e => e.Type == ElementType.Tbody))
        {
            Warning($"Found table without body on line {table.Location} - ignoring it");
            Src.RevertPos(saved);
            return false;
        }

        foreach (var kind in table.Children)
            foreach (var row in kind.Children)
                for (var n = row.Children.Count; n < columns; n++) row.Children.Add(new Element(ElementType.Td));
        if (table.Alignment.Count > columns) table.Alignment = table.Alignment.Take(columns).ToList();
        else while (table.Alignment.Count < columns) table.Alignment.Add(Alignment.Default);

        Tree!.Children.Add(table);
        return true;
    }

    /// <summary>Ruby's <c>String#split(regexp)</c>: captures included, trailing empty strings dropped.</summary>
    protected static List<string> RubySplit(RubyRegex re, string s)
    {
        if (s.Length == 0) return [];
        var parts = re.Unanchored.Split(s).ToList();
        while (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        return parts;
    }

    /// <summary>Ruby's <c>String#split(str)</c>: trailing empty strings dropped.</summary>
    protected static List<string> RubySplitString(string s, char separator)
    {
        var parts = s.Split(separator).ToList();
        while (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        return parts;
    }
}
