using System.Collections;
using System.Globalization;
using System.Text;

namespace Homepage.Liquid;

/// <summary>Ruby's <c>JSON.generate</c> over the data model, as Jekyll's <c>jsonify</c> produces it.</summary>
public static class Json
{
    private static readonly HashSet<string> NestedBlacklist = ["content", "output", "excerpt", "next", "previous"];

    public static string Write(object? value)
    {
        var sb = new StringBuilder();
        Write(value, sb, 0);
        return sb.ToString();
    }

    private static void Write(object? value, StringBuilder sb, int depth)
    {
        if (depth > 64) throw new LiquidException("Liquid error: nesting of 65 is too deep");
        switch (value)
        {
            case null: sb.Append("null"); break;
            case string s: String(s, sb); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(RubyFormat.Float(d)); break;
            case float f: sb.Append(RubyFormat.Float(f)); break;
            case decimal m: sb.Append(m.ToString(CultureInfo.InvariantCulture)); break;
            case long or int or short: sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case DateTimeOffset t: String(RubyFormat.Time(t), sb); break;
            case DateOnly date: String(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sb); break;
            case Fluid.Values.FluidValue fluid:
                Write(Values.LiquidValues.ToClr(fluid), sb, depth);
                break;
            case IDictionary<string, object?> hash:
                Object(hash.Select(kv => (kv.Key, kv.Value)), sb, depth);
                break;
            case ILiquidDrop drop:
                Object(drop.Keys.Select(k => (k, Collapse(k, drop.TryGetValue(k, out var v) ? v : null, depth))), sb, depth);
                break;
            case IEnumerable list:
                sb.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Write(item, sb, depth + 1);
                }
                sb.Append(']');
                break;
            default: String(value.ToString() ?? "", sb); break;
        }
    }

    /// <summary>Jekyll's <c>DocumentDrop#hash_for_json</c>: below depth 2, previous/next documents lose their heavy keys.</summary>
    private static object? Collapse(string key, object? value, int depth)
    {
        if (depth < 2 || key is not ("previous" or "next") || value is not ILiquidDrop doc) return value;
        var collapsed = new List<KeyValuePair<string, object?>>();
        foreach (var k in doc.Keys)
            if (!NestedBlacklist.Contains(k)) collapsed.Add(new(k, doc.TryGetValue(k, out var v) ? v : null));
        var hash = new Dictionary<string, object?>();
        foreach (var (k, v) in collapsed) hash[k] = v;
        return hash;
    }

    private static void Object(IEnumerable<(string Key, object? Value)> pairs, StringBuilder sb, int depth)
    {
        sb.Append('{');
        var first = true;
        foreach (var (key, value) in pairs)
        {
            if (!first) sb.Append(',');
            first = false;
            String(key, sb);
            sb.Append(':');
            Write(value, sb, depth + 1);
        }
        sb.Append('}');
    }

    private static void String(string s, StringBuilder sb)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
