using System.Text.RegularExpressions;

namespace Homepage.Onigmo;

/// <summary>
/// Ruby's <c>StringScanner</c> (not fixed-anchor: <c>^</c> and <c>\A</c> match at the position, lookbehind does not see
/// before it), with kramdown's line numbers (<c>Utils::StringScanner</c>).
/// </summary>
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
                _lastMatch = _lastRegex.Match(String, _lastSearchStart, String.Length - _lastSearchStart);
            return _lastMatch;
        }
        private set
        {
            _lastMatch = value;
            _lastRegex = null;
        }
    }

    private Match? _lastMatch;

    /// <summary>The regex of the last check, scan or search, for making its Match lazily (the same call again).</summary>
    private Regex? _lastRegex;

    /// <summary>Where that regex was run from.</summary>
    private int _lastSearchStart;

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
    public string? this[int i] =>
        i == 0 && _lastMatchLength >= 0 ? (_lastMatch is { } whole ? whole.Value : Matched) // no Match made for group 0
        : LastMatch is { } m ? (m.Groups[i].Success ? m.Groups[i].Value : null)
        : null;
    public string? this[string name] => LastMatch is { } m && m.Groups[name].Success ? m.Groups[name].Value : null;

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
            _lastSearchStart = _pos;
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

    /// <summary>As <see cref="Scan"/>, without making the matched string: its length, or -1 when nothing matched.
    /// <paramref name="groups"/>: the caller reads groups, so the match is made with them at once (one regex run, not
    /// two).</summary>
    public int ScanLength(RubyRegex re, bool groups = false)
    {
        if (groups && re.Fast is null)
        {
            var m = re.Anchored.Match(String, _pos, String.Length - _pos);
            if (!m.Success) { Fail(); return -1; }
            LastMatch = m;
            _lastMatchStart = _pos;
            _lastMatchLength = m.Length;
            Pos = _pos + m.Length;
            return m.Length;
        }
        if (!MatchAt(re)) return -1;
        Pos = _pos + _lastMatchLength;
        return _lastMatchLength;
    }

    /// <summary>Searches from the position, advances past the match and returns everything up to its end.</summary>
    public string? ScanUntil(RubyRegex re) => ScanUntil(re.Unanchored);

    public string? ScanUntil(Regex re)
    {
        // Only the extent of the match is needed unless a group is read: no Match object (nor its groups) is made here.
        foreach (var vm in re.EnumerateMatches(String.AsSpan(_pos)))
        {
            _lastMatch = null;
            _lastRegex = re;
            _lastSearchStart = _pos;
            _lastMatchStart = _pos + vm.Index;
            _lastMatchLength = vm.Length;
            var start = _pos;
            Pos = _lastMatchStart + vm.Length;
            return String[start..Pos];
        }
        Fail();
        return null;
    }

    /// <summary>Whether the pattern matches at <paramref name="position"/> (the scanner does not move).</summary>
    public bool MatchesAt(RubyRegex re, int position) =>
        re.Fast is { } fast ? fast(String, position) >= 0 : re.Anchored.IsMatch(String.AsSpan(position));

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
    private int _lastStarClose = -2, _lastUnderscoreClose = -2;

    /// <summary>The last ']' in the text (-1: none); a link opened after it cannot close.</summary>
    public int LastCloseBracket => _lastCloseBracket == -2 ? _lastCloseBracket = String.LastIndexOf(']') : _lastCloseBracket;

    /// <summary>
    /// The last '*' (or '_') that follows a non-space character (-1: none): emphasis opened after it cannot find the
    /// closing delimiter kramdown requires.
    /// </summary>
    public int LastEmphasisClose(char delimiter)
    {
        ref var slot = ref delimiter == '*' ? ref _lastStarClose : ref _lastUnderscoreClose;
        if (slot != -2) return slot;
        var q = String.Length - 1;
        for (; q >= 1; q--)
            if (String[q] == delimiter && String[q - 1] is not (' ' or '\t' or '\n' or '\v' or '\f' or '\r')) break;
        return slot = q >= 1 ? q : -1;
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
        // the newlines in [previous position, position]: searching only there keeps a long line without newlines
        // from being scanned to its end on every call
        var end = Math.Min(_pos + 1, String.Length);
        if (_previousPos < end) _previousLineNumber += String.AsSpan(_previousPos, end - _previousPos).Count('\n');
        _previousPos = Eos ? _pos : _pos + 1;
        return _previousLineNumber;
    }
}
