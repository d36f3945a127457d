using System.Globalization;
using System.Text;

namespace Homepage.Sass;

/// <summary>A recursive-descent parser of SCSS: statements into <see cref="Statement"/>s, SassScript into <see cref="Expression"/>s.</summary>
public sealed class Parser
{
    private readonly string _text;
    private readonly string _file;
    private int _pos;

    /// <param name="sourceMap">Record where things are written, for a source map (positions cost time otherwise unspent).</param>
    public Parser(string text, string file, bool sourceMap = false)
    {
        _text = text.Replace("\r\n", "\n");
        _file = file;
        _mapped = sourceMap;
        _surrogates = sourceMap && _text.Any(char.IsLowSurrogate);
    }

    private readonly bool _mapped;

    /// <summary>The text has characters beyond the BMP (a column then is not an index difference).</summary>
    private readonly bool _surrogates;

    public IReadOnlyList<Statement> ParseStylesheet()
    {
        var statements = ParseStatements(topLevel: true);
        SkipTrivia(null);
        if (_pos < _text.Length) throw Error("Invalid CSS: expected selector or at-rule");
        return statements;
    }

    // ---- positions and errors --------------------------------------------------------------------------------------

    private int[]? _lineStarts;

    private SourceSpan Span()
    {
        _lineStarts ??= [0, .. _text.Select((c, i) => (c, i)).Where(t => t.c == '\n').Select(t => t.i + 1)];
        var index = Array.BinarySearch(_lineStarts, Math.Min(_pos, _text.Length));
        var line = index >= 0 ? index : ~index - 1;
        return new SourceSpan(_file, line + 1, Math.Min(_pos, _text.Length) - _lineStarts[line] + 1);
    }

    /// <summary>The source-map position of <paramref name="index"/> (libsass's line and column, both from 0).</summary>
    internal SourcePoint Point(int index)
    {
        if (!_mapped) return default;
        _lineStarts ??= [0, .. _text.Select((c, i) => (c, i)).Where(t => t.c == '\n').Select(t => t.i + 1)];
        index = Math.Clamp(index, 0, _text.Length);
        var found = Array.BinarySearch(_lineStarts, index);
        var line = found >= 0 ? found : ~found - 1;
        var column = index - _lineStarts[line];
        if (_surrogates)
            for (var i = _lineStarts[line]; i < index; i++)
                if (char.IsLowSurrogate(_text[i])) column--; // a character a column, one beyond the BMP too
        foreach (var (from, lagLine, columns) in _lags)
            if (lagLine == line && (index > from || index == from && columns > 0)) column -= columns;
        return new SourcePoint(_file, line, column);
    }

    /// <summary>What follows <paramref name="index"/> on its line is placed <paramref name="columns"/> further on.</summary>
    internal void ShiftLine(int index, int columns) => _lags.Add((index, Point(index).Line, -columns));

    /// <summary>Columns libsass's parser failed to count (or counted twice, when negative): on a line, from an index on (after it, when negative).</summary>
    private readonly List<(int From, int Line, int Columns)> _lags = new();

    internal SourceRange Range(int start, int end) => new(Point(start), Point(end));

    /// <summary>A block's range, <c>{</c> to just after <c>}</c>; libsass ends a block that closes on the line it opened one
    /// column further.</summary>
    private SourceRange BlockRange(int open, int end)
    {
        var start = Point(open);
        var stop = Point(end);
        return new SourceRange(start, stop.Line == start.Line ? stop.Plus(1) : stop);
    }

    /// <summary>True when <paramref name="text"/> stands in the file at <paramref name="index"/> as it is (no comment was dropped from it).</summary>
    private bool Verbatim(string text, int index) => index >= 0 && index + text.Length <= _text.Length && string.CompareOrdinal(_text, index, text, 0, text.Length) == 0;

    private SassException Error(string message)
    {
        var span = Span();
        return new SassException($"Error: {message}\n        on line {span.Line}:{span.Column} of {_file}", _file, span.Line, span.Column);
    }

    private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';
    private bool At(string s) => string.CompareOrdinal(_text, _pos, s, 0, s.Length) == 0;

    private void Expect(char c)
    {
        SkipWhitespace();
        if (Peek() != c) throw Error($"expected \"{c}\"");
        _pos++;
    }

    /// <summary>Skips whitespace and <c>//</c> comments; collects <c>/* */</c> comments when a list is given.</summary>
    private void SkipTrivia(List<Statement>? comments)
    {
        while (_pos < _text.Length)
        {
            if (char.IsWhiteSpace(Peek())) { _pos++; continue; }
            if (At("//"))
            {
                while (_pos < _text.Length && Peek() != '\n') _pos++;
                continue;
            }
            if (At("/*"))
            {
                var span = Span();
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0) throw Error("unterminated comment");
                var text = _text[_pos..(end + 2)];
                // libsass writes a comment's CR LF, lone CR and form feed line breaks as LF
                if (text.AsSpan().IndexOfAny('\r', '\f') >= 0) text = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\f', '\n');
                var range = comments is null ? default : Range(_pos, end + 2);
                _pos = end + 2;
                comments?.Add(new CommentStatement(span, text) { Range = range });
                continue;
            }
            break;
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(Peek())) _pos++;
    }

    // ---- statements ------------------------------------------------------------------------------------------------

    private List<Statement> ParseStatements(bool topLevel)
    {
        var statements = new List<Statement>();
        while (true)
        {
            SkipTrivia(statements);
            if (_pos >= _text.Length) break;
            if (Peek() == '}')
            {
                if (topLevel) throw Error("unexpected \"}\"");
                break;
            }
            if (Peek() == ';') { _pos++; continue; }
            statements.Add(ParseStatement());
        }
        return statements;
    }

    private List<Statement> ParseBlock()
    {
        Expect('{');
        var body = ParseStatements(topLevel: false);
        Expect('}');
        return body;
    }

    private Statement ParseStatement()
    {
        var span = Span();
        if (Peek() == '@') return ParseAtRule(span);
        if (Peek() == '$')
        {
            _pos++;
            var name = ReadIdentifier();
            SkipWhitespace();
            Expect(':');
            var variableValueStart = _pos;
            var valueText = ReadUntilStatementEnd(out _);
            var isDefault = false;
            var isGlobal = false;
            while (true)
            {
                var trimmed = valueText.TrimEnd();
                if (trimmed.EndsWith("!default", StringComparison.Ordinal)) { isDefault = true; valueText = trimmed[..^8]; continue; }
                if (trimmed.EndsWith("!global", StringComparison.Ordinal)) { isGlobal = true; valueText = trimmed[..^7]; continue; }
                break;
            }
            return new VariableStatement(span, name, ParseExpression(valueText, span, Verbatim(valueText, variableValueStart) ? variableValueStart : -1), isDefault, isGlobal);
        }
        if (At("--") && CustomProperty(span) is { } custom) return custom;
        // A declaration or a nested rule: look ahead for what ends the header.
        var start = _pos;
        var header = ReadUntilStatementEnd(out var terminator);
        if (terminator == '{')
        {
            _pos--; // back onto the brace
            var blockStart = _pos;
            var selector = header.Trim();
            var verbatim = Verbatim(selector, start);
            if (_mapped && verbatim && selector.LastIndexOf("#{", StringComparison.Ordinal) is var last and >= 0)
            {
                // libsass's parser counts of an interpolated selector's text up to its last #{ only what is inside the
                // interpolations: what follows on that line is placed that many columns too early
                var inside = 0;
                for (var i = selector.IndexOf("#{", StringComparison.Ordinal); i >= 0 && i < last; i = selector.IndexOf("#{", i + 2, StringComparison.Ordinal))
                    inside += InterpolationEnd(selector, i) - i - 3;
                _lags.Add((start + selector.Length, Point(start).Line, last + 2 - inside));
            }
            var body = ParseBlock();
            return new RuleStatement(span, ParseInterpolated(selector, span, verbatim ? start : -1), body)
            {
                Range = Range(start, _pos),
                SelectorIndex = verbatim ? start : -1,
                Tokens = _mapped && verbatim && !selector.Contains("#{", StringComparison.Ordinal)
                    ? SourceMaps.SimpleSelectors(selector).Select(t => (t.Start, t.Parent, (IReadOnlyList<SourcePoint>)t.Marks.Select(m => Point(start + m.Point)).ToList())).ToList()
                    : null,
                BlockRange = BlockRange(blockStart, _pos),
            };
        }
        var colon = FindDeclarationColon(header);
        if (colon < 0)
        {
            _pos = start;
            throw Error("Invalid CSS: expected \"{\"");
        }
        var propName = header[..colon].Trim();
        var value = header[(colon + 1)..].Trim();
        var valueStart = start + colon + 1 + (header.Length - colon - 1 - header[(colon + 1)..].TrimStart().Length);
        if (!Verbatim(header, start)) return new DeclarationStatement(span, ParseInterpolated(propName, span), value, ParseExpression(value, span));
        var nameRange = Range(start, start + propName.Length);
        // an interpolated property name puts what follows it on its line three columns short of its length further on
        if (_mapped && propName.Contains("#{", StringComparison.Ordinal)) _lags.Add((start + propName.Length, Point(start).Line, -(propName.Length - 3)));
        return new DeclarationStatement(span, ParseInterpolated(propName, span, start), value, ParseExpression(value, span, valueStart))
        {
            NameRange = nameRange,
            ValueRange = Range(valueStart, valueStart + value.Length),
        };
    }

    private static int FindDeclarationColon(string header)
    {
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (c == '#' && i + 1 < header.Length && header[i + 1] == '{') { i = InterpolationEnd(header, i) - 1; continue; }
            if (c == ':') return i;
        }
        return -1;
    }

    /// <summary>Reads to the end of a statement header: a <c>{</c>, <c>;</c> or <c>}</c> outside strings, parentheses and interpolation.</summary>
    private string ReadUntilStatementEnd(out char terminator)
    {
        var sb = new StringBuilder();
        var parens = 0;
        var interp = 0;
        while (_pos < _text.Length)
        {
            var c = Peek();
            if (c is '"' or '\'')
            {
                var end = StringEnd(_text, _pos);
                sb.Append(_text, _pos, end - _pos);
                _pos = end;
                continue;
            }
            if (c == '#' && Peek(1) == '{') { interp++; sb.Append("#{"); _pos += 2; continue; }
            if (c == '}' && interp > 0) { interp--; sb.Append('}'); _pos++; continue; }
            if (c == '/' && Peek(1) == '/' && interp == 0 && parens == 0 && (sb.Length == 0 || sb[^1] != ':'))
            {
                while (_pos < _text.Length && Peek() != '\n') _pos++;
                continue;
            }
            if (c == '(') parens++;
            if (c == ')') parens--;
            if (parens <= 0 && interp == 0 && c is '{' or ';' or '}')
            {
                terminator = c;
                if (c != '}') _pos++;
                return sb.ToString();
            }
            sb.Append(c);
            _pos++;
        }
        terminator = '\0';
        return sb.ToString();
    }

    private string ReadIdentifier()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(Peek()) || Peek() is '-' or '_')) _pos++;
        if (start == _pos) throw Error("expected an identifier");
        return _text[start.._pos];
    }

    private Statement ParseAtRule(SourceSpan span)
    {
        var at = _pos;
        _pos++;
        var name = ReadIdentifier();
        switch (name)
        {
            case "import":
            {
                var text = ReadUntilStatementEnd(out _).Trim();
                var urls = SplitTopLevel(text, ',').Select(u => u.Trim()).ToList();
                return new ImportStatement(span, urls, text);
            }
            case "mixin":
            case "function":
            {
                SkipWhitespace();
                var id = ReadIdentifier();
                var parameters = ParseParameters();
                var body = ParseBlock();
                return name == "mixin" ? new MixinStatement(span, id, parameters, body) : new FunctionStatement(span, id, parameters, body);
            }
            case "include":
            {
                SkipWhitespace();
                var id = ReadIdentifier();
                SkipWhitespace();
                List<Argument> arguments = [];
                if (Peek() == '(')
                {
                    var inner = ReadParenthesized(out var innerStart);
                    arguments = ParseArguments(inner, span, Verbatim(inner, innerStart) ? innerStart : -1);
                }
                SkipWhitespace();
                IReadOnlyList<Statement>? content = null;
                if (Peek() == '{') content = ParseBlock();
                else if (Peek() == ';') _pos++;
                return new IncludeStatement(span, id, arguments, content);
            }
            case "content":
                ReadUntilStatementEnd(out _);
                return new ContentStatement(span);
            case "return":
            {
                var valueStart = _pos;
                var text = ReadUntilStatementEnd(out _);
                return new ReturnStatement(span, ParseExpression(text, span, Verbatim(text, valueStart) ? valueStart : -1));
            }
            case "if":
            {
                var clauses = new List<(Expression?, IReadOnlyList<Statement>)>();
                var conditionStart = _pos;
                var condition = ReadUntil('{');
                clauses.Add((ParseExpression(condition, span, conditionStart), ParseBlock()));
                while (true)
                {
                    var save = _pos;
                    SkipTrivia(null);
                    if (!At("@else")) { _pos = save; break; }
                    _pos += 5;
                    SkipWhitespace();
                    if (At("if"))
                    {
                        _pos += 2;
                        var elseStart = _pos;
                        clauses.Add((ParseExpression(ReadUntil('{'), span, elseStart), ParseBlock()));
                    }
                    else
                    {
                        clauses.Add((null, ParseBlock()));
                        break;
                    }
                }
                return new IfStatement(span, clauses);
            }
            case "each":
            {
                var headerStart = _pos;
                var header = ReadUntil('{');
                var inAt = IndexOfWord(header, "in");
                var variables = header[..inAt].Split(',').Select(v => v.Trim().TrimStart('$')).ToList();
                return new EachStatement(span, variables, ParseExpression(header[(inAt + 2)..], span, headerStart + inAt + 2), ParseBlock());
            }
            case "for":
            {
                var headerStart = _pos;
                var header = ReadUntil('{');
                var from = IndexOfWord(header, "from");
                var through = IndexOfWord(header, "through");
                var to = through >= 0 ? through : IndexOfWord(header, "to");
                var variable = header[..from].Trim().TrimStart('$');
                var fromExpr = header[(from + 4)..to];
                var toExpr = header[(to + (through >= 0 ? 7 : 2))..];
                return new ForStatement(span, variable, ParseExpression(fromExpr, span, headerStart + from + 4),
                    ParseExpression(toExpr, span, headerStart + to + (through >= 0 ? 7 : 2)), through >= 0, ParseBlock());
            }
            case "while":
            {
                var conditionStart = _pos;
                return new WhileStatement(span, ParseExpression(ReadUntil('{'), span, conditionStart), ParseBlock());
            }
            case "media":
            {
                var rawQuery = ReadUntil('{');
                var query = rawQuery.Trim();
                var blockStart = _pos;
                var body = ParseBlock();
                return new MediaStatement(span, ParseInterpolated(query, span), body)
                {
                    KeywordRange = Range(at, at + 6),
                    BlockRange = BlockRange(blockStart, _pos),
                };
            }
            case "extend":
            {
                var text = ReadUntilStatementEnd(out _).Trim();
                var optional = text.EndsWith("!optional", StringComparison.Ordinal);
                if (optional) text = text[..^9].Trim();
                return new ExtendStatement(span, ParseInterpolated(text, span), optional);
            }
            case "warn" or "debug" or "error":
                return new MessageStatement(span, name, ParseExpression(ReadUntilStatementEnd(out _), span));
            default:
            {
                var parametersStart = _pos;
                var parameters = ReadUntilStatementEnd(out var terminator);
                var trimmedStart = parametersStart + (parameters.Length - parameters.TrimStart().Length);
                var keyword = Range(at, at + 1 + name.Length);
                var parametersRange = parameters.Trim().Length > 0 && Verbatim(parameters, parametersStart)
                    ? Range(trimmedStart, trimmedStart + parameters.Trim().Length) : (SourceRange?)null;
                IReadOnlyList<Statement>? block = null;
                if (terminator == '{')
                {
                    _pos--;
                    block = ParseBlock();
                }
                return new AtRuleStatement(span, name, ParseInterpolated(parameters.Trim(), span), block)
                {
                    KeywordRange = keyword,
                    ParametersRange = parametersRange,
                    Supports = name == "supports" ? new SupportsParser(parameters.Trim(), this, span).Parse() : null,
                };
            }
        }
    }

    /// <summary>A custom property (<c>--name: ...</c>): libsass keeps its value as written, whitespace, comments and
    /// brackets included, up to a <c>;</c> or the block's <c>}</c> outside brackets.</summary>
    private DeclarationStatement? CustomProperty(SourceSpan span)
    {
        var i = _pos + 2;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c == '#' && i + 1 < _text.Length && _text[i + 1] == '{') i = InterpolationEnd(_text, i);
            else if (c == '\\') i += 2;
            else if (char.IsLetterOrDigit(c) || c is '-' or '_' || c > 127) i++;
            else break;
        }
        if (i >= _text.Length || _text[i] != ':') return null;
        var name = _text[_pos..i];
        var valueStart = i + 1;
        var depth = 0;
        var j = valueStart;
        for (; j < _text.Length; j++)
        {
            var c = _text[j];
            if (c == '\\') { j++; continue; }
            if (c is '"' or '\'') { j = StringEnd(_text, j) - 1; continue; }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == '}') { if (depth == 0) break; depth--; }
            else if (c == ';' && depth == 0) break;
        }
        var raw = _text[valueStart..Math.Min(j, _text.Length)];
        var nameRange = Range(_pos, i);
        _pos = j < _text.Length && _text[j] == ';' ? j + 1 : j;
        return new DeclarationStatement(span, ParseInterpolated(name, span), raw, new LiteralExpression(SassNull.Instance)) { NameRange = nameRange };
    }

    private static int IndexOfWord(string text, string word)
    {
        for (var i = 0; i + word.Length <= text.Length; i++)
        {
            if (string.CompareOrdinal(text, i, word, 0, word.Length) != 0) continue;
            var before = i == 0 || char.IsWhiteSpace(text[i - 1]);
            var after = i + word.Length == text.Length || char.IsWhiteSpace(text[i + word.Length]);
            if (before && after) return i;
        }
        return -1;
    }

    private string ReadUntil(char stop)
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = Peek();
            if (c == '#' && Peek(1) == '{') { _pos = InterpolationEnd(_text, _pos); continue; }
            if (c == stop) return _text[start.._pos];
            _pos++;
        }
        throw Error($"expected \"{stop}\"");
    }

    private string ReadParenthesized() => ReadParenthesized(out _);

    /// <param name="innerStart">Where the text inside the parentheses starts in the file.</param>
    private string ReadParenthesized(out int innerStart)
    {
        SkipWhitespace();
        innerStart = _pos + 1;
        if (Peek() != '(') return "";
        var start = _pos;
        var depth = 0;
        while (_pos < _text.Length)
        {
            var c = Peek();
            if (c is '"' or '\'')
            {
                _pos = StringEnd(_text, _pos);
                continue;
            }
            if (c == '(') depth++;
            if (c == ')')
            {
                depth--;
                if (depth == 0)
                {
                    _pos++;
                    return _text[(start + 1)..(_pos - 1)];
                }
            }
            _pos++;
        }
        throw Error("expected \")\"");
    }

    private List<Parameter> ParseParameters()
    {
        var inner = ReadParenthesized(out var innerStart);
        var parameters = new List<Parameter>();
        var offset = 0;
        foreach (var part in SplitTopLevel(inner, ','))
        {
            var partStart = innerStart + offset;
            offset += part.Length + 1;
            var p = part.TrimEnd();
            var lead = p.Length - p.TrimStart().Length;
            p = p.TrimStart();
            if (p.Length == 0) continue;
            var rest = p.EndsWith("...", StringComparison.Ordinal);
            if (rest) p = p[..^3];
            var colon = p.IndexOf(':');
            var name = (colon < 0 ? p : p[..colon]).Trim().TrimStart('$');
            var at = partStart + lead + colon + 1;
            var def = colon < 0 ? null : ParseExpression(p[(colon + 1)..], Span(), Verbatim(p[(colon + 1)..], at) ? at : -1);
            parameters.Add(new Parameter(name, def, rest));
        }
        return parameters;
    }

    /// <param name="at">Where <paramref name="inner"/> starts in the file (-1: not known).</param>
    internal List<Argument> ParseArguments(string inner, SourceSpan span, int at = -1)
    {
        var arguments = new List<Argument>();
        var offset = 0;
        foreach (var part in SplitTopLevel(inner, ','))
        {
            var partStart = offset + (part.Length - part.TrimStart().Length);
            offset += part.Length + 1;
            var a = part.Trim();
            if (a.Length == 0) continue;
            var rest = a.EndsWith("...", StringComparison.Ordinal);
            if (rest) a = a[..^3];
            string? name = null;
            if (a.StartsWith('$'))
            {
                var colon = FindDeclarationColon(a);
                if (colon > 0 && a[..colon].Trim().Skip(1).All(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_'))
                {
                    name = a[1..colon].Trim();
                    a = a[(colon + 1)..];
                    partStart += colon + 1;
                }
            }
            arguments.Add(new Argument(name, ParseExpression(a, span, at < 0 ? -1 : at + partStart), rest));
        }
        return arguments;
    }

    /// <summary>
    /// The index just after the quoted string that starts at <paramref name="start"/>: escapes are skipped, and an
    /// interpolation inside it may hold strings of its own (<c>"a #{"b"} c"</c>). An unclosed string runs to the end.
    /// </summary>
    internal static int StringEnd(string text, int start)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\') { i += 2; continue; }
            if (c == quote) return i + 1;
            if (c == '#' && i + 1 < text.Length && text[i + 1] == '{') { i = InterpolationEnd(text, i); continue; }
            i++;
        }
        return text.Length;
    }

    /// <summary>The index just after the <c>}</c> closing the interpolation that starts at <paramref name="start"/> (<c>#{</c>).</summary>
    internal static int InterpolationEnd(string text, int start)
    {
        var depth = 0;
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\') { i += 2; continue; }
            if (c is '"' or '\'') { i = StringEnd(text, i); continue; }
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i + 1;
            i++;
        }
        return text.Length;
    }

    /// <summary>The index just after the <c>)</c> matching the <c>(</c> at <paramref name="start"/>, strings and
    /// interpolations skipped.</summary>
    internal static int ParenEnd(string text, int start)
    {
        var depth = 0;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '\'') { i = StringEnd(text, i); continue; }
            if (c == '#' && i + 1 < text.Length && text[i + 1] == '{') { i = InterpolationEnd(text, i); continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i + 1;
            i++;
        }
        return text.Length;
    }

    /// <summary>Splits at a separator outside parentheses, brackets, strings and interpolation.</summary>
    internal static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = StringEnd(text, i) - 1;
                continue;
            }
            if (c is '(' or '[' || (c == '#' && i + 1 < text.Length && text[i + 1] == '{')) depth++;
            else if (c is ')' or ']' or '}') depth--;
            else if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    // ---- interpolation and expressions --------------------------------------------------------------------------

    /// <param name="at">Where <paramref name="text"/> starts in the file (-1: not known).</param>
    internal Interpolated ParseInterpolated(string text, SourceSpan span, int at = -1)
    {
        var parts = new List<object>();
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '#' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var j = InterpolationEnd(text, i);
                if (sb.Length > 0) { parts.Add(sb.ToString()); sb.Clear(); }
                parts.Add(ParseExpression(text[(i + 2)..(j - 1)], span, at < 0 ? -1 : at + i + 2));
                i = j - 1;
                continue;
            }
            sb.Append(text[i]);
        }
        if (sb.Length > 0) parts.Add(sb.ToString());
        return new Interpolated(parts);
    }

    /// <param name="at">Where <paramref name="text"/> starts in the file, for the source map (-1: not known).</param>
    internal Expression ParseExpression(string text, SourceSpan span, int at = -1) => new ExpressionParser(text, span, this, _mapped ? at : -1).Parse();
}
