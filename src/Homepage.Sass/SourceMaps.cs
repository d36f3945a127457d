using System.Text;

namespace Homepage.Sass;

/// <summary>
/// Source maps (v3) as libsass 3.6 writes them. libsass maps tokens, not lines: as its emitter prints a node it records
/// the node's start (an "open" mapping) before the text and its end (a "close" mapping) after it: each simple selector,
/// the first selector of a rule (its selector list), a block's braces, a property name, each item of a value, a comment,
/// an <c>@media</c> keyword. Columns count characters.
/// </summary>
internal static class SourceMaps
{
    /// <summary>The tokens of a computed value as <see cref="SassValue.ToCss"/> prints it: each item of a list (nulls left out)
    /// with where it was written or computed. Null when the printed text is not <paramref name="expected"/> (no tokens then).</summary>
    public static IReadOnlyList<(int Start, int End, SourceRange Range)>? ValueTokens(SassValue value, bool compressed, string expected)
    {
        var tokens = new List<(int, int, SourceRange)>();
        var sb = new StringBuilder();
        Walk(value);
        return sb.ToString() == expected ? tokens : null;

        void Walk(SassValue v)
        {
            if (v is SassList list)
            {
                if (list.Bracketed) sb.Append('[');
                var separator = list.Separator == "," ? (compressed ? "," : ", ") : " ";
                var first = true;
                foreach (var item in list.Items)
                {
                    if (item is SassNull) continue;
                    if (!first) sb.Append(separator);
                    first = false;
                    Walk(item);
                }
                if (list.Bracketed) sb.Append(']');
                return;
            }
            var start = sb.Length;
            sb.Append(v.ToCss(compressed));
            if (v.Origin is { } origin) tokens.Add((start, sb.Length, origin));
        }
    }

    /// <summary>One mapping libsass records for a selector: emitted at text index <see cref="Emit"/>, pointing at text index
    /// <see cref="Point"/>; the mapping of a token itself (after which the first token of a rule also maps the rule's start).</summary>
    public readonly record struct SelectorMark(int Emit, int Point, bool TokenOpen = false);

    /// <summary>One simple selector of a selector's text with the mappings libsass records for it (a parent reference
    /// <c>&amp;</c> has none: it stands for the parent's tokens).</summary>
    public sealed record SelectorToken(int Start, bool Parent, IReadOnlyList<SelectorMark> Marks);

    /// <summary>The simple selectors of <paramref name="selector"/> in order, each with its mappings as libsass makes them:
    /// a type, universal, class, id or placeholder selector from its start to its end; a pseudo selector from its name
    /// (from its colon for <c>:not(</c>) to its <c>(</c>, then its argument (a static one like
    /// <c>2n+1</c> as one token, a selector by its own tokens); an attribute selector from its <c>[</c>.</summary>
    public static List<SelectorToken> SimpleSelectors(string selector)
    {
        var tokens = new List<SelectorToken>();
        Scan(selector, 0, selector.Length, tokens);
        return tokens;
    }

    private static void Scan(string selector, int i, int end, List<SelectorToken> tokens)
    {
        while (i < end)
        {
            var c = selector[i];
            if (char.IsWhiteSpace(c) || c is ',' or '>' or '+' or '~' or ')') { i++; continue; }
            if (c == '&')
            {
                // &-suffix extends the parent's last simple selector, which keeps its place
                var after = NameEnd(selector, i + 1);
                tokens.Add(new SelectorToken(i, true, []));
                i = after;
                continue;
            }
            if (c == '[')
            {
                var close = Close(selector, i, '[', ']');
                var nameStart = i + 1;
                while (nameStart < close && char.IsWhiteSpace(selector[nameStart])) nameStart++;
                var nameEnd = NameEnd(selector, nameStart);
                if (nameEnd < close && selector[nameEnd] == '|') nameEnd = NameEnd(selector, nameEnd + 1);
                var marks = new List<SelectorMark> { new(nameStart, i), new(nameStart, i, true), new(nameEnd, i + 1) };
                var valueStart = nameEnd;
                while (valueStart < close && (char.IsWhiteSpace(selector[valueStart]) || selector[valueStart] is '=' or '~' or '|' or '^' or '$' or '*')) valueStart++;
                if (valueStart < close - 1)
                {
                    var quoted = selector[valueStart] is '"' or '\'';
                    var valueEnd = quoted ? Parser.StringEnd(selector, valueStart) : NameEnd(selector, valueStart);
                    // a quoted value is placed where it is written; an identifier where the attribute starts
                    marks.Add(new SelectorMark(valueStart, quoted ? valueStart : i));
                    marks.Add(new SelectorMark(valueEnd, quoted ? valueEnd : i + 1));
                    marks.Add(new SelectorMark(valueEnd, i + 1));
                }
                else marks.Add(new SelectorMark(nameEnd, i + 1));
                tokens.Add(new SelectorToken(i, false, marks));
                i = close;
                continue;
            }
            if (c == ':')
            {
                var colon = i;
                while (i < end && selector[i] == ':') i++;
                var nameStart = i;
                i = NameEnd(selector, i);
                var name = selector[nameStart..i];
                if (i < end && selector[i] == '(')
                {
                    var close = Close(selector, i, '(', ')');
                    var from = name == "not" ? colon : nameStart;
                    var marks = new List<SelectorMark> { new(nameStart, from, true), new(i, i + 1) };
                    var argumentStart = i + 1;
                    var argumentEnd = close - 1;
                    while (argumentStart < argumentEnd && char.IsWhiteSpace(selector[argumentStart])) argumentStart++;
                    while (argumentEnd > argumentStart && char.IsWhiteSpace(selector[argumentEnd - 1])) argumentEnd--;
                    tokens.Add(new SelectorToken(colon, false, marks));
                    if (StaticArgument(selector[argumentStart..argumentEnd]))
                        tokens.Add(new SelectorToken(argumentStart, false, [new(argumentStart, argumentStart, true), new(argumentEnd, argumentEnd)]));
                    else Scan(selector, argumentStart, argumentEnd, tokens);
                    i = close;
                }
                else tokens.Add(new SelectorToken(colon, false, [new(nameStart, nameStart, true), new(i, i)]));
                continue;
            }
            var start = i;
            if (c is '.' or '#' or '%' or '*') i++;
            if (c != '*') i = NameEnd(selector, i);
            if (i == start) i++; // anything else: one character, so the scan always moves on
            tokens.Add(new SelectorToken(start, false, [new(start, start, true), new(i, i)]));
        }
    }

    /// <summary>A pseudo selector's argument libsass keeps as one string: An+B, odd, even, a number.</summary>
    internal static bool StaticArgument(string argument) =>
        System.Text.RegularExpressions.Regex.IsMatch(argument, @"^([+-]?\d*n\s*([+-]\s*\d+)?|[+-]?\d+|odd|even)$");

    private static int NameEnd(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length) { i += 2; continue; }
            if (char.IsLetterOrDigit(c) || c is '-' or '_' or '%' || c > 127) { i++; continue; }
            if (c == '#' && i + 1 < text.Length && text[i + 1] == '{') { i = Parser.InterpolationEnd(text, i); continue; }
            break;
        }
        return i;
    }

    private static int Close(string text, int open, char opening, char closing)
    {
        var depth = 0;
        for (var j = open; j < text.Length; j++)
        {
            if (text[j] == opening) depth++;
            else if (text[j] == closing && --depth == 0) return j + 1;
        }
        return text.Length;
    }

    /// <summary>libsass's VLQ: the sign in the lowest bit, five bits a digit, least significant first.</summary>
    private static void Vlq(StringBuilder sb, int value)
    {
        const string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var v = value < 0 ? (-value << 1) | 1 : value << 1;
        do
        {
            var digit = v & 31;
            v >>= 5;
            if (v > 0) digit |= 32;
            sb.Append(digits[digit]);
        } while (v > 0);
    }

    /// <summary>The <c>mappings</c> string of mappings in the order they were recorded.</summary>
    public static string Mappings(IReadOnlyList<(int Line, int Column, SourcePoint Source)> mappings, Func<string, int> fileIndex)
    {
        var sb = new StringBuilder();
        int previousLine = 0, previousColumn = 0, previousSourceLine = 0, previousSourceColumn = 0, previousFile = 0;
        for (var i = 0; i < mappings.Count; i++)
        {
            var (line, column, source) = mappings[i];
            if (line != previousLine)
            {
                previousColumn = 0;
                if (line > previousLine)
                {
                    sb.Append(';', line - previousLine);
                    previousLine = line;
                }
            }
            else if (i > 0) sb.Append(',');
            var file = fileIndex(source.File);
            Vlq(sb, column - previousColumn);
            previousColumn = column;
            Vlq(sb, file - previousFile);
            previousFile = file;
            Vlq(sb, source.Line - previousSourceLine);
            previousSourceLine = source.Line;
            Vlq(sb, source.Column - previousSourceColumn);
            previousSourceColumn = source.Column;
        }
        return sb.ToString();
    }

    /// <summary>A JSON string as libsass's json.c writes it.</summary>
    public static void JsonString(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}

/// <summary>The emitter's output with the position libsass would be at, and the mappings recorded along it.</summary>
internal sealed class MappedOutput
{
    private int _scanned;
    private int _line;
    private int _column;

    public MappedOutput(StringBuilder output) => Output = output;

    public StringBuilder Output { get; }
    public List<(int Line, int Column, SourcePoint Source)> Mappings { get; } = new();

    /// <summary>Moves every mapping down (a line printed ahead of the output: the <c>@charset</c> rule).</summary>
    public void ShiftLines(int lines)
    {
        for (var i = 0; i < Mappings.Count; i++) Mappings[i] = Mappings[i] with { Line = Mappings[i].Line + lines };
    }

    /// <summary>Records <paramref name="source"/> at output index <paramref name="index"/> (the end of the output by default).</summary>
    public void Map(SourcePoint? source, int index = -1)
    {
        if (source is not { } point) return;
        Advance(index < 0 ? Output.Length : index);
        Mappings.Add((_line, _column, point));
    }

    private void Advance(int index)
    {
        for (; _scanned < index; _scanned++)
        {
            var c = Output[_scanned];
            if (c == '\n')
            {
                _line++;
                _column = 0;
            }
            else if (!char.IsLowSurrogate(c)) _column++;
        }
    }
}
