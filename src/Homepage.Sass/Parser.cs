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

    /// <summary>Where each line of the text starts (computed once, when a position is first asked for).</summary>
    private int[] LineStarts => _lineStarts ??= [0, .. _text.Select((c, i) => (c, i)).Where(t => t.c == '\n').Select(t => t.i + 1)];

    private SourceSpan Span()
    {
        var line = TextLine(_pos);
        return new SourceSpan(_file, line + 1, Math.Min(_pos, _text.Length) - LineStarts[line] + 1);
    }

    /// <summary>The source-map position of <paramref name="index"/> (libsass's line and column, both from 0).</summary>
    internal SourcePoint Point(int index)
    {
        if (!_mapped) return default;
        index = Math.Clamp(index, 0, _text.Length);
        var line = TextLine(index);
        var column = index - LineStarts[line];
        if (_surrogates)
            for (var i = LineStarts[line]; i < index; i++)
                if (char.IsLowSurrogate(_text[i])) column--; // a character a column, one beyond the BMP too
        foreach (var (from, lagLine, columns) in _lags)
            if (lagLine == line && (index > from || index == from && columns > 0)) column -= columns;
        foreach (var (from, lines) in _lostLines)
            if (index >= from) line -= lines;
        return new SourcePoint(_file, line, column);
    }

    /// <summary>The line of <paramref name="index"/> in the text (from 0), whatever libsass's parser counted.</summary>
    private int TextLine(int index)
    {
        var found = Array.BinarySearch(LineStarts, Math.Clamp(index, 0, _text.Length));
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>What follows <paramref name="index"/> on its line is placed <paramref name="columns"/> further on.</summary>
    internal void ShiftLine(int index, int columns) => _lags.Add((index, TextLine(index), -columns));

    /// <summary>Line breaks libsass's parser failed to count: from an index on, every position is that many lines up.</summary>
    private readonly List<(int From, int Lines)> _lostLines = new();

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
            var statement = ParseStatement();
            // beneath properties only properties, control directives and includes (libsass's nesting check)
            if (_scopes.Count > 0 && _scopes[^1] == Scope.Properties && statement is not (DeclarationStatement or NestedPropertyStatement or IfStatement or EachStatement
                    or ForStatement or WhileStatement or IncludeStatement or CommentStatement))
                throw new SassException($"Error: Illegal nesting: Only properties may be nested beneath properties.\n        on line {statement.Span.Line}:{statement.Span.Column} of {_file}",
                    _file, statement.Span.Line, statement.Span.Column);
            CheckNesting(statement);
            statements.Add(statement);
        }
        return statements;
    }

    /// <summary>What a block is inside, as libsass's parser tracks it (some statements are allowed only in some blocks).</summary>
    private enum Scope { Rules, Media, Control, Mixin, Function, AtRoot, Properties, Content }

    /// <summary>The blocks being parsed, innermost last (empty at the top level).</summary>
    private readonly List<Scope> _scopes = new();

    /// <summary>libsass's nesting check: no mixin or function defined in a control directive, mixin or content block; only
    /// variables, control directives, messages and @return in a function.</summary>
    private void CheckNesting(Statement statement)
    {
        if (_scopes.Count == 0) return;
        string? error = null;
        if (statement is MixinStatement or FunctionStatement && _scopes.Any(s => s is Scope.Control or Scope.Mixin or Scope.Content))
            error = $"{(statement is MixinStatement ? "Mixins" : "Functions")} may not be defined within control directives or other mixins.";
        else if (_scopes.LastOrDefault(s => s != Scope.Control) == Scope.Function && statement is not (VariableStatement or IfStatement or EachStatement
                     or ForStatement or WhileStatement or CommentStatement or MessageStatement or ReturnStatement))
            error = "Functions can only contain variable declarations and control directives.";
        if (error is not null)
            throw new SassException($"Error: {error}\n        on line {statement.Span.Line}:{statement.Span.Column} of {_file}", _file, statement.Span.Line, statement.Span.Column);
    }

    private List<Statement> ParseBlock(Scope? scope = null)
    {
        Expect('{');
        if (scope is { } pushed) _scopes.Add(pushed);
        try
        {
            var body = ParseStatements(topLevel: false);
            Expect('}');
            return body;
        }
        finally
        {
            if (scope is not null) _scopes.RemoveAt(_scopes.Count - 1);
        }
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
        _commentDropped = false;
        var header = ReadUntilStatementEnd(out var terminator);
        var commentDropped = _commentDropped;
        if (terminator == '{' && NestedPropertyColon(header) is var propertyColon and >= 0)
        {
            // font: { family: x; } or font: 12px { ... }: the declarations inside are font-family, ...
            _pos--;
            var nameText = WithoutComments(header[..propertyColon], keepAfterWord: true).Trim();
            var own = header[(propertyColon + 1)..].Trim();
            var nested = ParseBlock(Scope.Properties);
            var name = ParseInterpolated(nameText, span);
            return new NestedPropertyStatement(span, name, own.Length == 0 ? null : new DeclarationStatement(span, name, own, ParseExpression(own, span)), nested);
        }
        if (terminator == '{')
        {
            _pos--; // back onto the brace
            var blockStart = _pos;
            var selector = WithoutComments(header, keepAfterWord: false).Trim();
            var verbatim = Verbatim(selector, start);
            if (_mapped && verbatim && selector.LastIndexOf("#{", StringComparison.Ordinal) is var last and >= 0)
            {
                // libsass's parser counts of an interpolated selector's text up to its last #{ only what is inside the
                // interpolations: what follows on that line is placed that many columns too early
                var inside = 0;
                for (var i = selector.IndexOf("#{", StringComparison.Ordinal); i >= 0 && i < last; i = selector.IndexOf("#{", i + 2, StringComparison.Ordinal))
                    inside += InterpolationEnd(selector, i) - i - 3;
                // nor the line breaks before it, which it loses for the rest of the file; what follows the selector on the
                // last #{'s line is placed from where the selector started, as if that were all on one line
                var end = start + selector.Length;
                if (selector.IndexOf('\n', last) < 0)
                {
                    int lastLine = TextLine(start + last), startLine = TextLine(start);
                    var lastColumn = start + last - LineStarts[lastLine];
                    var startColumn = start - LineStarts[startLine];
                    _lags.Add((end, TextLine(end), lastColumn + 2 - startColumn - inside));
                }
                if (selector.AsSpan(0, last).Count('\n') is var lost and > 0) _lostLines.Add((end, lost));
            }
            var body = ParseBlock(Scope.Rules);
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
        var propName = WithoutComments(header[..colon], keepAfterWord: true).Trim();
        var value = header[(colon + 1)..].Trim();
        var valueStart = start + colon + 1 + (header.Length - colon - 1 - header[(colon + 1)..].TrimStart().Length);
        if (!Verbatim(header, start)) return new DeclarationStatement(span, ParseInterpolated(propName, span), value, ParseExpression(value, span)) { CommentDropped = commentDropped };
        var nameRange = Range(start, start + propName.Length);
        // an interpolated property name puts what follows it on its line three columns short of its length further on
        if (_mapped && propName.Contains("#{", StringComparison.Ordinal)) _lags.Add((start + propName.Length, TextLine(start), -(propName.Length - 3)));
        // libsass maps a custom property's value (kept with the space before it) from the colon to one column on, placed
        // as what follows the colon is
        var afterColon = _mapped && propName.StartsWith("--", StringComparison.Ordinal) ? Point(start + colon + 1) : default;
        return new DeclarationStatement(span, ParseInterpolated(propName, span, start), value, ParseExpression(value, span, valueStart))
        {
            NameRange = nameRange,
            CommentDropped = commentDropped,
            ValueRange = afterColon.File is null ? Range(valueStart, valueStart + value.Length)
                : new SourceRange(afterColon with { Column = afterColon.Column - 1 }, afterColon),
        };
    }

    /// <summary><paramref name="text"/> without its <c>/* */</c> comments (outside strings and interpolations); with
    /// <paramref name="keepAfterWord"/>, a comment that follows a word without a space stays (libsass reads a property
    /// name so: <c>foo/*x*/</c> keeps it, <c>foo /*x*/</c> not).</summary>
    private static string WithoutComments(string text, bool keepAfterWord)
    {
        if (!text.Contains("/*", StringComparison.Ordinal)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                var end = StringEnd(text, i);
                sb.Append(text, i, end - i);
                i = end - 1;
                continue;
            }
            if (c == '#' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = InterpolationEnd(text, i);
                sb.Append(text, i, end - i);
                i = end - 1;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*' && text.IndexOf("*/", i + 2, StringComparison.Ordinal) is var close and >= 0
                && !(keepAfterWord && i > 0 && !char.IsWhiteSpace(text[i - 1])))
            {
                i = close + 1;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Where the colon of a nested property's header is (<c>font:</c>, <c>font: 12px</c> before a block): a
    /// property name, then a colon followed by whitespace or nothing (<c>a:hover</c> is a selector); -1 when not one.</summary>
    private static int NestedPropertyColon(string header)
    {
        var colon = FindDeclarationColon(header);
        if (colon < 0 || colon + 1 < header.Length && !char.IsWhiteSpace(header[colon + 1]) && header[colon + 1] != '/') return -1;
        var name = WithoutComments(header[..colon], keepAfterWord: false).Trim();
        if (name.Length == 0 || name.StartsWith("--", StringComparison.Ordinal)) return -1;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '#' && i + 1 < name.Length && name[i + 1] == '{') { i = InterpolationEnd(name, i) - 1; continue; }
            if (!(char.IsLetterOrDigit(name[i]) || name[i] is '-' or '_' || i == 0 && name[i] == '*' || name[i] > 127)) return -1;
        }
        return colon;
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

    /// <summary>A comment was dropped from the text <see cref="ReadUntilStatementEnd"/> read (its value is then no static one).</summary>
    private bool _commentDropped;

    /// <summary>Reads to the end of a statement header: a <c>{</c>, <c>;</c> or <c>}</c> outside strings, parentheses and interpolation.</summary>
    /// <param name="dropComments">Drop <c>/* */</c> comments (an unknown at-rule's parameters keep them).</param>
    private string ReadUntilStatementEnd(out char terminator, bool dropComments = true)
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
            if (c == '\\' && _pos + 1 < _text.Length) { sb.Append(c).Append(_text[_pos + 1]); _pos += 2; continue; } // an escaped quote or brace
            if (c == '#' && Peek(1) == '{') { interp++; sb.Append("#{"); _pos += 2; continue; }
            if (c == '}' && interp > 0) { interp--; sb.Append('}'); _pos++; continue; }
            if (c == '/' && Peek(1) == '*' && interp == 0 && dropComments && sb.ToString() is var before
                && !before.TrimStart().StartsWith("--", StringComparison.Ordinal) && !(before.LastIndexOf("url(", StringComparison.Ordinal) is var url and >= 0 && before.IndexOf(')', url) < 0)
                && !(before.Length > 0 && !char.IsWhiteSpace(before[^1]) && before.IndexOf(':') < 0)) // foo/*x*/: a name keeps it
            {
                // a comment inside a statement is dropped (a custom property's value keeps it)
                var close = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (close >= 0)
                {
                    if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1])) sb.Append(' ');
                    _pos = close + 2;
                    if (sb.Length > 0)
                    {
                        var skipped = _pos;
                        SkipWhitespace();
                        if (_text.AsSpan(skipped, _pos - skipped).Contains('\n')) sb.Append('\n'); // a selector keeps its line break
                    }
                    _commentDropped = true;
                    continue;
                }
            }
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
                return ParseImport(span);
            case "mixin":
            case "function":
            {
                SkipWhitespace();
                var id = ReadIdentifier();
                if (name == "function" && id.Replace('_', '-') is "and" or "or" or "not") throw Error($"Invalid function name \"{id}\".");
                var parameters = ParseParameters();
                var outerContent = _contentSeen;
                _contentSeen = false;
                var body = ParseBlock(name == "mixin" ? Scope.Mixin : Scope.Function);
                var hasContent = _contentSeen;
                _contentSeen = outerContent;
                return name == "mixin" ? new MixinStatement(span, id, parameters, body) { HasContent = hasContent } : new FunctionStatement(span, id, parameters, body);
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
                List<Parameter>? usingParameters = null;
                if (_pos + 5 <= _text.Length && string.Compare(_text, _pos, "using", 0, 5, StringComparison.OrdinalIgnoreCase) == 0
                    && !(char.IsLetterOrDigit(Peek(5)) || Peek(5) is '-' or '_'))
                {
                    // the content block's parameters
                    _pos += 5;
                    SkipWhitespace();
                    if (Peek() != '(') throw Error($"Invalid CSS after \"{Before()}\": expected \"(\", was \"{After()}\"");
                    usingParameters = ParseParameters();
                    SkipWhitespace();
                    if (Peek() != '{') throw Error($"Invalid CSS after \"{Before()}\": expected \"{{\", was \"{After()}\"");
                }
                IReadOnlyList<Statement>? content = null;
                if (Peek() == '{') content = ParseBlock(Scope.Content);
                else if (Peek() == ';') _pos++;
                else if (Peek() is not ('}' or '\0')) throw Error($"Invalid CSS after \"{Before()}\": expected \";\", was \"{After()}\"");
                return new IncludeStatement(span, id, arguments, content) { Using = usingParameters };
            }
            case "else":
                throw Error("Invalid CSS: @else must come after @if");
            case "content":
            {
                _contentSeen = true;
                SkipWhitespace();
                List<Argument> arguments = [];
                if (Peek() == '(')
                {
                    var inner = ReadParenthesized(out _);
                    arguments = ParseArguments(inner, span);
                }
                ReadUntilStatementEnd(out _);
                return new ContentStatement(span) { Arguments = arguments };
            }
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
                clauses.Add((ParseExpression(condition, span, conditionStart), ParseBlock(Scope.Control)));
                while (true)
                {
                    var save = _pos;
                    SkipTrivia(null);
                    if (!At("@else")) { _pos = save; break; }
                    _pos += 5;
                    SkipTrivia(null);
                    if (At("if"))
                    {
                        _pos += 2;
                        var elseStart = _pos;
                        clauses.Add((ParseExpression(ReadUntil('{'), span, elseStart), ParseBlock(Scope.Control)));
                    }
                    else
                    {
                        clauses.Add((null, ParseBlock(Scope.Control)));
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
                return new EachStatement(span, variables, ParseExpression(header[(inAt + 2)..], span, headerStart + inAt + 2), ParseBlock(Scope.Control));
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
                    ParseExpression(toExpr, span, headerStart + to + (through >= 0 ? 7 : 2)), through >= 0, ParseBlock(Scope.Control));
            }
            case "while":
            {
                var conditionStart = _pos;
                return new WhileStatement(span, ParseExpression(ReadUntil('{'), span, conditionStart), ParseBlock(Scope.Control));
            }
            case "media":
            {
                var rawQuery = ReadUntil('{');
                var query = rawQuery.Trim();
                var blockStart = _pos;
                var body = ParseBlock(Scope.Media);
                return new MediaStatement(span, ParseInterpolated(query, span), body)
                {
                    RawQuery = query,
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
                var parameters = ReadUntilStatementEnd(out var terminator, dropComments: false);
                var trimmedStart = parametersStart + (parameters.Length - parameters.TrimStart().Length);
                var keyword = Range(at, at + 1 + name.Length);
                var parametersRange = parameters.Trim().Length > 0 && Verbatim(parameters, parametersStart)
                    ? Range(trimmedStart, trimmedStart + parameters.Trim().Length) : (SourceRange?)null;
                IReadOnlyList<Statement>? block = null;
                SourceRange? blockRange = null;
                if (terminator == '{')
                {
                    _pos--;
                    var blockStart = _pos;
                    block = ParseBlock(name == "at-root" ? Scope.AtRoot : null);
                    if (_mapped) blockRange = BlockRange(blockStart, _pos);
                }
                return new AtRuleStatement(span, name, ParseInterpolated(parameters.Trim(), span), block)
                {
                    KeywordRange = keyword,
                    ParametersRange = parametersRange,
                    BlockRange = blockRange,
                    Supports = name == "supports" ? new SupportsParser(parameters.Trim(), this, span).Parse() : null,
                };
            }
        }
    }

    /// <summary>An <c>@import</c>: quoted paths and <c>url()</c>s separated by commas, then any media queries.</summary>
    private ImportStatement ParseImport(SourceSpan span)
    {
        // libsass's parser allows no file import inside a control directive, mixin or @at-root (a url() it lets through)
        if (_scopes.LastOrDefault(s => s != Scope.Content, Scope.Rules) is not (Scope.Rules or Scope.Media or Scope.Function))
        {
            var save = _pos;
            SkipTrivia(null);
            var url = At("url(");
            _pos = save;
            if (!url) throw Error("Import directives may not be used within control directives or mixins.");
        }
        var urls = new List<(string, Expression?)>();
        do
        {
            SkipTrivia(null);
            if (Peek() is '"' or '\'')
            {
                var end = StringEnd(_text, _pos);
                urls.Add((_text[_pos..end], null));
                _pos = end;
            }
            else if (At("url("))
            {
                var end = ParenEnd(_text, _pos + 3);
                var call = _text[_pos..end];
                urls.Add((call, ParseExpression(call, span)));
                _pos = end;
            }
            else throw Error(urls.Count == 0 ? "@import directive requires a url or quoted path" : "expecting another url or quoted path in @import list");
            SkipTrivia(null);
        }
        while (Peek() == ',' && _pos++ >= 0);
        var queriesStart = _pos;
        var queries = ReadUntilStatementEnd(out _).Trim();
        if (queries.Length == 0) return new ImportStatement(span, urls, null);
        _pos = queriesStart;
        SkipTrivia(null);
        var parsed = ParseMediaQueries(span);
        SkipTrivia(null);
        if (Peek() is not (';' or '}' or '\0'))
            throw Error($"Invalid CSS after '{_text[Math.Max(0, _text.LastIndexOf('\n', _pos - 1) + 1).._pos].TrimEnd()}': expected 1 selector or at-rule, was \"{_text[_pos..Math.Max(_pos, _text.IndexOf('\n', _pos) is var nl and >= 0 ? nl : _text.Length)]}\"");
        if (Peek() == ';') _pos++;
        return new ImportStatement(span, urls, parsed);
    }

    /// <summary>A media query list as libsass parses it (<c>not</c>/<c>only</c>, a type, <c>and</c> and features in
    /// parentheses), its features' script to evaluate; printed with one space between words, <c>: </c> in a feature.</summary>
    private Interpolated ParseMediaQueries(SourceSpan span)
    {
        var parts = new List<object>();
        while (true)
        {
            SkipTrivia(null);
            if (MediaKeyword("not")) parts.Add("not ");
            else if (MediaKeyword("only")) parts.Add("only ");
            SkipTrivia(null);
            if (ReadMediaIdentifier(span, plainToo: true) is { } type) parts.AddRange(type.Parts);
            else ParseMediaExpression(parts, span);
            MediaAnds(parts, span);
            var save = _pos;
            SkipTrivia(null);
            if (ReadMediaIdentifier(span, plainToo: false) is { } more)
            {
                parts.Add(" ");
                parts.AddRange(more.Parts);
                MediaAnds(parts, span);
            }
            else _pos = save;
            var beforeComma = _pos;
            SkipTrivia(null);
            if (Peek() != ',') { _pos = beforeComma; break; }
            _pos++;
            parts.Add(", ");
        }
        return new Interpolated(parts);
    }

    private void MediaAnds(List<object> parts, SourceSpan span)
    {
        while (true)
        {
            var save = _pos;
            SkipTrivia(null);
            if (!MediaKeyword("and"))
            {
                _pos = save;
                return;
            }
            parts.Add(" and ");
            SkipTrivia(null);
            ParseMediaExpression(parts, span);
        }
    }

    private bool MediaKeyword(string word)
    {
        if (!At(word) || char.IsLetterOrDigit(Peek(word.Length)) || Peek(word.Length) is '-' or '_' or '\\') return false;
        _pos += word.Length;
        return true;
    }

    /// <summary>An identifier with interpolations (<paramref name="plainToo"/>: or without) at the position, or null.</summary>
    private Interpolated? ReadMediaIdentifier(SourceSpan span, bool plainToo)
    {
        var start = _pos;
        var end = _pos;
        while (end < _text.Length)
        {
            var c = _text[end];
            if (c == '#' && end + 1 < _text.Length && _text[end + 1] == '{') { end = InterpolationEnd(_text, end); continue; }
            if (char.IsLetterOrDigit(c) || c is '-' or '_' || c > 127) { end++; continue; }
            if (c == '\\' && end + 1 < _text.Length) { end += 2; continue; }
            break;
        }
        var text = _text[start..end];
        if (text.Length == 0 || text == "-" || char.IsDigit(text[0]) || (!plainToo && !text.Contains("#{", StringComparison.Ordinal))) return null;
        _pos = end;
        return ParseInterpolated(text, span);
    }

    /// <summary>A media feature in parentheses, <c>(feature: value)</c> or <c>(feature)</c>, or an identifier with interpolations.</summary>
    private void ParseMediaExpression(List<object> parts, SourceSpan span)
    {
        if (ReadMediaIdentifier(span, plainToo: false) is { } identifier)
        {
            parts.AddRange(identifier.Parts);
            return;
        }
        if (Peek() != '(') throw Error("media query expression must begin with '('");
        var end = ParenEnd(_text, _pos);
        if (end > _text.Length || _text[end - 1] != ')') throw Error("unclosed parenthesis in media query expression");
        var inner = _text[(_pos + 1)..(end - 1)];
        if (inner.Trim().Length == 0) throw Error("media feature required in media query expression");
        var colon = FindDeclarationColon(inner);
        parts.Add("(");
        parts.Add(ParseExpression(colon < 0 ? inner : inner[..colon], span));
        if (colon >= 0)
        {
            parts.Add(": ");
            parts.Add(ParseExpression(inner[(colon + 1)..], span));
        }
        parts.Add(")");
        _pos = end;
    }

    /// <summary>A <c>@content</c> was parsed in the mixin being parsed.</summary>
    private bool _contentSeen;

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
        // an interpolated name puts what follows it on its line three columns short of its length further on
        if (_mapped && name.Contains("#{", StringComparison.Ordinal)) _lags.Add((i, TextLine(_pos), -(name.Length - 3)));
        // libsass maps the value (kept with the space before it) from the colon to one column on
        var colon = _mapped ? Point(i + 1) : default;
        _pos = j < _text.Length && _text[j] == ';' ? j + 1 : j;
        return new DeclarationStatement(span, ParseInterpolated(name, span), raw, new LiteralExpression(SassNull.Instance))
        {
            NameRange = nameRange,
            ValueRange = colon.File is null ? null : new SourceRange(colon with { Column = colon.Column - 1 }, colon),
        };
    }

    /// <summary>The text of the line before the position (at most 20 characters, libsass's "..." before them), for an error.</summary>
    private string Before()
    {
        var lineStart = _text.LastIndexOf('\n', Math.Max(0, _pos - 1)) + 1;
        var before = _text[lineStart.._pos].TrimEnd();
        return before.Length > 20 ? "..." + before[^20..] : before;
    }

    /// <summary>The rest of the line from the position, for an error.</summary>
    private string After()
    {
        var end = _text.IndexOf('\n', _pos);
        return _text[_pos..(end < 0 ? _text.Length : end)];
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
        var parts = SplitTopLevel(inner, ',');
        for (var k = 0; k < parts.Count; k++)
        {
            var part = parts[k];
            var partStart = innerStart + offset;
            offset += part.Length + 1;
            var p = part.TrimEnd();
            var lead = p.Length - p.TrimStart().Length;
            p = p.TrimStart();
            if (p.Length == 0)
            {
                // nothing after a last comma is allowed (or in empty parentheses), nothing between two commas not
                if (k == parts.Count - 1) continue;
                throw Error("Invalid CSS: expected variable (e.g. $foo), was \",\"");
            }
            var rest = p.EndsWith("...", StringComparison.Ordinal);
            if (rest) p = p[..^3];
            if (p.Contains("...", StringComparison.Ordinal)) throw Error($"Invalid CSS after \"{p[..(p.IndexOf("...", StringComparison.Ordinal) + 3)]}\": expected \")\"");
            // libsass's order: required parameters, then optional ones, then one variable-length parameter
            if (parameters.Count > 0 && parameters[^1].Rest)
                throw Error(rest ? "functions and mixins cannot have more than one variable-length parameter"
                    : p.Contains(':') ? "optional parameters may not be combined with variable-length parameters" : "required parameters must precede variable-length parameters");
            if (!rest && !p.Contains(':') && parameters.Any(q => q.Default is not null)) throw Error("required parameters must precede optional parameters");
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

    /// <summary>True when <paramref name="text"/> (a quoted string's inside) holds an interpolation not escaped.</summary>
    internal static bool HasInterpolation(string text)
    {
        for (var i = text.IndexOf("#{", StringComparison.Ordinal); i >= 0; i = text.IndexOf("#{", i + 2, StringComparison.Ordinal))
        {
            var backslashes = 0;
            for (var j = i - 1; j >= 0 && text[j] == '\\'; j--) backslashes++;
            if (backslashes % 2 == 0) return true;
        }
        return false;
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
    /// <param name="escapes">A backslash escapes the next character (<c>\#{</c> is no interpolation), as in a quoted string.</param>
    internal Interpolated ParseInterpolated(string text, SourceSpan span, int at = -1, bool escapes = false)
    {
        var parts = new List<object>();
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (escapes && text[i] == '\\' && i + 1 < text.Length)
            {
                sb.Append(text, i, 2);
                i++;
                continue;
            }
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
