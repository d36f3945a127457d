namespace Homepage.Rouge;

/// <summary>
/// The characters a rule's pattern can start its match with, from a conservative reading of the Ruby source: literal
/// characters, simple character classes and groups of such alternatives, after zero-width assertions. Null when the
/// pattern could start with anything or the reading is not sure (a negated class, '.', an optional first atom, an
/// extended pattern), so a rule is only ever skipped when it cannot match.
/// </summary>
internal static class FirstChars
{
    /// <summary>Stands in the set for "any character beyond ASCII" (from Unicode classes such as [[:alpha:]]).</summary>
    public const char NonAscii = '\uFFFF';

    public static string? Of(string source, bool ignoreCase, bool extended)
    {
        if (extended) return null;
        var i = 0;
        var set = new HashSet<char>();
        if (!Alternatives(source, ref i, set) || i != source.Length) return null;
        if (ignoreCase)
            foreach (var c in set.ToList())
            {
                set.Add(char.ToUpperInvariant(c));
                set.Add(char.ToLowerInvariant(c));
            }
        return new string(set.Order().ToArray());
    }

    /// <summary>
    /// alt ('|' alt)* up to ')' or the end: adds the characters any alternative can start with; false when some
    /// alternative is not understood. <paramref name="nullable"/> tells whether some alternative can match nothing.
    /// </summary>
    private static bool Alternatives(string s, ref int i, HashSet<char> set) => Alternatives(s, ref i, set, out var nullable) && !nullable;

    private static bool Alternatives(string s, ref int i, HashSet<char> set, out bool nullable)
    {
        nullable = false;
        while (true)
        {
            if (!Sequence(s, ref i, set, out var seqNullable)) return false;
            nullable |= seqNullable;
            if (i < s.Length && s[i] == '|')
            {
                i++;
                continue;
            }
            return true;
        }
    }

    /// <summary>
    /// The characters a sequence can start with: those of its first atom, and of the next ones while the atoms before
    /// can match nothing. The rest of the sequence is skipped to the next '|' or ')'.
    /// </summary>
    private static bool Sequence(string s, ref int i, HashSet<char> set, out bool nullable)
    {
        nullable = true;
        while (i < s.Length && s[i] is not ('|' or ')'))
        {
            // zero-width assertions match nothing
            if (s[i] is '^' or '$') { i++; continue; }
            if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] is 'b' or 'B' or 'A' or 'G' or 'z' or 'Z') { i += 2; continue; }
            if (s.AsSpan(i).StartsWith("(?=") || s.AsSpan(i).StartsWith("(?!") || s.AsSpan(i).StartsWith("(?<=") || s.AsSpan(i).StartsWith("(?<!"))
            {
                if (!SkipGroup(s, ref i)) return false;
                continue;
            }
            var atom = new HashSet<char>();
            var atomNullable = false;
            var c = s[i];
            if (c == '(')
            {
                i++;
                if (s.AsSpan(i).StartsWith("?:")) i += 2;
                else if (s.AsSpan(i).StartsWith("?<") && i + 2 < s.Length && char.IsLetter(s[i + 2]))
                {
                    var close = s.IndexOf('>', i);
                    if (close < 0) return false;
                    i = close + 1;
                }
                else if (i < s.Length && s[i] == '?') return false;
                if (!Alternatives(s, ref i, atom, out atomNullable) || i >= s.Length || s[i] != ')') return false;
                i++;
            }
            else if (c == '[')
            {
                if (!Class(s, ref i, atom)) return false;
            }
            else if (c == '\\')
            {
                if (i + 1 >= s.Length) return false;
                var e = s[i + 1];
                if (AsciiClass(e) is { } cls)
                {
                    atom.UnionWith(cls);
                }
                else
                {
                    char? literal = e switch
                    {
                        'n' => '\n', 't' => '\t', 'r' => '\r', 'f' => '\f', 'v' => '\v',
                        _ when !char.IsLetterOrDigit(e) => e,
                        _ => null,
                    };
                    if (literal is null) return false;
                    atom.Add(literal.Value);
                }
                i += 2;
            }
            else if (c is '.' or '*' or '+' or '?' or ']')
            {
                return false;
            }
            else
            {
                atom.Add(c);
                i++;
            }
            // a quantifier that allows zero repetitions makes the atom optional
            if (i < s.Length && (s[i] is '?' or '*' || s.AsSpan(i).StartsWith("{0") || s.AsSpan(i).StartsWith("{,")))
                atomNullable = true;
            SkipQuantifier(s, ref i);
            set.UnionWith(atom);
            if (!atomNullable)
            {
                nullable = false;
                SkipToAlternativeEnd(s, ref i);
                return true;
            }
        }
        return true;
    }

    /// <summary>Moves past a quantifier (with its lazy or possessive mark) after an atom.</summary>
    private static void SkipQuantifier(string s, ref int i)
    {
        if (i >= s.Length) return;
        if (s[i] is '?' or '*' or '+') i++;
        else if (s[i] == '{')
        {
            var close = s.IndexOf('}', i);
            if (close < 0) return;
            i = close + 1;
        }
        else return;
        if (i < s.Length && s[i] is '?' or '+') i++;
    }

    /// <summary>A simple class: literal characters, escapes of punctuation and ranges; no negation or named classes.</summary>
    private static bool Class(string s, ref int i, HashSet<char> set)
    {
        if (s.AsSpan(i).StartsWith(@"[^\S\n]"))
        {
            set.UnionWith(" \t\v\f\r");
            i += 7;
            return true;
        }
        i++; // '['
        if (i < s.Length && s[i] == '^') return false;
        var first = true;
        while (i < s.Length && (s[i] != ']' || first))
        {
            first = false;
            char c;
            if (s[i] == '[')
            {
                // a POSIX class: its ASCII members, and any non-ASCII character for the Unicode ones
                var close = s.IndexOf(":]", i, StringComparison.Ordinal);
                if (!s.AsSpan(i).StartsWith("[:") || close < 0 || Posix(s[(i + 2)..close]) is not { } posix) return false;
                set.UnionWith(posix);
                i = close + 2;
                continue;
            }
            if (s[i] == '\\' && i + 1 < s.Length && AsciiClass(s[i + 1]) is { } cls)
            {
                set.UnionWith(cls);
                i += 2;
                continue;
            }
            if (s[i] == '\\')
            {
                if (i + 1 >= s.Length) return false;
                var e = s[i + 1];
                c = e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'f' => '\f', 'v' => '\v', _ => e };
                if (char.IsLetterOrDigit(e) && e is not ('n' or 't' or 'r' or 'f' or 'v')) return false;
                i += 2;
            }
            else
            {
                c = s[i++];
            }
            if (i + 1 < s.Length && s[i] == '-' && s[i + 1] != ']')
            {
                var hi = s[i + 1];
                if (hi == '\\' || hi == '[') return false;
                for (var x = c; x <= hi; x++) set.Add(x);
                i += 2;
                continue;
            }
            set.Add(c);
        }
        if (i >= s.Length) return false;
        i++; // ']'
        return true;
    }

    private const string AsciiLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    /// <summary>Ruby's ASCII escapes \d \s \w \h as sets (null for any other letter).</summary>
    private static string? AsciiClass(char e) => e switch
    {
        'd' => Digits,
        's' => " \t\n\v\f\r",
        'w' => AsciiLetters + Digits + "_",
        'h' => Digits + "abcdefABCDEF",
        _ => null,
    };

    /// <summary>Onigmo's POSIX classes are Unicode: their ASCII members plus "anything beyond ASCII".</summary>
    private static string? Posix(string name) => name switch
    {
        "alpha" => AsciiLetters + NonAscii,
        "alnum" => AsciiLetters + Digits + NonAscii,
        "word" => AsciiLetters + Digits + "_" + NonAscii,
        "upper" => "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + NonAscii,
        "lower" => "abcdefghijklmnopqrstuvwxyz" + NonAscii,
        "digit" => Digits + NonAscii,
        _ => null,
    };

    /// <summary>Skips a parenthesised group with its nesting, classes and escapes.</summary>
    private static bool SkipGroup(string s, ref int i)
    {
        var depth = 0;
        var inClass = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') { inClass = true; continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) { i++; return true; }
        }
        return false;
    }

    /// <summary>Moves to the '|' or ')' that ends the current alternative (or the end).</summary>
    private static void SkipToAlternativeEnd(string s, ref int i)
    {
        var inClass = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') { inClass = true; continue; }
            if (c == '(') { if (!SkipGroup(s, ref i)) { i = s.Length; return; } i--; continue; }
            if (c is '|' or ')') return;
        }
    }
}
