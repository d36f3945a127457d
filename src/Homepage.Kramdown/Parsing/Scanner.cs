using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Homepage.Kramdown.Parsing;

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

    private static readonly ConcurrentDictionary<(string, bool, bool), RubyRegex> Cache = new();

    private readonly Lazy<Regex> _anchored;

    private RubyRegex(string source, bool multiline, bool ignoreCase)
    {
        Source = source;
        _multiline = multiline;
        _ignoreCase = ignoreCase;
        var options = RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        if (multiline) options |= RegexOptions.Singleline;
        if (ignoreCase) options |= RegexOptions.IgnoreCase;
        var translated = Translate(source);
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

    /// <summary>The pattern as a group keeping its own flags, for embedding in another (Ruby's <c>(?-mix:...)</c>).</summary>
    public string Embedded
    {
        get
        {
            var on = (_multiline ? "s" : "") + (_ignoreCase ? "i" : "");
            var off = (_multiline ? "" : "s") + (_ignoreCase ? "" : "i");
            return "(?" + on + (off.Length > 0 ? "-" + off : "") + ":" + Source + ")";
        }
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
    public static RubyRegex Rx(string rubySource, bool m = false, bool i = false)
    {
        // Most patterns are the same string instances on every call: look them up by reference first.
        var byReference = ByReference[(m ? 2 : 0) + (i ? 1 : 0)];
        if (byReference.TryGetValue(rubySource, out var cached)) return cached;
        var regex = RxDynamic(rubySource, m, i);
        byReference.AddOrUpdate(rubySource, regex);
        return regex;
    }

    /// <summary>Like <see cref="Rx"/> for a pattern built at run time (a tag name, a delimiter): cached by its text only.</summary>
    public static RubyRegex RxDynamic(string rubySource, bool m = false, bool i = false) =>
        Cache.GetOrAdd((rubySource, m, i), static k => new RubyRegex(k.Item1, k.Item2, k.Item3));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, RubyRegex>[] ByReference =
        [new(), new(), new(), new()];

    public Match Match(string input) => Unanchored.Match(input);
    public bool IsMatch(string input) => Unanchored.IsMatch(input);

    public override string ToString() => Source;

    /// <summary>Onigmo's syntax to .NET's: ASCII <c>\s \w \d \h</c>, Unicode POSIX classes and <c>\p{Word}</c>.</summary>
    public static string Translate(string source)
    {
        var sb = new StringBuilder(source.Length + 32);
        var inClass = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
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
            sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>Ruby's <c>StringScanner</c> as kramdown uses it, with line numbers (kramdown's <c>Utils::StringScanner</c>).</summary>
public sealed class Scanner
{
    private int _pos;
    private int _previousPos;
    private int _previousLineNumber;

    public Scanner(string text, int startLineNumber = 1)
    {
        String = text;
        StartLineNumber = startLineNumber == 0 ? 1 : startLineNumber;
        _previousLineNumber = StartLineNumber;
    }

    public string String { get; }
    public int StartLineNumber { get; }

    /// <summary>The last successful regex match, made when a group is asked for (null after a failed match).</summary>
    public Match? LastMatch
    {
        get
        {
            if (_lastMatch is null && _lastRegex is not null && _lastMatchLength >= 0)
                _lastMatch = _lastRegex.Match(String, _lastMatchStart, String.Length - _lastMatchStart);
            return _lastMatch;
        }
        private set
        {
            _lastMatch = value;
            _lastRegex = null;
        }
    }

    private Match? _lastMatch;

    /// <summary>The anchored regex of the last check or scan, for making its Match lazily.</summary>
    private Regex? _lastRegex;

    /// <summary>Where the last match started (for <c>pre_match</c>) and its length (-1: the last match failed).</summary>
    private int _lastMatchStart;
    private int _lastMatchLength = -1;

    public int Pos
    {
        get => _pos;
        set
        {
            if (_pos > value)
            {
                _previousLineNumber = StartLineNumber;
                _previousPos = 0;
            }
            _pos = value;
        }
    }

    public bool Eos => _pos >= String.Length;
    public string Rest => String[_pos..];

    public string Matched => String.Substring(_lastMatchStart, _lastMatchLength);
    public int MatchedSize => _lastMatchLength;

    /// <summary>Group <paramref name="i"/> of the last match, null when it did not take part (Ruby's <c>@src[i]</c>).</summary>
    public string? this[int i] => LastMatch is { } m
        ? (m.Groups[i].Success ? m.Groups[i].Value : null)
        : i == 0 && _lastMatchLength >= 0 ? Matched : null;
    public string? this[string name] => LastMatch is { } m && m.Groups[name].Success ? m.Groups[name].Value : null;

    /// <summary>The text before the last match.</summary>
    public string PreMatch => String[.._lastMatchStart];

    private void Fail()
    {
        LastMatch = null;
        _lastMatchLength = -1;
    }

    /// <summary>Matches at the position: a hand-written matcher when the pattern has one, else the regex.</summary>
    private bool MatchAt(RubyRegex re)
    {
        if (re.Fast is { } fast)
        {
            var length = fast(String, _pos);
            if (length < 0) { Fail(); return false; }
            LastMatch = null;
            _lastMatchStart = _pos;
            _lastMatchLength = length;
            return true;
        }
        // Only the extent of the match is needed unless a group is read; that costs no allocation.
        foreach (var vm in re.Anchored.EnumerateMatches(String.AsSpan(_pos)))
        {
            _lastMatch = null;
            _lastRegex = re.Anchored;
            _lastMatchStart = _pos;
            _lastMatchLength = vm.Length;
            return true;
        }
        Fail();
        return false;
    }

    /// <summary>The match at the position, without advancing.</summary>
    public string? Check(RubyRegex re) => MatchAt(re) ? Matched : null;
    public bool IsMatchHere(RubyRegex re) => MatchAt(re);

    /// <summary>Matches at the position and advances past the match.</summary>
    public string? Scan(RubyRegex re)
    {
        if (!MatchAt(re)) return null;
        var matched = Matched;
        Pos = _pos + _lastMatchLength;
        return matched;
    }

    /// <summary>Searches from the position, advances past the match and returns everything up to its end.</summary>
    public string? ScanUntil(RubyRegex re) => ScanUntil(re.Unanchored);

    public string? ScanUntil(Regex re)
    {
        var m = re.Match(String, _pos, String.Length - _pos);
        if (!m.Success) { Fail(); return null; }
        LastMatch = m;
        _lastMatchStart = m.Index;
        _lastMatchLength = m.Length;
        var start = _pos;
        Pos = m.Index + m.Length;
        return String[start..Pos];
    }

    /// <summary>Whether the pattern matches at <paramref name="position"/> (the scanner does not move).</summary>
    public bool MatchesAt(RubyRegex re, int position) =>
        re.Fast is { } fast ? fast(String, position) >= 0 : re.Anchored.IsMatch(String.AsSpan(position));

    /// <summary>Advances to <paramref name="position"/> and returns the text passed over.</summary>
    public string SkipTo(int position)
    {
        var start = _pos;
        LastMatch = null;
        _lastMatchStart = position;
        _lastMatchLength = 0;
        Pos = position;
        return String[start..position];
    }

    /// <summary>Advances to <paramref name="position"/> (a zero-length match there).</summary>
    public void MoveTo(int position)
    {
        LastMatch = null;
        _lastMatchStart = position;
        _lastMatchLength = 0;
        Pos = position;
    }

    /// <summary>Advances past one character (a whole code point), as <see cref="GetCh"/> without making a string.</summary>
    public void SkipCh()
    {
        if (Eos) return;
        var len = char.IsHighSurrogate(String[_pos]) && _pos + 1 < String.Length && char.IsLowSurrogate(String[_pos + 1]) ? 2 : 1;
        _lastMatchStart = _pos;
        _lastMatchLength = len;
        LastMatch = null;
        Pos = _pos + len;
    }

    private int _lastCloseBracket = -2;
    private readonly int[] _lastEmphasisClose = [-2, -2];

    /// <summary>The last ']' in the text (-1: none); a link opened after it cannot close.</summary>
    public int LastCloseBracket => _lastCloseBracket == -2 ? _lastCloseBracket = String.LastIndexOf(']') : _lastCloseBracket;

    /// <summary>
    /// The last '*' (or '_') that follows a non-space character (-1: none): emphasis opened after it cannot find the
    /// closing delimiter kramdown requires.
    /// </summary>
    public int LastEmphasisClose(char delimiter)
    {
        var slot = delimiter == '*' ? 0 : 1;
        if (_lastEmphasisClose[slot] != -2) return _lastEmphasisClose[slot];
        var q = String.Length - 1;
        for (; q >= 1; q--)
            if (String[q] == delimiter && String[q - 1] is not (' ' or '\t' or '\n' or '\v' or '\f' or '\r')) break;
        return _lastEmphasisClose[slot] = q >= 1 ? q : -1;
    }

    /// <summary>One character (a whole code point), advancing past it.</summary>
    public string? GetCh()
    {
        if (Eos) return null;
        var len = char.IsHighSurrogate(String[_pos]) && _pos + 1 < String.Length && char.IsLowSurrogate(String[_pos + 1]) ? 2 : 1;
        var s = String.Substring(_pos, len);
        _lastMatchStart = _pos;
        _lastMatchLength = len;
        LastMatch = null;
        Pos = _pos + len;
        return s;
    }

    public void Terminate() => Pos = String.Length;

    public (int Pos, int PreviousPos, int PreviousLine) SavePos() => (_pos, _previousPos, _previousLineNumber);

    public void RevertPos((int Pos, int PreviousPos, int PreviousLine) data)
    {
        Pos = data.Pos;
        _previousPos = data.PreviousPos;
        _previousLineNumber = data.PreviousLine;
    }

    /// <summary>The line number of the position (counted incrementally, as kramdown does).</summary>
    public int CurrentLineNumber()
    {
        var limit = _pos + 1;
        var p = _previousPos;
        while (true)
        {
            var nl = String.IndexOf('\n', p);
            if (nl < 0 || nl + 1 > limit) break;
            _previousLineNumber++;
            p = nl + 1;
        }
        _previousPos = Eos ? _pos : _pos + 1;
        return _previousLineNumber;
    }
}
