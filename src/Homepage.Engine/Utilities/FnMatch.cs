namespace Homepage.Engine.Utilities;

/// <summary>
/// Ruby's <c>File.fnmatch?(pattern, path)</c> with no flags, as Jekyll's include/exclude use it:
/// <c>*</c> matches any run of characters including <c>/</c>, <c>?</c> one character, <c>[...]</c> a class
/// (<c>[!...]</c>/<c>[^...]</c> negated, ranges), <c>\</c> escapes; a leading period must be matched literally.
/// </summary>
public static class FnMatch
{
    public static bool IsMatch(string pattern, string path)
    {
        if (path.Length > 0 && path[0] == '.' && (pattern.Length == 0 || pattern[0] != '.'))
        {
            // Without FNM_DOTMATCH a leading period is not matched by a wildcard.
            if (pattern.Length == 0 || pattern[0] is '*' or '?' or '[') return false;
        }
        return Match(pattern, 0, path, 0);
    }

    private static bool Match(string p, int pi, string s, int si)
    {
        int starP = -1, starS = -1;
        while (si < s.Length)
        {
            if (pi < p.Length)
            {
                var c = p[pi];
                if (c == '*')
                {
                    while (pi < p.Length && p[pi] == '*') pi++;
                    if (pi == p.Length) return true;
                    starP = pi;
                    starS = si;
                    continue;
                }
                if (c == '?')
                {
                    pi++;
                    si++;
                    continue;
                }
                if (c == '[')
                {
                    var end = MatchClass(p, pi, s[si], out var matched);
                    if (end > 0 && matched)
                    {
                        pi = end;
                        si++;
                        continue;
                    }
                    if (end < 0 && s[si] == '[') // an unterminated class is a literal '['
                    {
                        pi++;
                        si++;
                        continue;
                    }
                }
                else
                {
                    if (c == '\\' && pi + 1 < p.Length) c = p[++pi];
                    if (c == s[si])
                    {
                        pi++;
                        si++;
                        continue;
                    }
                }
            }
            if (starP < 0) return false;
            pi = starP;
            si = ++starS;
        }
        while (pi < p.Length && p[pi] == '*') pi++;
        return pi == p.Length;
    }

    /// <summary>Returns the index after the class, or -1 when the class is not terminated.</summary>
    private static int MatchClass(string p, int start, char ch, out bool matched)
    {
        matched = false;
        var i = start + 1;
        var negate = false;
        if (i < p.Length && (p[i] == '!' || p[i] == '^'))
        {
            negate = true;
            i++;
        }
        var found = false;
        var first = true;
        while (i < p.Length && (p[i] != ']' || first))
        {
            first = false;
            var lo = p[i];
            if (lo == '\\' && i + 1 < p.Length) lo = p[++i];
            i++;
            var hi = lo;
            if (i + 1 < p.Length && p[i] == '-' && p[i + 1] != ']')
            {
                hi = p[i + 1];
                if (hi == '\\' && i + 2 < p.Length) hi = p[i + 2 - 0 + 0];
                i += 2;
            }
            if (ch >= lo && ch <= hi) found = true;
        }
        if (i >= p.Length) return -1;
        matched = found != negate;
        return i + 1;
    }
}
