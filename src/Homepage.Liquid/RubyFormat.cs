using System.Collections;
using System.Globalization;
using System.Text;

namespace Homepage.Liquid;

/// <summary>How Ruby prints values: <c>Float#to_s</c>, <c>Time#to_s</c>, <c>inspect</c> of hashes and arrays.</summary>
public static class RubyFormat
{
    public static string Time(DateTimeOffset t)
    {
        var o = t.Offset;
        return t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + (o < TimeSpan.Zero ? "-" : "+")
               + Math.Abs(o.Hours).ToString("00", CultureInfo.InvariantCulture) + Math.Abs(o.Minutes).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Ruby's <c>Float#to_s</c>: shortest round-trip digits, exponent form outside 1e-4 .. 1e16.</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        var r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var eIdx = r.IndexOfAny(['E', 'e']);
        var mantissa = eIdx >= 0 ? r[..eIdx] : r;
        var exp = eIdx >= 0 ? int.Parse(r[(eIdx + 1)..], CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.');
        var digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        var exponent = (dot >= 0 ? dot : mantissa.Length) + exp;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; exponent--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var sb = new StringBuilder();
        if (d < 0) sb.Append('-');
        if (exponent > 16 || exponent < -3)
        {
            sb.Append(digits[0]).Append('.').Append(digits.Length > 1 ? digits[1..] : "0");
            var e = exponent - 1;
            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (exponent <= 0) sb.Append("0.").Append('0', -exponent).Append(digits);
        else if (exponent >= digits.Length) sb.Append(digits).Append('0', exponent - digits.Length).Append(".0");
        else sb.Append(digits[..exponent]).Append('.').Append(digits[exponent..]);
        return sb.ToString();
    }

    /// <summary>Ruby's <c>inspect</c> (Ruby 3.1): <c>{"a"=>1, "b"=>[nil, "x"]}</c>.</summary>
    public static string Inspect(object? value)
    {
        var sb = new StringBuilder();
        Inspect(value, sb, 0);
        return sb.ToString();
    }

    private static void Inspect(object? value, StringBuilder sb, int depth)
    {
        if (depth > 100) { sb.Append("..."); return; }
        switch (value)
        {
            case null: sb.Append("nil"); break;
            case string s: InspectString(s, sb); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(Float(d)); break;
            case float f: sb.Append(Float(f)); break;
            case decimal m: sb.Append(m.ToString(CultureInfo.InvariantCulture)); break;
            case long or int or short: sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case DateTimeOffset t: sb.Append(Time(t)); break;
            case DateOnly date: sb.Append("#<Date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('>'); break;
            case Fluid.Values.FluidValue fluid:
                Inspect(Values.LiquidValues.ToClr(fluid), sb, depth);
                break;
            case IDictionary<string, object?> hash:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in hash)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    InspectString(k, sb);
                    sb.Append("=>");
                    Inspect(v, sb, depth + 1);
                }
                sb.Append('}');
                break;
            case ILiquidDrop drop:
                sb.Append('{');
                var firstKey = true;
                foreach (var k in drop.Keys)
                {
                    if (!firstKey) sb.Append(", ");
                    firstKey = false;
                    InspectString(k, sb);
                    sb.Append("=>");
                    Inspect(drop.TryGetValue(k, out var v) ? v : null, sb, depth + 1);
                }
                sb.Append('}');
                break;
            case IEnumerable list:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem) sb.Append(", ");
                    firstItem = false;
                    Inspect(item, sb, depth + 1);
                }
                sb.Append(']');
                break;
            default: sb.Append(value); break;
        }
    }

    public static void InspectString(string s, StringBuilder sb)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case '\u001b': sb.Append("\\e"); break;
                case '#': sb.Append('#'); break;
                default:
                    if (c < 0x20) sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
