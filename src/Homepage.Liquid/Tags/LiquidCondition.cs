using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Homepage.Liquid.Filters;
using Homepage.Liquid.Values;

namespace Homepage.Liquid.Tags;

/// <summary>
/// Liquid 5.4's <c>Condition</c>: <c>left op right</c>, chained to the next condition by <c>and</c>/<c>or</c> and evaluated
/// from the left, each relation governing the rest (so <c>a or b and c</c> is <c>a or (b and c)</c>).
/// <c>==</c> is Ruby's equality (<c>1 == '1'</c> is false; <c>blank</c> equals nothing, as plain Ruby has no
/// <c>blank?</c>; <c>empty</c> equals empty strings, arrays and hashes); <c>&lt;</c> and friends compare numbers,
/// strings and times and raise for a string against a number; <c>contains</c> is <c>include?</c>.
/// </summary>
internal sealed partial class LiquidCondition : Expression
{
    private readonly Expression _left;
    private readonly string? _operator;
    private readonly Expression? _right;
    private string? _relation;
    private LiquidCondition? _child;

    private LiquidCondition(Expression left, string? op, Expression? right)
    {
        _left = left;
        _operator = op;
        _right = right;
    }

    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var condition = this;
        FluidValue result;
        while (true)
        {
            result = await condition.InterpretAsync(context);
            if (condition._relation == "or" && RubyValue.Truthy(result)) break;
            if (condition._relation == "and" && !RubyValue.Truthy(result)) break;
            if (condition._relation is null) break;
            condition = condition._child!;
        }
        return result;
    }

    private async ValueTask<FluidValue> InterpretAsync(TemplateContext context)
    {
        var left = await _left.EvaluateAsync(context);
        if (_operator is null) return left;
        var right = await _right!.EvaluateAsync(context);
        // Only the words blank and empty written in the condition are Liquid's method literals; the same values
        // reaching here through a variable (assign x = blank) are the empty string Expression.parse made of them.
        if (_left is not MethodLiteral && left is BlankValue or EmptyValue) left = StringValue.Empty;
        if (_right is not MethodLiteral && right is BlankValue or EmptyValue) right = StringValue.Empty;
        return _operator switch
        {
            "==" => BooleanValue.Create(EqualVariables(left, right)),
            "!=" or "<>" => BooleanValue.Create(!EqualVariables(left, right)),
            "<" or ">" or "<=" or ">=" => Compare(left, right, _operator),
            "contains" => BooleanValue.Create(Contains(left, right)),
            _ => throw new LiquidException($"Liquid error: Unknown operator {_operator}"),
        };
    }

    private static bool EqualVariables(FluidValue left, FluidValue right)
    {
        if (left is BlankValue || right is BlankValue) return false;
        if (left is EmptyValue) return IsEmpty(right);
        if (right is EmptyValue) return IsEmpty(left);
        return RubyEquals(left, right);
    }

    private static bool IsEmpty(FluidValue v) => v switch
    {
        StringValue s => s.ToStringValue().Length == 0,
        ArrayValue a => a.Values.Count == 0,
        HashValue h => h.Hash.Count == 0,
        _ => false,
    };

    /// <summary>Ruby's <c>==</c> between Liquid values.</summary>
    internal static bool RubyEquals(FluidValue a, FluidValue b)
    {
        if (RubyValue.IsNil(a) || RubyValue.IsNil(b)) return RubyValue.IsNil(a) && RubyValue.IsNil(b);
        return (a, b) switch
        {
            (NumberValue x, NumberValue y) => x.ToNumberValue() == y.ToNumberValue(),
            (StringValue x, StringValue y) => x.ToStringValue() == y.ToStringValue(),
            (BooleanValue x, BooleanValue y) => x.ToBooleanValue() == y.ToBooleanValue(),
            (ArrayValue x, ArrayValue y) => x.Values.Count == y.Values.Count && x.Values.Zip(y.Values).All(p => RubyEquals(p.First, p.Second)),
            (HashValue x, HashValue y) => x.Hash.Count == y.Hash.Count && x.Hash.All(kv =>
                y.Hash.TryGetValue(kv.Key, out var other) && RubyEquals(LiquidValues.From(kv.Value), LiquidValues.From(other))),
            (DropValue x, DropValue y) => ReferenceEquals(x.Drop, y.Drop),
            (RubyTimeValue x, RubyTimeValue y) => x.Time == y.Time,
            (RubyDateValue x, RubyDateValue y) => x.Date == y.Date,
            _ => false,
        };
    }

    private static FluidValue Compare(FluidValue left, FluidValue right, string op)
    {
        int? order = (left, right) switch
        {
            (NumberValue x, NumberValue y) => x.ToNumberValue().CompareTo(y.ToNumberValue()),
            (StringValue x, StringValue y) => RubyValue.CompareBytes(x.ToStringValue(), y.ToStringValue()),
            (RubyTimeValue x, RubyTimeValue y) => x.Time.CompareTo(y.Time),
            (RubyDateValue x, RubyDateValue y) => x.Date.CompareTo(y.Date),
            _ => null,
        };
        if (order is null)
        {
            // Strings and numbers both answer <, so Ruby tries and fails; anything else does not compare at all.
            if ((left is StringValue && right is NumberValue) || (left is NumberValue && right is StringValue))
                throw new LiquidException($"Liquid error: comparison of {RubyClass(left)} with {(right is NumberValue ? RubyValue.ToS(right) : RubyClass(right))} failed");
            return NilValue.Instance;
        }
        var o = order.Value;
        return BooleanValue.Create(op switch { "<" => o < 0, ">" => o > 0, "<=" => o <= 0, _ => o >= 0 });
    }

    private static string RubyClass(FluidValue v) => v switch
    {
        StringValue => "String",
        NumberValue n when RubyValue.IsInteger(n) => "Integer",
        NumberValue => "Float",
        _ => "Object",
    };

    private static bool Contains(FluidValue left, FluidValue right)
    {
        if (!RubyValue.Truthy(left) || !RubyValue.Truthy(right)) return false;
        return left switch
        {
            StringValue s => s.ToStringValue().Contains(RubyValue.ToS(right), StringComparison.Ordinal),
            ArrayValue a => a.Values.Any(v => RubyEquals(v, right)),
            HashValue h => right is StringValue k && h.Hash.ContainsKey(k.ToStringValue()),
            _ => false,
        };
    }

    // ---- parsing (Liquid's If#lax_parse; warn mode falls back to it, and it agrees with the strict parser on valid markup) ----

    [GeneratedRegex(@"(?:\b(?:\s?and\s?|\s?or\s?)\b|(?:\s*(?!\b(?:\s?and\s?|\s?or\s?)\b)(?:" + JekyllParser.QuotedFragment + @"|\S+)\s*)+)")]
    private static partial Regex ExpressionsAndOperators();

    [GeneratedRegex("(" + JekyllParser.QuotedFragment + @")\s*([=!<>a-z_]+)?\s*(" + JekyllParser.QuotedFragment + ")?")]
    private static partial Regex Syntax();

    /// <summary>Parse an <c>if</c>/<c>elsif</c>/<c>unless</c> condition; null when the markup is not a condition.</summary>
    public static LiquidCondition? Parse(string markup, Func<string, Expression> fragment)
    {
        var pieces = ExpressionsAndOperators().Matches(markup).Select(m => m.Value).ToList();
        LiquidCondition? Comparison(string piece)
        {
            var m = Syntax().Match(piece);
            if (!m.Success) return null;
            return new LiquidCondition(Operand(m.Groups[1].Value, fragment), m.Groups[2].Success ? m.Groups[2].Value : null,
                m.Groups[3].Success ? Operand(m.Groups[3].Value, fragment) : null);
        }
        if (pieces.Count == 0) return null;
        var condition = Comparison(Pop(pieces));
        if (condition is null) return null;
        while (pieces.Count > 0)
        {
            var op = Pop(pieces).Trim();
            if (pieces.Count == 0) return null;
            var next = Comparison(Pop(pieces));
            if (next is null || op is not ("and" or "or")) return null;
            next._relation = op;
            next._child = condition;
            condition = next;
        }
        return condition;
    }

    /// <summary><c>left == value</c> for a <c>when</c> (Case's <c>Condition.new(@left, '==', parse_expression(value))</c>).</summary>
    public static LiquidCondition Equality(Expression left, string value, Func<string, Expression> fragment) =>
        new(left, "==", Operand(value, fragment));

    private static string Pop(List<string> list)
    {
        var last = list[^1];
        list.RemoveAt(list.Count - 1);
        return last;
    }

    /// <summary>Condition operands: <c>blank</c> and <c>empty</c> are the special literals, the rest Liquid expressions.</summary>
    private static Expression Operand(string markup, Func<string, Expression> fragment) => markup switch
    {
        "blank" => new MethodLiteral(BlankValue.Instance),
        "empty" => new MethodLiteral(EmptyValue.Instance),
        _ => fragment(markup),
    };

    private sealed class MethodLiteral(FluidValue value) : Expression
    {
        public override ValueTask<FluidValue> EvaluateAsync(TemplateContext context) => new(value);
    }
}
