using System.Text;

namespace Homepage.Sass;

/// <summary>
/// Source maps (v3) as libsass 3.6 writes them. libsass maps tokens, not lines: as its emitter prints a node it records
/// the node's start (an "open" mapping) before the text and its end (a "close" mapping) after it: each simple selector,
/// the first selector of a rule (its selector list), a block's braces, a property name, each item of a value, a comment,
/// an <c>@media</c> keyword. The generated column counts like libsass (UTF-8 continuation bytes).
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

    /// <summary>One simple selector of a selector's text: its extent, and whether libsass maps it (an attribute selector it
    /// maps otherwise, a parent reference <c>&amp;</c> stands for the parent's tokens).</summary>
    public readonly record struct SelectorToken(int Start, int End, bool Parent, bool Mapped);

    /// <summary>The simple selectors of <paramref name="selector"/> in order: a type, universal, class, id or placeholder
    /// selector whole; a pseudo selector by its name (libsass maps it without the colons and arguments).</summary>
    public static List<SelectorToken> SimpleSelectors(string selector)
    {
        var tokens = new List<SelectorToken>();
        var i = 0;
        while (i < selector.Length)
        {
            var c = selector[i];
            if (char.IsWhiteSpace(c) || c is ',' or '>' or '+' or '~') { i++; continue; }
            if (c == '&')
            {
                // &-suffix extends the parent's last simple selector, which keeps its place
                var end = NameEnd(selector, i + 1);
                tokens.Add(new SelectorToken(i, end, true, false));
                i = end;
                continue;
            }
            if (c == '[')
            {
                var end = Close(selector, i, '[', ']');
                tokens.Add(new SelectorToken(i, end, false, false));
                i = end;
                continue;
            }
            if (c == ':')
            {
                while (i < selector.Length && selector[i] == ':') i++;
                var nameStart = i;
                i = NameEnd(selector, i);
                tokens.Add(new SelectorToken(nameStart, i, false, true));
                if (i < selector.Length && selector[i] == '(') i = Close(selector, i, '(', ')');
                continue;
            }
            if (c == '*')
            {
                tokens.Add(new SelectorToken(i, i + 1, false, true));
                i++;
                continue;
            }
            var start = i;
            if (c is '.' or '#' or '%') i++;
            i = NameEnd(selector, i);
            if (i == start) i++; // anything else: one character, so the scan always moves on
            tokens.Add(new SelectorToken(start, i, false, true));
        }
        return tokens;
    }

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
            else _column += c < 0x80 ? 1 : c < 0x800 ? 1 : char.IsHighSurrogate(c) ? 3 : char.IsLowSurrogate(c) ? 0 : 2;
        }
    }
}
