using System.Globalization;
using System.Text;
using Fluid;
using Fluid.Values;
using Homepage.Liquid.Values;

namespace Homepage.Liquid.Filters;

/// <summary>Ruby's view of Liquid values, as Liquid's filters see them: <c>to_s</c>, numbers (Integer or BigDecimal),
/// <c>obj[property]</c>, <c>&lt;=&gt;</c>, and Liquid's <c>InputIterator</c>.</summary>
internal static class RubyValue
{
    /// <summary><c>to_s</c>: nil is empty, arrays and hashes print as <c>inspect</c>, floats as Ruby prints them.</summary>
    public static string ToS(FluidValue v) => v switch
    {
        NilValue or BaseNilValue => "",
        StringValue s => s.ToStringValue(),
        ArrayValue or HashValue => RubyFormat.Inspect(LiquidValues.ToClr(v)),
        _ => v.ToStringValue(),
    };

    public static bool IsNil(FluidValue v) => v is NilValue or BaseNilValue;

    /// <summary>A number: an Integer, or a BigDecimal (Liquid turns every Float into one) shown by <see cref="IsDecimal"/>.</summary>
    public readonly record struct Number(decimal Value, bool IsDecimal)
    {
        public FluidValue ToValue() => IsDecimal ? LiquidValues.FromDouble((double)Value) : NumberValue.Create(Value);
    }

    public static bool IsInteger(FluidValue v) => v is NumberValue n && NumberValue.GetScale(n.ToNumberValue()) == 0;

    /// <summary>Liquid's <c>Utils.to_number</c>: strings like <c>-1.5</c> are decimals, other strings <c>to_i</c>, the rest 0.</summary>
    public static Number ToNumber(FluidValue v)
    {
        switch (v)
        {
            case NumberValue n:
                return new Number(n.ToNumberValue(), !IsInteger(v));
            case StringValue s:
            {
                var text = s.ToStringValue().Trim(' ', '\t', '\n', '\v', '\f', '\r', '\0');
                if (IsDecimalString(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
                    return new Number(d, true);
                return new Number(ToI(s.ToStringValue()), false);
            }
            default:
                return new Number(0, false);
        }
    }

    private static bool IsDecimalString(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-') i++;
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i == start || i >= s.Length || s[i] != '.') return false;
        var frac = ++i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i > frac && i == s.Length;
    }

    /// <summary>Ruby's <c>String#to_i</c>: leading whitespace, a sign, digits (underscores between them), then anything.</summary>
    public static decimal ToI(string s)
    {
        var i = 0;
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r') i++;
        var negative = false;
        if (i < s.Length && s[i] is '+' or '-') negative = s[i++] == '-';
        decimal value = 0;
        var any = false;
        while (i < s.Length)
        {
            if (char.IsAsciiDigit(s[i])) { value = value * 10 + (s[i] - '0'); any = true; i++; }
            else if (s[i] == '_' && any && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])) i++;
            else break;
        }
        return negative ? -value : value;
    }

    /// <summary>Liquid's <c>Utils.to_integer</c>: an Integer, or a string Ruby's <c>Integer()</c> accepts; else "invalid integer".</summary>
    public static long ToInteger(FluidValue v)
    {
        if (IsInteger(v)) return (long)v.ToNumberValue();
        var s = ToS(v).Trim(' ', '\t', '\n', '\v', '\f', '\r');
        var body = s.Replace("_", "");
        var negative = body.StartsWith('-');
        if (body.StartsWith('-') || body.StartsWith('+')) body = body[1..];
        long result;
        var ok = body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out result)
            : body.StartsWith("0b", StringComparison.OrdinalIgnoreCase)
                ? TryBinary(body[2..], out result)
                : long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out result);
        if (!ok || s.Contains("__") || s.EndsWith('_')) throw new LiquidException("Liquid error: invalid integer");
        return negative ? -result : result;
    }

    private static bool TryBinary(string s, out long value)
    {
        value = 0;
        if (s.Length == 0) return false;
        foreach (var c in s)
        {
            if (c is not ('0' or '1')) return false;
            value = value * 2 + (c - '0');
        }
        return true;
    }

    /// <summary>Liquid's <c>InputIterator</c>: arrays flattened, a hash as one item, nil as none, anything else as itself.</summary>
    public static List<FluidValue> Iterate(FluidValue input, TemplateContext context)
    {
        var items = new List<FluidValue>();
        switch (input)
        {
            case ArrayValue a:
                Flatten(a, items);
                break;
            case NilValue or BaseNilValue:
                break;
            case HashValue or StringValue or NumberValue or BooleanValue:
                items.Add(input);
                break;
            default:
                items.AddRange(input.Enumerate(context));
                break;
        }
        return items;
    }

    private static void Flatten(ArrayValue a, List<FluidValue> into)
    {
        foreach (var v in a.Values)
            if (v is ArrayValue inner) Flatten(inner, into);
            else into.Add(v);
    }

    /// <summary>Whether Ruby's object answers <c>[]</c> (hashes, drops, strings, integers and arrays do).</summary>
    public static bool HasIndexer(FluidValue v) => v is HashValue or DropValue or StringValue or ArrayValue || IsInteger(v);

    /// <summary><c>item[property]</c>; integers and arrays raise Liquid's "cannot select the property".</summary>
    public static FluidValue Index(FluidValue item, FluidValue property, TemplateContext context)
    {
        switch (item)
        {
            case HashValue or DropValue:
                return IsNil(property) ? NilValue.Instance : item.GetValueAsync(ToS(property), context).AsTask().GetAwaiter().GetResult();
            case StringValue s:
            {
                if (property is not StringValue p) throw PropertyError(property);
                var text = s.ToStringValue();
                return text.Contains(p.ToStringValue(), StringComparison.Ordinal) ? p : NilValue.Instance;
            }
            default:
                throw PropertyError(property);
        }
    }

    public static LiquidException PropertyError(FluidValue property) =>
        new($"Liquid error: cannot select the property '{ToS(property)}'");

    /// <summary>Ruby's <c>a &lt;=&gt; b</c>, or null when the two cannot be compared.</summary>
    public static int? Compare(FluidValue a, FluidValue b)
    {
        if (IsNil(a) && IsNil(b)) return 0;
        if (a is NumberValue x && b is NumberValue y) return x.ToNumberValue().CompareTo(y.ToNumberValue());
        if (a is StringValue s && b is StringValue t) return Math.Sign(CompareBytes(s.ToStringValue(), t.ToStringValue()));
        if (a is BooleanValue p && b is BooleanValue q) return p.ToBooleanValue() == q.ToBooleanValue() ? 0 : null;
        if (a is RubyTimeValue ta && b is RubyTimeValue tb) return ta.Time.CompareTo(tb.Time);
        if (a is RubyDateValue da && b is RubyDateValue db) return da.Date.CompareTo(db.Date);
        if (a is ArrayValue aa && b is ArrayValue ab)
        {
            for (var i = 0; i < Math.Min(aa.Values.Count, ab.Values.Count); i++)
            {
                var c = Compare(aa.Values[i], ab.Values[i]);
                if (c != 0) return c;
            }
            return aa.Values.Count.CompareTo(ab.Values.Count);
        }
        return null;
    }

    /// <summary>Ruby compares strings byte by byte (UTF-8).</summary>
    public static int CompareBytes(string a, string b)
    {
        if (IsAscii(a) && IsAscii(b)) return string.CompareOrdinal(a, b);
        return Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
    }

    private static bool IsAscii(string s) => System.Text.Ascii.IsValid(s);

    /// <summary>Ruby's <c>casecmp</c>: only A-Z fold.</summary>
    public static int CaseCompare(string a, string b)
    {
        static string Fold(string s) => string.Create(s.Length, s, (span, src) =>
        {
            for (var i = 0; i < src.Length; i++) span[i] = src[i] is >= 'A' and <= 'Z' ? (char)(src[i] + 32) : src[i];
        });
        return Math.Sign(CompareBytes(Fold(a), Fold(b)));
    }

    /// <summary>A key for Ruby's <c>Array#uniq</c> (<c>hash</c>/<c>eql?</c>): 1 and 1.0 differ, equal hashes are equal.</summary>
    public static string UniqKey(FluidValue v) => v switch
    {
        NilValue or BaseNilValue => "nil",
        NumberValue => (IsInteger(v) ? "i:" : "f:") + v.ToStringValue(),
        StringValue s => "s:" + s.ToStringValue(),
        BooleanValue b => b.ToBooleanValue() ? "true" : "false",
        DropValue d => "d:" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(d.Drop),
        _ => "o:" + RubyFormat.Inspect(LiquidValues.ToClr(v)),
    };

    /// <summary>Ruby's truthiness: only nil and false are false.</summary>
    public static bool Truthy(FluidValue v) => v switch
    {
        NilValue or BaseNilValue => false,
        BooleanValue b => b.ToBooleanValue(),
        StringValue or NumberValue or ArrayValue or HashValue or DropValue or RubyTimeValue or RubyDateValue or DateTimeValue => true,
        BlankValue or EmptyValue => true,
        // Fluid's comparisons evaluate to a lazy value that knows its own truth.
        _ => v.ToBooleanValue(),
    };

    /// <summary>Ruby's <c>String#length</c> in code points.</summary>
    public static int Length(string s)
    {
        var n = 0;
        foreach (var _ in s.EnumerateRunes()) n++;
        return n;
    }

    /// <summary>The code points <paramref name="start"/> .. start+count of <paramref name="s"/>.</summary>
    public static string Substring(string s, int start, int count)
    {
        if (IsAscii(s)) return s.Substring(start, count);
        var sb = new StringBuilder();
        var i = 0;
        foreach (var r in s.EnumerateRunes())
        {
            if (i >= start + count) break;
            if (i >= start) sb.Append(r.ToString());
            i++;
        }
        return sb.ToString();
    }
}
