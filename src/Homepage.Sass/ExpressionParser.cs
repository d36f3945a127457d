using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Homepage.Sass;

/// <summary>SassScript: comma lists, space lists, <c>or</c>/<c>and</c>/<c>not</c>, comparisons, arithmetic, calls, maps.</summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private readonly SourceSpan _span;
    private readonly Parser _owner;
    private int _pos;

    /// <summary>The text has an <c>=</c> (an IE keyword argument, <c>opacity=50</c>, may stand in it).</summary>
    private readonly bool _hasEquals;

    /// <summary>Where <see cref="_text"/> starts in the file (-1: not known, no source-map ranges).</summary>
    private readonly int _base;

    public ExpressionParser(string text, SourceSpan span, Parser owner, int at = -1)
    {
        _text = text.Trim();
        _hasEquals = _text.Contains('=');
        _span = span;
        _owner = owner;
        _base = at < 0 ? -1 : at + (text.Length - text.TrimStart().Length);
    }

    /// <summary>The file position of text index <paramref name="index"/> (-1 when not known).</summary>
    private int At(int index) => _base < 0 ? -1 : _base + index;

    /// <summary><paramref name="e"/> with its source range, from <paramref name="start"/> to here; a literal's value carries it too
    /// (a value keeps where it was written, through variables and calls).</summary>
    private Expression Ranged(Expression e, int start)
    {
        if (_base < 0 || e.Range is not null) return e;
        var range = _owner.Range(_base + start, _base + _pos);
        return e is LiteralExpression l ? new LiteralExpression(SassValue.WithOrigin(l.Value, range)) { Range = range } : e with { Range = range };
    }

    private char Peek(int o = 0) => _pos + o < _text.Length ? _text[_pos + o] : '\0';
    private bool AtEnd => _pos >= _text.Length;

    /// <summary>Skips whitespace and <c>/* */</c> comments (in SassScript a comment is whitespace).</summary>
    private void Ws()
    {
        while (!AtEnd)
        {
            if (char.IsWhiteSpace(Peek())) _pos++;
            else if (Peek() == '/' && Peek(1) == '*' && _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal) is var end and >= 0) _pos = end + 2;
            else break;
        }
    }

    private SassException Error(string message) =>
        new($"Error: {message}\n        on line {_span.Line}:{_span.Column} of {_span.File}", _span.File, _span.Line, _span.Column);

    public Expression Parse()
    {
        var e = CommaList();
        Ws();
        if (!AtEnd) throw Error($"Invalid CSS after \"{_text[.._pos]}\": expected expression, was \"{_text[_pos..]}\"");
        return e;
    }

    private Expression CommaList()
    {
        Ws();
        var start = _pos;
        var items = new List<Expression> { SpaceList() };
        while (true)
        {
            Ws();
            if (Peek() != ',') break;
            _pos++;
            Ws();
            if (AtEnd || Peek() is ')' or ']') break;
            items.Add(SpaceList());
        }
        return items.Count == 1 ? items[0] : Ranged(new ListExpression(items, ","), start);
    }

    private Expression SpaceList()
    {
        Ws();
        var start = _pos;
        var items = new List<Expression> { Or() };
        while (true)
        {
            var save = _pos;
            Ws();
            if (AtEnd || Peek() is ',' or ')' or ':' or ']') { _pos = save; break; }
            items.Add(Or());
        }
        return items.Count == 1 ? items[0] : Ranged(new ListExpression(items, " "), start);
    }

    private bool Keyword(string word)
    {
        var save = _pos;
        Ws();
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0 &&
            (_pos + word.Length >= _text.Length || !char.IsLetterOrDigit(_text[_pos + word.Length]) && _text[_pos + word.Length] != '-'))
        {
            _pos += word.Length;
            return true;
        }
        _pos = save;
        return false;
    }

    private Expression Or()
    {
        Ws();
        var start = _pos;
        var left = And();
        while (Keyword("or")) left = Ranged(new BinaryExpression("or", left, And()), start);
        return left;
    }

    private Expression And()
    {
        Ws();
        var start = _pos;
        var left = Equality();
        while (Keyword("and")) left = Ranged(new BinaryExpression("and", left, Equality()), start);
        return left;
    }

    private string? Operator(params string[] operators)
    {
        var save = _pos;
        Ws();
        foreach (var op in operators)
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0)
            {
                _pos += op.Length;
                return op;
            }
        _pos = save;
        return null;
    }

    private Expression Equality()
    {
        Ws();
        var start = _pos;
        var left = Relational();
        while (Operator("==", "!=") is { } op) left = Ranged(new BinaryExpression(op, left, Relational()), start);
        return left;
    }

    private Expression Relational()
    {
        Ws();
        var start = _pos;
        var left = Additive();
        while (Operator(">=", "<=", ">", "<") is { } op) left = Ranged(new BinaryExpression(op, left, Additive()), start);
        return left;
    }

    private Expression Additive()
    {
        Ws();
        var start = _pos;
        var left = Multiplicative();
        while (true)
        {
            var save = _pos;
            var hadSpace = !AtEnd && char.IsWhiteSpace(Peek());
            Ws();
            var c = Peek();
            if (c is '+' or '-')
            {
                // "a -b" is a space list of a and -b; "a - b" and "a-b" subtract.
                var spaceAfter = char.IsWhiteSpace(Peek(1));
                if (hadSpace && !spaceAfter && c == '-') { _pos = save; break; }
                _pos++;
                left = Ranged(new BinaryExpression(c.ToString(), left, Multiplicative()), start);
                continue;
            }
            _pos = save;
            break;
        }
        return left;
    }

    private Expression Multiplicative()
    {
        Ws();
        var start = _pos;
        var left = Unary();
        while (true)
        {
            var before = _pos;
            if (Operator("*", "/", "%") is not { } op) break;
            var spelling = (_pos - op.Length > before ? " " : "") + op + (!AtEnd && char.IsWhiteSpace(Peek()) ? " " : "");
            left = Ranged(new BinaryExpression(op, left, Unary(), spelling), start);
        }
        return left;
    }

    private Expression Unary()
    {
        Ws();
        var start = _pos;
        if (Keyword("not")) return Ranged(new UnaryExpression("not", Unary()), start);
        if (Peek() == '-' && !char.IsDigit(Peek(1)) && Peek(1) != '.' && (Peek(1) == '$' || Peek(1) == '('))
        {
            _pos++;
            return Ranged(new UnaryExpression("-", Unary()), start);
        }
        if (Peek() == '+' && (Peek(1) == '$' || Peek(1) == '('))
        {
            _pos++;
            return Unary();
        }
        return Ranged(Primary(), start);
    }

    private Expression Primary()
    {
        Ws();
        var c = Peek();
        if (c == '[')
        {
            // a bracketed list: [a b], [a, b], []
            _pos++;
            Ws();
            var items = new List<Expression>();
            var separator = " ";
            if (Peek() != ']')
            {
                var inner = CommaList();
                if (inner is ListExpression { Bracketed: false } list) { items.AddRange(list.Items); separator = list.Separator; }
                else
                {
                    items.Add(inner);
                    if (_text[.._pos].TrimEnd().EndsWith(',')) separator = ","; // [1,] is a comma list of one element
                }
                Ws();
            }
            if (Peek() != ']') throw Error("expected \"]\"");
            _pos++;
            return new ListExpression(items, separator, Bracketed: true);
        }
        if (c == '(')
        {
            _pos++;
            Ws();
            if (Peek() == ')') { _pos++; return new ListExpression([], " "); }
            var first = SpaceList();
            Ws();
            if (Peek() == ':')
            {
                // a map
                var entries = new List<(Expression, Expression)>();
                _pos++;
                entries.Add((first, SpaceList()));
                while (true)
                {
                    Ws();
                    if (Peek() == ',') { _pos++; Ws(); }
                    if (Peek() == ')') { _pos++; break; }
                    var key = SpaceList();
                    Ws();
                    if (Peek() != ':') throw Error("expected \":\" in map");
                    _pos++;
                    entries.Add((key, SpaceList()));
                }
                return new MapExpression(entries);
            }
            var items = new List<Expression> { first };
            var comma = false;
            while (Peek() == ',')
            {
                comma = true;
                _pos++;
                Ws();
                if (Peek() == ')') break;
                items.Add(SpaceList());
                Ws();
            }
            if (Peek() != ')') throw Error("expected \")\"");
            _pos++;
            // (a b,) is a comma list of one element
            return new ParenExpression(items.Count == 1 && !comma ? items[0] : new ListExpression(items, ","));
        }
        if (c == '$')
        {
            _pos++;
            var start = _pos;
            while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() is '-' or '_')) _pos++;
            return new VariableExpression(_text[start.._pos], _span);
        }
        if (c is '"' or '\'') return QuotedString();
        if (c == '&' && Peek(1) != '&')
        {
            _pos++;
            return new ParentSelectorExpression();
        }
        if (c == '#' && Peek(1) != '{') return HexColor();
        if (char.IsDigit(c) || (c == '.' && char.IsDigit(Peek(1))) || (c is '-' or '+' && (char.IsDigit(Peek(1)) || Peek(1) == '.' && char.IsDigit(Peek(2)))))
            return Number();
        if (c is 'p' or 'e' && IeProperty() is { } ie) return ie;
        if (_hasEquals && (char.IsLetter(c) || c is '$' or '-' or '_') && IeKeywordArgument() is { } keyword) return keyword;
        if (c == '!')
        {
            var start = _pos++;
            if (char.IsWhiteSpace(Peek()))
            {
                // "! important" is !important, computed (no static value prints it as written)
                var save = _pos;
                Ws();
                var wordStart = _pos;
                while (!AtEnd && char.IsLetter(Peek())) _pos++;
                if (_pos > wordStart) return new InterpolatedStringExpression(new Interpolated(["!" + _text[wordStart.._pos]]), false);
                _pos = save;
            }
            while (!AtEnd && char.IsLetter(Peek())) _pos++;
            return new LiteralExpression(new SassString(_text[start.._pos], false));
        }
        if (c is 'u' or 'U' && Peek(1) == '+' && (Uri.IsHexDigit(Peek(2)) || Peek(2) == '?'))
        {
            // a unicode range (U+0025-00FF, U+4??) is one token
            var start = _pos;
            _pos += 2;
            while (!AtEnd && (Uri.IsHexDigit(Peek()) || Peek() == '?') && _pos - start < 8) _pos++;
            if (Peek() == '-' && Uri.IsHexDigit(Peek(1)))
            {
                var dash = ++_pos;
                while (!AtEnd && Uri.IsHexDigit(Peek()) && _pos - dash < 6) _pos++;
            }
            return new LiteralExpression(new SassString(_text[start.._pos], false));
        }
        return IdentifierOrCall();
    }

    /// <summary>libsass's <c>ie_property</c>: <c>progid:A.B.C(...)</c> or <c>expression(...)</c>, kept as written (its
    /// interpolations evaluated, a line break and the spaces around it made one space).</summary>
    private Expression? IeProperty()
    {
        var start = _pos;
        if (string.CompareOrdinal(_text, _pos, "progid:", 0, 7) == 0)
        {
            _pos += 7;
            while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() is '-' or '_' or '.' || Peek() == '#' && Peek(1) == '{'))
                _pos = Peek() == '#' ? Parser.InterpolationEnd(_text, _pos) : _pos + 1;
            while (Peek() == '(') _pos = Parser.ParenEnd(_text, _pos);
        }
        else if (string.CompareOrdinal(_text, _pos, "expression(", 0, 11) == 0) _pos = Parser.ParenEnd(_text, _pos + 10);
        else return null;
        var text = System.Text.RegularExpressions.Regex.Replace(_text[start.._pos], @"[ \t]*\n[ \t\r\n]*", " ");
        return text.Contains("#{", StringComparison.Ordinal)
            ? new InterpolatedStringExpression(_owner.ParseInterpolated(text, _span), false)
            : new LiteralExpression(new SassString(text, false));
    }

    /// <summary>libsass's <c>ie_keyword_arg</c>: <c>opacity=50</c>, <c>$name=$value*100</c>: the name, <c>=</c> and the value
    /// evaluated (a quoted value after a space).</summary>
    private Expression? IeKeywordArgument()
    {
        var save = _pos;
        object name;
        if (Peek() == '$')
        {
            var nameStart = ++_pos;
            while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() is '-' or '_')) _pos++;
            name = new VariableExpression(_text[nameStart.._pos], _span);
        }
        else
        {
            var nameStart = _pos;
            while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() is '-' or '_')) _pos++;
            name = _text[nameStart.._pos];
        }
        Ws();
        if (Peek() != '=' || Peek(1) == '=') { _pos = save; return null; }
        _pos++;
        Ws();
        var c = Peek();
        if (!(char.IsLetterOrDigit(c) || c is '$' or '"' or '\'' or '#' or '(' or '.' or '-' or '_')) { _pos = save; return null; }
        // a number is the value; anything else starts a whole list (alpha(c=d, e=f) is one argument)
        var value = c is '"' or '\'' ? QuotedString() : char.IsDigit(c) || c == '.' ? Or() : CommaList();
        return new InterpolatedStringExpression(new Interpolated([name, c is '"' or '\'' ? "= " : "=", value]), false);
    }

    private Expression QuotedString()
    {
        var start = _pos;
        _pos = Parser.StringEnd(_text, start);
        var closed = _pos - 1 > start && _text[_pos - 1] == _text[start];
        var raw = _text[(start + 1)..(closed ? _pos - 1 : _pos)];
        if (Parser.HasInterpolation(raw))
        {
            ShiftAfterInterpolations(start, _pos, all: true, times: 1);
            // the text around the interpolations has its escapes resolved (\" is the quote, \#{ no interpolation)
            var text = _owner.ParseInterpolated(raw, _span, raw.Contains('\\') ? -1 : At(start + 1), escapes: true);
            if (raw.Contains('\\')) text = new Interpolated(text.Parts.Select(p => p is string literal ? SassString.Unescape(literal) : p).ToList());
            return new InterpolatedStringExpression(text, true);
        }
        // the value has its escapes resolved (\2014 is an em dash); printed as written it keeps them
        return new LiteralExpression(new SassString(SassString.Unescape(raw), true) { Mark = _text[start], Written = _text[start.._pos] });
    }

    /// <summary>libsass's <c>number_has_zero</c>: false for a number written as <c>.5</c> or <c>0.5</c> (compressed output
    /// then keeps a leading zero where the number is printed as a value, not as written).</summary>
    private static bool HasZero(string literal) =>
        !(literal.StartsWith('.') || literal.StartsWith("0.", StringComparison.Ordinal) || literal.StartsWith("-.", StringComparison.Ordinal) || literal.StartsWith("-0.", StringComparison.Ordinal));

    private Expression HexColor()
    {
        var start = ++_pos;
        while (!AtEnd && Uri.IsHexDigit(Peek())) _pos++;
        var hex = _text[start.._pos];
        // #rgb, #rgba, #rrggbb and #rrggbbaa (libsass 3.6 reads the alpha forms too)
        if (hex.Length is 3 or 4) hex = string.Concat(hex.Select(c => $"{c}{c}"));
        if (hex.Length is not (6 or 8)) return new LiteralExpression(new SassString("#" + _text[start.._pos], false));
        var alpha = hex.Length == 8 ? Convert.ToInt32(hex[6..], 16) / 255.0 : 1;
        return new LiteralExpression(new OriginalColor(
            new SassColor(Convert.ToInt32(hex[..2], 16), Convert.ToInt32(hex[2..4], 16), Convert.ToInt32(hex[4..6], 16), alpha), "#" + _text[start.._pos]));
    }

    private Expression Number()
    {
        var start = _pos;
        if (Peek() is '-' or '+') _pos++;
        // digits, and a fraction only with a digit after its point (libsass: "1." is an error, "1.5.5" two numbers)
        while (!AtEnd && char.IsDigit(Peek())) _pos++;
        if (Peek() == '.' && char.IsDigit(Peek(1)))
        {
            _pos++;
            while (!AtEnd && char.IsDigit(Peek())) _pos++;
        }
        var number = double.Parse(_text[start.._pos], CultureInfo.InvariantCulture);
        var unitStart = _pos;
        if (Peek() == '%') _pos++;
        else while (!AtEnd && (char.IsLetter(Peek()))) _pos++;
        var literal = _text[start.._pos];
        var expression = new LiteralExpression(new OriginalNumber(
            new SassNumber(number, _text[unitStart.._pos]) { DropLeadingZero = HasZero(literal) }, literal));
        // libsass places a signed number from its first digit
        return literal[0] is '-' or '+' ? Ranged(expression, start + 1) : expression;
    }

    /// <summary>An argument <c>name=value</c> whose value is not a number (libsass then parses a list after the <c>=</c>).</summary>
    private static readonly Regex IeKeywordList = new(@"^\s*-?[A-Za-z_][A-Za-z0-9_-]*\s*=(?!=)\s*(?![0-9]|\.[0-9])[$(#A-Za-z_-]", RegexOptions.CultureInvariant);

    private Expression IdentifierOrCall()
    {
        var identifierStart = _pos;
        var sb = new StringBuilder();
        var parts = new List<object>();
        while (!AtEnd)
        {
            var c = Peek();
            if (c == '#' && Peek(1) == '{')
            {
                if (sb.Length > 0) { parts.Add(sb.ToString()); sb.Clear(); }
                var j = Parser.InterpolationEnd(_text, _pos);
                parts.Add(_owner.ParseExpression(_text[(_pos + 2)..(j - 1)], _span, At(_pos + 2)));
                _pos = j;
                continue;
            }
            if (char.IsLetterOrDigit(c) || c is '-' or '_' || c > 127) { sb.Append(c); _pos++; continue; }
            if (c == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] != '\n')
            {
                // an escape in an identifier (\f26e, \@), kept as written
                sb.Append(c).Append(_text[_pos + 1]);
                _pos += 2;
                if (Uri.IsHexDigit(_text[_pos - 1]))
                    for (var digits = 1; digits < 6 && !AtEnd && Uri.IsHexDigit(Peek()); digits++) sb.Append(_text[_pos++]);
                continue;
            }
            break;
        }
        if (sb.Length > 0) parts.Add(sb.ToString());
        if (parts.Count == 0) throw Error($"Invalid CSS after \"{_text[.._pos]}\": expected expression, was \"{_text[_pos..]}\"");
        if (Peek() == '(' && parts.Count == 1 && parts[0] is string name)
        {
            // A call: Sass functions evaluate their arguments; calc/url and unknown functions are kept as CSS.
            var argsStart = _pos;
            _pos = Parser.ParenEnd(_text, _pos);
            var inner = _text[(argsStart + 1)..(_pos - 1)];
            // url($var) and url("quoted") are calls whose argument is evaluated (and printed double-quoted); a bare url(...) is kept
            var urlArgument = name == "url" && inner.Trim() is { Length: > 0 } trimmed
                && (trimmed[0] == '$' || (trimmed[0] is '"' or '\'' && Parser.StringEnd(trimmed, 0) == trimmed.Length));
            if (!urlArgument && (name is "calc" or "url" or "var" or "env" || name.StartsWith("-", StringComparison.Ordinal) && name.EndsWith("calc", StringComparison.Ordinal)))
            {
                // libsass's parser counts the text inside each interpolation of such a call three times
                ShiftAfterInterpolations(argsStart + 1, _pos - 1, all: true, times: 2);
                return new InterpolatedStringExpression(_owner.ParseInterpolated(name + "(" + inner + ")", _span, At(argsStart - name.Length)), false);
            }
            var arguments = new List<Argument>();
            var offset = argsStart + 1;
            var pieces = Parser.SplitTopLevel(inner, ',');
            for (var p = 0; p < pieces.Count; p++)
            {
                var part = pieces[p];
                // IE's c=d takes the rest of the arguments into its value, as libsass parses it
                if (p + 1 < pieces.Count && part.Contains('=') && IeKeywordList.IsMatch(part))
                {
                    part = string.Join(",", pieces.Skip(p));
                    p = pieces.Count;
                }
                var partStart = offset + (part.Length - part.TrimStart().Length);
                offset += part.Length + 1;
                var a = part.Trim();
                if (a.Length == 0) continue;
                var rest = a.EndsWith("...", StringComparison.Ordinal);
                if (rest) a = a[..^3];
                string? argumentName = null;
                if (a.StartsWith('$'))
                {
                    var colon = a.IndexOf(':');
                    if (colon > 0 && a[1..colon].Trim().All(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_'))
                    {
                        argumentName = a[1..colon].Trim();
                        a = a[(colon + 1)..];
                        partStart += colon + 1;
                    }
                }
                arguments.Add(new Argument(argumentName, _owner.ParseExpression(a, _span, At(partStart)), rest));
            }
            return new FunctionCallExpression(name, arguments, _span);
        }
        if (parts.Count == 1 && parts[0] is string word)
        {
            switch (word)
            {
                case "true": return new LiteralExpression(new SassBool(true));
                case "false": return new LiteralExpression(new SassBool(false));
                case "null": return new LiteralExpression(SassNull.Instance);
            }
            if (word == "transparent") return new LiteralExpression(new OriginalColor(new SassColor(0, 0, 0, 0), word));
            if (ColorNames.ByName.TryGetValue(word, out var rgb))
                return new LiteralExpression(new OriginalColor(new SassColor((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255), word));
            return new LiteralExpression(new SassString(word, false));
        }
        var interpolated = new InterpolatedStringExpression(new Interpolated(parts), false);
        if (_base < 0) return interpolated;
        // libsass places an identifier with interpolations oddly: one that is the whole value just before it, one column
        // long; any other counts the text inside its first #{ } three times, which moves the rest of its line on
        if (identifierStart == 0 && _pos == _text.Length && _text.StartsWith("#{", StringComparison.Ordinal))
            return interpolated with { Range = new SourceRange(_owner.Point(At(0) - 1), _owner.Point(At(0))) };
        ShiftAfterInterpolations(identifierStart, _pos, all: false, times: 2);
        return interpolated;
    }

    /// <summary>Tells the parser that libsass counts the text inside the interpolations between <paramref name="from"/> and
    /// <paramref name="to"/> (the first, or <paramref name="all"/>) <paramref name="times"/> more times: what follows on the line
    /// (this value's end included) is placed that much further on.</summary>
    private void ShiftAfterInterpolations(int from, int to, bool all, int times)
    {
        if (_base < 0) return;
        var inside = 0;
        for (var i = _text.IndexOf("#{", from, StringComparison.Ordinal); i >= 0 && i < to; i = _text.IndexOf("#{", i + 2, StringComparison.Ordinal))
        {
            // the spaces that open an interpolation are not counted
            var open = i + 2;
            while (open < _text.Length && _text[open] is ' ' or '\t' or '\n' or '\r') open++;
            inside += Parser.InterpolationEnd(_text, i) - open - 1;
            if (!all) break;
        }
        if (inside > 0) _owner.ShiftLine(At(_pos) - 1, times * inside);
    }
}

/// <summary>A literal colour as written; libsass prints literals as written unless they are computed with.</summary>
public sealed record OriginalColor(SassColor Color, string Text) : SassValue
{
    /// <summary>As written; compressed output shortens a hex literal (<c>#ff0000</c> is <c>red</c>) but keeps a name.</summary>
    public override string ToCss(bool compressed) => compressed && Text.StartsWith('#') ? Color.ToCss(true) : Text;
}

/// <summary>A literal number as written (libsass keeps <c>0.5em</c> as written when it is not computed with).</summary>
public sealed record OriginalNumber(SassNumber Number, string Text) : SassValue
{
    public override string ToCss(bool compressed) => Text;
}
