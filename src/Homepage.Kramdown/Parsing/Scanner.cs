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

    /// <summary>A pattern from Ruby source; <paramref name="m"/> is Ruby's <c>/m</c> (dot matches newline), <paramref name="i"/> its <c>/i</c>.</summary>
    public static RubyRegex Rx(string rubySource, bool m = false, bool i = false)
    {
        // Most patterns are the same string instances on every call: look them up by reference first.
        var byReference = ByReference[(m ? 2 : 0) + (i ? 1 : 0)];
        if (byReference.TryGetValue(rubySource, out var cached)) return cached;
        var regex = Cache.GetOrAdd((rubySource, m, i), static k => new RubyRegex(k.Item1, k.Item2, k.Item3));
        // literals and constants are interned; strings built at run time are not worth a weak-table entry
        if (string.IsInterned(rubySource) is { } interned && ReferenceEquals(interned, rubySource)) byReference.AddOrUpdate(rubySource, regex);
        return regex;
    }

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

    /// <summary>The last successful match (null after a failed one).</summary>
    public Match? LastMatch { get; private set; }

    /// <summary>Where the last match started, for <c>pre_match</c>.</summary>
    private int _lastMatchStart;

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

    public string Matched => LastMatch!.Value;
    public int MatchedSize => LastMatch!.Length;

    /// <summary>Group <paramref name="i"/> of the last match, null when it did not take part (Ruby's <c>@src[i]</c>).</summary>
    public string? this[int i] => LastMatch is { } m && m.Groups[i].Success ? m.Groups[i].Value : null;
    public string? this[string name] => LastMatch is { } m && m.Groups[name].Success ? m.Groups[name].Value : null;

    /// <summary>The text before the last match.</summary>
    public string PreMatch => String[.._lastMatchStart];

    private Match? MatchAt(RubyRegex re)
    {
        var m = re.Anchored.Match(String, _pos, String.Length - _pos);
        if (!m.Success) { LastMatch = null; return null; }
        LastMatch = m;
        _lastMatchStart = _pos;
        return m;
    }

    /// <summary>The match at the position, without advancing.</summary>
    public string? Check(RubyRegex re) => MatchAt(re)?.Value;
    public bool IsMatchHere(RubyRegex re) => MatchAt(re) is not null;

    /// <summary>Matches at the position and advances past the match.</summary>
    public string? Scan(RubyRegex re)
    {
        var m = MatchAt(re);
        if (m is null) return null;
        Pos = _pos + m.Length;
        return m.Value;
    }

    /// <summary>Searches from the position, advances past the match and returns everything up to its end.</summary>
    public string? ScanUntil(RubyRegex re) => ScanUntil(re.Unanchored);

    public string? ScanUntil(Regex re)
    {
        var m = re.Match(String, _pos, String.Length - _pos);
        if (!m.Success) { LastMatch = null; return null; }
        LastMatch = m;
        _lastMatchStart = m.Index;
        var start = _pos;
        Pos = m.Index + m.Length;
        return String[start..Pos];
    }

    /// <summary>Whether the pattern matches at <paramref name="position"/> (the scanner does not move).</summary>
    public bool MatchesAt(RubyRegex re, int position) => re.Anchored.IsMatch(String.AsSpan(position));

    /// <summary>Advances to <paramref name="position"/> and returns the text passed over.</summary>
    public string SkipTo(int position)
    {
        var start = _pos;
        LastMatch = null;
        _lastMatchStart = position;
        Pos = position;
        return String[start..position];
    }

    /// <summary>One character (a whole code point), advancing past it.</summary>
    public string? GetCh()
    {
        if (Eos) return null;
        var len = char.IsHighSurrogate(String[_pos]) && _pos + 1 < String.Length && char.IsLowSurrogate(String[_pos + 1]) ? 2 : 1;
        var s = String.Substring(_pos, len);
        _lastMatchStart = _pos;
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
