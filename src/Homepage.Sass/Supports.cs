using System.Text;

namespace Homepage.Sass;

/// <summary>An <c>@supports</c> condition as libsass parses it: <c>not</c> a condition in parentheses, conditions in
/// parentheses joined by <c>and</c>/<c>or</c>, a declaration <c>(feature: value)</c>, or a lone interpolation.</summary>
internal abstract record SupportsCondition;

internal sealed record SupportsNegation(SupportsCondition Condition) : SupportsCondition;

internal sealed record SupportsOperation(SupportsCondition Left, SupportsCondition Right, string Operator) : SupportsCondition;

internal sealed record SupportsDeclaration(Expression Feature, Expression Value) : SupportsCondition;

internal sealed record SupportsInterpolation(Expression Value) : SupportsCondition;

/// <summary>libsass's parse_supports_condition over an <c>@supports</c> rule's parameters.</summary>
internal sealed class SupportsParser(string text, Parser parser, SourceSpan span)
{
    private int _pos;

    public SupportsCondition Parse()
    {
        var condition = Condition() ?? throw Invalid("expected @supports condition (e.g. (display: flexbox))");
        SkipWhitespace();
        if (_pos < text.Length) throw Invalid("expected \"{\"");
        return condition;
    }

    private SassException Invalid(string expected)
    {
        var before = "@supports " + text[.._pos];
        if (before.Length > 20) before = "..." + before[^17..];
        return new SassException($"Error: Invalid CSS after \"{before}\": {expected}, was \"{text[_pos..]} {{\"\n        on line {span.Line}:{span.Column} of {span.File}", span.File, span.Line, span.Column);
    }

    private SassException Error(string message) => new($"Error: {message}\n        on line {span.Line}:{span.Column} of {span.File}", span.File, span.Line, span.Column);

    private void SkipWhitespace()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
    }

    /// <summary>A keyword, in any case, not followed by more of a name.</summary>
    private bool Keyword(string word)
    {
        if (_pos + word.Length > text.Length || string.Compare(text, _pos, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        var after = _pos + word.Length;
        if (after < text.Length && (char.IsLetterOrDigit(text[after]) || text[after] is '-' or '_' or '\\' || text[after] > 127)) return false;
        _pos = after;
        return true;
    }

    private SupportsCondition? Condition()
    {
        SkipWhitespace();
        if (Keyword("not"))
        {
            SkipWhitespace();
            return new SupportsNegation(InParens() ?? throw Invalid("expected @supports condition (e.g. (display: flexbox))"));
        }
        var condition = InParens();
        if (condition is null) return null;
        while (true)
        {
            SkipWhitespace();
            string op;
            if (Keyword("and")) op = "and";
            else if (Keyword("or")) op = "or";
            else break;
            SkipWhitespace();
            var right = InParens() ?? throw Invalid("expected @supports condition (e.g. (display: flexbox))");
            condition = new SupportsOperation(condition, right, op);
        }
        return condition;
    }

    private SupportsCondition? InParens()
    {
        if (string.CompareOrdinal(text, _pos, "#{", 0, 2) == 0)
        {
            var end = Balanced(_pos + 2, '}');
            var inner = text[(_pos + 2)..end];
            _pos = end + 1;
            return new SupportsInterpolation(parser.ParseExpression(inner, span));
        }
        if (_pos >= text.Length || text[_pos] != '(') return null;
        _pos++;
        SkipWhitespace();
        var condition = Condition() ?? Declaration();
        SkipWhitespace();
        if (_pos >= text.Length || text[_pos] != ')') throw Error("unclosed parenthesis in @supports declaration");
        _pos++;
        SkipWhitespace();
        return condition;
    }

    /// <summary><c>feature: value</c>, up to the closing parenthesis.</summary>
    private SupportsDeclaration Declaration()
    {
        var colon = Balanced(_pos, ':');
        var close = Balanced(_pos, ')');
        if (colon < 0 || close >= 0 && close < colon) throw Error("@supports condition expected declaration");
        var featureText = text[_pos..colon].Trim();
        if (close < 0) close = text.Length;
        var valueText = text[(colon + 1)..close].Trim();
        if (featureText.Length == 0 || valueText.Length == 0) throw Error("@supports condition expected declaration");
        var feature = parser.ParseExpression(featureText, span);
        if (feature is ListExpression) throw Error("@supports condition expected declaration");
        _pos = close;
        return new SupportsDeclaration(feature, parser.ParseExpression(valueText, span));
    }

    /// <summary>The index of <paramref name="stop"/> at the outer level from <paramref name="from"/> (outside strings,
    /// parentheses and interpolations), or -1.</summary>
    private int Balanced(int from, char stop)
    {
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (depth == 0 && c == stop) return i;
            switch (c)
            {
                case '\\': i++; break;
                case '"' or '\'':
                    for (i++; i < text.Length && text[i] != c; i++)
                        if (text[i] == '\\') i++;
                    break;
                case '(' or '[' or '{': depth++; break;
                case ')' or ']' or '}':
                    if (depth == 0) return -1;
                    depth--;
                    break;
            }
        }
        return -1;
    }
}

internal sealed partial class Evaluator
{
    /// <summary>An @supports condition printed as libsass does: declarations evaluated, parentheses only where an
    /// operation meets another operator or a negation.</summary>
    private string SupportsText(SupportsCondition condition)
    {
        var sb = new StringBuilder();
        AppendSupports(condition, sb);
        return sb.ToString();
    }

    private void AppendSupports(SupportsCondition condition, StringBuilder sb)
    {
        switch (condition)
        {
            case SupportsNegation n:
                sb.Append("not ");
                AppendSupportsOperand(n.Condition, n.Condition is SupportsNegation or SupportsOperation, sb);
                break;
            case SupportsOperation o:
                AppendSupportsOperand(o.Left, o.Left is SupportsNegation || o.Left is SupportsOperation l && l.Operator != o.Operator, sb);
                sb.Append(' ').Append(o.Operator).Append(' ');
                AppendSupportsOperand(o.Right, o.Right is SupportsNegation || o.Right is SupportsOperation r && r.Operator != o.Operator, sb);
                break;
            case SupportsDeclaration d:
                sb.Append('(').Append(ValueToCss(StripNumbers(Eval(d.Feature)))).Append(": ");
                _slashKeeps = true;
                try
                {
                    sb.Append(ValueToCss(StripNumbers(Eval(d.Value))));
                }
                finally
                {
                    _slashKeeps = false;
                }
                sb.Append(')');
                break;
            case SupportsInterpolation i:
                sb.Append(InterpolationText(Eval(i.Value)));
                break;
        }
    }

    private void AppendSupportsOperand(SupportsCondition condition, bool parens, StringBuilder sb)
    {
        if (parens) sb.Append('(');
        AppendSupports(condition, sb);
        if (parens) sb.Append(')');
    }
}
