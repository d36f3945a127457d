using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Homepage.Onigmo;

/// <summary>
/// Ruby regular expressions in .NET. kramdown's patterns are written for Onigmo, where <c>^</c>/<c>$</c> work per line,
/// <c>\s</c>, <c>\w</c> and <c>\d</c> are ASCII and POSIX classes such as <c>[[:alpha:]]</c> are Unicode. <see cref="Rx"/>
/// translates that syntax, and every pattern has an anchored twin (<c>\G</c>) for the scanner's <c>scan</c>/<c>check</c>.
/// </summary>
public sealed class RubyRegex
{
    private const string Space = @" \t\n\v\f\r";
    private const string Word = "a-zA-Z0-9_";
    private const string Alpha = @"\p{L}\p{M}\p{Nl}";
    private const string Alnum = @"\p{L}\p{M}\p{Nl}\p{Nd}";
    private const string UnicodeWord = @"\p{L}\p{M}\p{Nd}\p{Pc}";
    private const string XidStart = @"\p{L}\p{Nl}";
    private const string XidContinue = @"\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}";

    private static readonly ConcurrentDictionary<(string, bool, bool, bool), RubyRegex> Cache = new();

    private readonly Lazy<Regex> _anchored;

    private RubyRegex(string source, bool multiline, bool ignoreCase, bool extended)
    {
        Source = source;
        _multiline = multiline;
        _ignoreCase = ignoreCase;
        Extended = extended;
        var options = RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        if (multiline) options |= RegexOptions.Singleline;
        if (ignoreCase) options |= RegexOptions.IgnoreCase;
        if (extended) options |= RegexOptions.IgnorePatternWhitespace;
        var translated = Translate(source, extended);
        Unanchored = new Regex(translated, options);
        _anchored = new Lazy<Regex>(() => new Regex(@"\G(?:" + translated + ")", options));
    }

    /// <summary>The Ruby source of the pattern.</summary>
    public string Source { get; }

    /// <summary>
    /// A hand-written matcher equivalent to the anchored pattern for the hottest simple patterns (the match length at a
    /// position, or -1); the scanner uses it instead of the regex. Only for patterns whose groups nobody reads.
    /// </summary>
    public Func<string, int, int>? Fast { get; private set; }

    /// <summary>Gives the pattern a hand-written matcher (see <see cref="Fast"/>); returns the pattern.</summary>
    public RubyRegex WithFast(Func<string, int, int> fast)
    {
        Fast = fast;
        return this;
    }

    private readonly bool _multiline;
    private readonly bool _ignoreCase;

    /// <summary>Ruby's /i and /x flags of the pattern.</summary>
    public bool IgnoreCase => _ignoreCase;
    public bool Extended { get; }

    /// <summary>The pattern as a group keeping its own flags, for embedding in another (Ruby's <c>(?-mix:...)</c>).</summary>
    public string Embedded => _embedded ??= MakeEmbedded();

    private string? _embedded;

    private string MakeEmbedded()
    {
        var on = (_multiline ? "s" : "") + (_ignoreCase ? "i" : "");
        var off = (_multiline ? "" : "s") + (_ignoreCase ? "" : "i");
        return "(?" + on + (off.Length > 0 ? "-" + off : "") + ":" + Source + ")";
    }

    /// <summary>Searches anywhere (Ruby's <c>=~</c>, <c>scan_until</c>).</summary>
    public Regex Unanchored { get; }

    /// <summary>Matches only at the start position (the scanner's <c>scan</c>, <c>check</c>, <c>match?</c>).</summary>
    public Regex Anchored => _anchored.Value;

    /// <summary>
    /// A pattern from Ruby source; <paramref name="m"/> is Ruby's <c>/m</c> (dot matches newline), <paramref name="i"/> its
    /// <c>/i</c>. For literals and constants: they are looked up by reference first. Patterns built at run time use
    /// <see cref="RxDynamic"/>.
    /// </summary>
    public static RubyRegex Rx(string rubySource, bool m = false, bool i = false, bool x = false)
    {
        // Most patterns are the same string instances on every call: look them up by reference first.
        var byReference = ByReference[(m ? 4 : 0) + (i ? 2 : 0) + (x ? 1 : 0)];
        if (byReference.TryGetValue(rubySource, out var cached)) return cached;
        var regex = RxDynamic(rubySource, m, i, x);
        byReference.AddOrUpdate(rubySource, regex);
        return regex;
    }

    /// <summary>Like <see cref="Rx"/> for a pattern built at run time (a tag name, a delimiter): cached by its text only.</summary>
    public static RubyRegex RxDynamic(string rubySource, bool m = false, bool i = false, bool x = false) =>
        Cache.GetOrAdd((rubySource, m, i, x), static k => new RubyRegex(k.Item1, k.Item2, k.Item3, k.Item4));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, RubyRegex>[] ByReference =
        [new(), new(), new(), new(), new(), new(), new(), new()];

    public Match Match(string input) => Unanchored.Match(input);
    public bool IsMatch(string input) => Unanchored.IsMatch(input);

    public override string ToString() => Source;

    /// <summary>Ruby's <c>Regexp.escape</c>: metacharacters, '#', '-' and whitespace escaped as Ruby escapes them.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            switch (c)
            {
                case '.' or '*' or '?' or '+' or '^' or '$' or '|' or '(' or ')' or '[' or ']' or '{' or '}' or '\\' or '/' or '-' or '#' or ' ':
                    if (c == '/') { sb.Append(c); break; }
                    sb.Append('\\').Append(c);
                    break;
                case '\t': sb.Append(@"\t"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\f': sb.Append(@"\f"); break;
                case '\v': sb.Append(@"\v"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Whether the character at <paramref name="i"/> ends a quantifier (an unescaped * + ? or the } of {n,m}).</summary>
    private static bool IsQuantifierEnd(string source, int i)
    {
        var c = source[i];
        if (c is not ('*' or '+' or '?' or '}')) return false;
        var backslashes = 0;
        for (var j = i - 1; j >= 0 && source[j] == '\\'; j--) backslashes++;
        if (backslashes % 2 == 1) return false;
        if (c == '?' && i > 0 && source[i - 1] == '(') return false;
        if (c == '}') return i > 0 && System.Text.RegularExpressions.Regex.IsMatch(source[..(i + 1)], @"\{\d*,?\d*\}$");
        return !(c == '+' && i > 0 && IsQuantifierEnd(source, i - 1));
    }

    /// <summary>Onigmo's syntax to .NET's: ASCII <c>\s \w \d \h</c>, Unicode POSIX classes and <c>\p{Word}</c>.</summary>
    public static string Translate(string source, bool extended = false)
    {
        var sb = new StringBuilder(source.Length + 32);
        var inClass = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (extended && inClass == 0 && c == '#')
            {
                // a comment in an extended pattern: drop it (it may hold brackets that are not classes)
                while (i + 1 < source.Length && source[i + 1] != '\n') i++;
                continue;
            }
            if (c == '\\' && i + 1 < source.Length)
            {
                var n = source[i + 1];
                string? replacement = n switch
                {
                    's' => inClass > 0 ? Space : "[" + Space + "]",
                    'S' => inClass > 0 ? @"\S" : "[^" + Space + "]",
                    'w' => inClass > 0 ? Word : "[" + Word + "]",
                    'W' => inClass > 0 ? @"\W" : "[^" + Word + "]",
                    'd' => inClass > 0 ? "0-9" : "[0-9]",
                    'D' => inClass > 0 ? @"\D" : "[^0-9]",
                    'h' => inClass > 0 ? "0-9a-fA-F" : "[0-9a-fA-F]",
                    _ => null,
                };
                if (replacement is not null)
                {
                    sb.Append(replacement);
                    i++;
                    continue;
                }
                if (n == 'p' && source.AsSpan(i).StartsWith(@"\p{XID_Start}"))
                {
                    // Unicode identifier start/continue: letters and letter numbers, then marks, digits, connectors
                    sb.Append(inClass > 0 ? XidStart : "[" + XidStart + "]");
                    i += 12;
                    continue;
                }
                if (n == 'p' && source.AsSpan(i).StartsWith(@"\p{XID_Continue}"))
                {
                    sb.Append(inClass > 0 ? XidContinue : "[" + XidContinue + "]");
                    i += 15;
                    continue;
                }
                if (n == 'p' && source.AsSpan(i).StartsWith(@"\p{Word}"))
                {
                    sb.Append(inClass > 0 ? UnicodeWord : "[" + UnicodeWord + "]");
                    i += 7;
                    continue;
                }
                if (n == 'u' && i + 2 < source.Length && source[i + 2] == '{')
                {
                    var end = source.IndexOf('}', i + 3);
                    var cp = Convert.ToInt32(source[(i + 3)..end], 16);
                    sb.Append(cp <= 0xFFFF ? $@"\u{cp:X4}" : char.ConvertFromUtf32(cp));
                    i = end;
                    continue;
                }
                sb.Append(c).Append(n);
                i++;
                continue;
            }
            if (c == '[' && inClass == 0 && source.AsSpan(i).StartsWith(@"[^\S\n]"))
            {
                // "whitespace but a newline" with Ruby's ASCII whitespace
                sb.Append(@"[ \t\v\f\r]");
                i += 6;
                continue;
            }
            if (c == '{' && inClass == 0 && i + 1 < source.Length && source[i + 1] == ',')
            {
                // Onigmo's {,n} is {0,n}
                var close = source.IndexOf('}', i);
                if (close > i + 2 && source.AsSpan(i + 2, close - i - 2).IndexOfAnyExceptInRange('0', '9') < 0)
                {
                    sb.Append("{0").Append(source, i + 1, close - i);
                    i = close;
                    continue;
                }
            }
            if (c == '[')
            {
                if (source.AsSpan(i).StartsWith("[[:") || (inClass > 0 && source.AsSpan(i).StartsWith("[:")))
                {
                    var start = source.AsSpan(i).StartsWith("[[:") ? i + 1 : i;
                    var close = source.IndexOf(":]", start, StringComparison.Ordinal);
                    var name = source[(start + 2)..close];
                    var cls = name switch
                    {
                        "alpha" => Alpha,
                        "alnum" => Alnum,
                        "upper" => @"\p{Lu}",
                        "lower" => @"\p{Ll}",
                        "digit" => "0-9",
                        "space" => @"\s",
                        "punct" => @"\p{P}",
                        "word" => UnicodeWord,
                        _ => throw new ArgumentException("unsupported POSIX class " + name),
                    };
                    if (start == i + 1)
                    {
                        // "[[:alpha:]]" as a whole class, or "[[:alpha:]_...]" opening a class
                        sb.Append('[').Append(cls);
                        i = close + 1;
                        inClass++;
                        continue;
                    }
                    sb.Append(cls);
                    i = close + 1;
                    continue;
                }
                inClass++;
                sb.Append(c);
                if (i + 1 < source.Length && source[i + 1] == '^') { sb.Append('^'); i++; }
                if (i + 1 < source.Length && source[i + 1] == ']') { sb.Append(@"\]"); i++; }
                continue;
            }
            if (c == ']' && inClass > 0)
            {
                inClass--;
                sb.Append(c);
                continue;
            }
            if (inClass == 0 && c == '+' && i > 0 && IsQuantifierEnd(source, i - 1))
            {
                // a possessive quantifier (Onigmo's a*+); .NET has none, and a greedy one matches the same here
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}

