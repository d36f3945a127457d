using System.Collections;
using System.Globalization;
using System.Text;

namespace Homepage.Engine.Utilities;

/// <summary>Ruby's <c>to_s</c>, truthiness and comparison for the engine's CLR data model.</summary>
public static class RubyValue
{
    public static string ToS(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        long or int or short or byte => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => FloatToS(d),
        float f => FloatToS(f),
        decimal m => FloatToS((double)m),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => TimeToS(t),
        IList list => ListInspect(list),
        _ => value.ToString() ?? "",
    };

    /// <summary>Ruby's <c>Time#to_s</c>: <c>2024-01-01 00:00:00 +0000</c> (UTC prints as <c>UTC</c> only for utc Times, which Jekyll never keeps).</summary>
    public static string TimeToS(DateTimeOffset t)
    {
        var offset = t.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + sign + abs.Hours.ToString("00", CultureInfo.InvariantCulture) + abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Ruby's <c>Float#to_s</c>: shortest round-trip digits, scientific outside 1e-4..1e16.</summary>
    public static string FloatToS(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        // Decompose into digits and exponent.
        var negative = r.StartsWith('-');
        if (negative) r = r[1..];
        string digits;
        int exponent;
        var eIdx = r.IndexOfAny(['E', 'e']);
        var mantissa = eIdx >= 0 ? r[..eIdx] : r;
        var exp = eIdx >= 0 ? int.Parse(r[(eIdx + 1)..], CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.');
        if (dot >= 0)
        {
            digits = mantissa.Remove(dot, 1);
            exponent = dot + exp;
        }
        else
        {
            digits = mantissa;
            exponent = mantissa.Length + exp;
        }
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; exponent--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (exponent > 16 || exponent < -3)
        {
            sb.Append(digits[0]).Append('.');
            sb.Append(digits.Length > 1 ? digits[1..] : "0");
            var e = exponent - 1;
            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (exponent <= 0)
        {
            sb.Append("0.").Append('0', -exponent).Append(digits);
        }
        else if (exponent >= digits.Length)
        {
            sb.Append(digits).Append('0', exponent - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits[..exponent]).Append('.').Append(digits[exponent..]);
        }
        return sb.ToString();
    }

    private static string ListInspect(IList list)
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(list[i] is string s ? "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" : list[i] is null ? "nil" : ToS(list[i]));
        }
        return sb.Append(']').ToString();
    }

    public static bool Truthy(object? value) => value is not null && value is not false;
}
