using Homepage.Onigmo;
using static Homepage.Kramdown.Parsing.Patterns;
using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Kramdown.Parsing;

/// <summary>
/// Hand-written equivalents of kramdown's most frequently tried simple patterns, anchored at a position (each returns
/// the match length or -1). They change nothing but speed: a regex call costs far more than these loops, and these
/// patterns are tried on nearly every line or span. Each one mirrors the Ruby pattern named beside it.
/// </summary>
internal static class FastMatchers
{
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    /// <summary>Attaches the matchers to the shared pattern instances (once).</summary>
    public static void Register()
    {
        // BLANK_LINE = /(?>^\s*\n)+/: whitespace up to and including the last newline of the whitespace run
        Rx(BlankLine).WithFast(static (s, p) =>
        {
            var last = -1;
            for (var i = p; i < s.Length && IsSpace(s[i]); i++)
                if (s[i] == '\n') last = i;
            return last < 0 ? -1 : last + 1 - p;
        });
        // PARAGRAPH_MATCH = /^.*?\n/: the rest of the line with its newline
        Rx(ParagraphMatch).WithFast(static (s, p) =>
        {
            var nl = s.IndexOf('\n', p);
            return nl < 0 ? -1 : nl + 1 - p;
        });
        // EOB_MARKER = /^\^\s*?\n/: a caret, blanks, the first newline
        Rx(EobMarker).WithFast(static (s, p) =>
        {
            if (p >= s.Length || s[p] != '^') return -1;
            var i = p + 1;
            while (i < s.Length && s[i] is ' ' or '\t' or '\v' or '\f' or '\r') i++;
            return i < s.Length && s[i] == '\n' ? i + 1 - p : -1;
        });
        // EMPHASIS_START = /(?:\*\*?|__?)/
        Rx(EmphasisStart).WithFast(static (s, p) =>
            p < s.Length && s[p] is '*' or '_' ? (p + 1 < s.Length && s[p + 1] == s[p] ? 2 : 1) : -1);
        // CODESPAN_DELIMITER = /`+/
        Rx(CodespanDelimiter).WithFast(static (s, p) =>
        {
            var i = p;
            while (i < s.Length && s[i] == '`') i++;
            return i > p ? i - p : -1;
        });
        // TRAILING_WHITESPACE = /[ \t]*\n/
        Rx(TrailingWhitespace).WithFast(static (s, p) =>
        {
            var i = p;
            while (i < s.Length && s[i] is ' ' or '\t') i++;
            return i < s.Length && s[i] == '\n' ? i + 1 - p : -1;
        });
        // /\s/: one whitespace character (emphasis and code span checks)
        Rx(@"\s").WithFast(static (s, p) => p < s.Length && IsSpace(s[p]) ? 1 : -1);
        // LINK_START = /!?\[(?=[^^])/
        Rx(LinkStart).WithFast(static (s, p) =>
        {
            var i = p < s.Length && s[p] == '!' ? p + 1 : p;
            return i + 1 < s.Length && s[i] == '[' && s[i + 1] != '^' ? i + 1 - p : -1;
        });
    }
}
