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

    /// <summary>Ruby's <c>Time#to_s</c>: <c>2024-01-01 00:00:00 +0000</c>.</summary>
    public static string TimeToS(DateTimeOffset t) => Homepage.Liquid.RubyFormat.Time(t);

    /// <summary>Ruby's <c>Float#to_s</c>.</summary>
    public static string FloatToS(double d) => Homepage.Liquid.RubyFormat.Float(d);

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
