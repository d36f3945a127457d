using System.Globalization;
using System.Text;

namespace Homepage.Sass;

/// <summary>A SassScript value.</summary>
public abstract record SassValue
{
    public virtual bool IsTruthy => true;

    /// <summary>Where the value was written or computed (libsass's pstate), for source maps; not part of its equality.</summary>
    public SourceRange? Origin { get; init; }

    public virtual bool Equals(SassValue? other) => other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary><paramref name="value"/> marked as written or computed at <paramref name="origin"/> (a literal's computed value too).</summary>
    public static SassValue WithOrigin(SassValue value, SourceRange origin) => value switch
    {
        OriginalNumber n => n with { Number = n.Number with { Origin = origin }, Origin = origin },
        OriginalColor c => c with { Color = c.Color with { Origin = origin }, Origin = origin },
        SassNull => value,
        _ => value with { Origin = origin },
    };

    /// <summary>The CSS text of the value; <paramref name="compressed"/> selects libsass's compressed number and colour forms.</summary>
    public abstract string ToCss(bool compressed);
}

public sealed record SassNull : SassValue
{
    public static readonly SassNull Instance = new();
    public override bool IsTruthy => false;
    public override string ToCss(bool compressed) => "";
}

public sealed record SassBool(bool Value) : SassValue
{
    public override bool IsTruthy => Value;
    public override string ToCss(bool compressed) => Value ? "true" : "false";
}

public sealed record SassString(string Text, bool Quoted) : SassValue
{
    /// <summary>The quote the string was written with; libsass keeps it only where a declaration's value is printed as written.</summary>
    public char Mark { get; init; } = '"';

    /// <summary>The literal as it stood in the source, quotes and escapes included (null for computed strings).</summary>
    public string? Written { get; init; }

    /// <summary>libsass's <c>quote</c>: double quotes unless the text holds a double quote and no single one; the quote and
    /// backslashes escaped, a newline as <c>\a</c>.</summary>
    public override string ToCss(bool compressed)
    {
        if (!Quoted) return Text;
        var q = Text.Contains('\'') ? '"' : Text.Contains('"') ? '\'' : '"';
        var sb = new StringBuilder().Append(q);
        for (var i = 0; i < Text.Length; i++)
        {
            var c = Text[i];
            if (c == q || c == '\\') sb.Append('\\').Append(c);
            else if (c == '\n')
            {
                sb.Append("\\a");
                if (i + 1 < Text.Length && (Uri.IsHexDigit(Text[i + 1]) || char.IsWhiteSpace(Text[i + 1]))) sb.Append(' ');
            }
            else sb.Append(c);
        }
        return sb.Append(q).ToString();
    }

    /// <summary>As written in the source, where that is known.</summary>
    public string AsWritten() => Written ?? ToCss(false);

    /// <summary>A quoted string's escapes resolved: <c>\2014 </c> a code point (one following space eaten), <c>\x</c> the
    /// character, a backslash before a newline nothing.</summary>
    public static string Unescape(string raw)
    {
        if (!raw.Contains('\\')) return raw;
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 >= raw.Length) { sb.Append(c); continue; }
            var next = raw[i + 1];
            if (Uri.IsHexDigit(next))
            {
                var end = i + 1;
                while (end < raw.Length && end - i <= 6 && Uri.IsHexDigit(raw[end])) end++;
                var code = int.Parse(raw[(i + 1)..end], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                sb.Append(code is 0 or > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF ? "\uFFFD" : char.ConvertFromUtf32(code));
                if (end < raw.Length && raw[end] is ' ' or '\t' or '\n') end++;
                i = end - 1;
            }
            else if (next == '\n') i++;
            else
            {
                sb.Append(next);
                i++;
            }
        }
        return sb.ToString();
    }
}

public sealed record SassNumber(double Value, string Unit = "") : SassValue
{
    /// <summary>libsass's <c>zero</c> flag: in compressed output the leading zero goes, except for a literal written
    /// with one (<c>0.5</c>), and an arithmetic result carries its left operand's flag; numbers read from variables
    /// and computed by functions drop it.</summary>
    public bool DropLeadingZero { get; init; } = true;

    public override string ToCss(bool compressed)
    {
        // libsass 3.6 prints numbers with 10 decimal places (its default precision, which Jekyll keeps)
        var rounded = Math.Round(Value, 10, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0;
        var text = rounded.ToString("0.##########", CultureInfo.InvariantCulture);
        if (compressed && DropLeadingZero)
        {
            if (text.StartsWith("0.", StringComparison.Ordinal)) text = text[1..];
            else if (text.StartsWith("-0.", StringComparison.Ordinal)) text = "-" + text[2..];
        }
        return text + Unit;
    }
}

public sealed record SassColor(double R, double G, double B, double A = 1) : SassValue
{
    public override string ToCss(bool compressed)
    {
        int C(double v) => (int)Math.Clamp(Evaluator.SassRound(v), 0, 255); // libsass rounds a channel within 1e-11 of .5 up
        if (A < 1)
        {
            var alpha = Math.Round(A, 10).ToString("0.##########", CultureInfo.InvariantCulture);
            return compressed ? $"rgba({C(R)},{C(G)},{C(B)},{alpha})" : $"rgba({C(R)}, {C(G)}, {C(B)}, {alpha})";
        }
        var hex = $"#{C(R):x2}{C(G):x2}{C(B):x2}";
        if (compressed)
        {
            if (hex[1] == hex[2] && hex[3] == hex[4] && hex[5] == hex[6]) hex = $"#{hex[1]}{hex[3]}{hex[5]}";
            if (ColorNames.ShortestName(C(R), C(G), C(B)) is { } name && name.Length <= hex.Length) return name;
        }
        else if (ColorNames.Name(C(R), C(G), C(B)) is { } named)
        {
            return named;
        }
        return hex;
    }

    public (double H, double S, double L) ToHsl()
    {
        double r = R / 255, g = G / 255, b = B / 255;
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var l = (max + min) / 2;
        double h = 0, s = 0;
        var d = max - min;
        if (d != 0)
        {
            s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
            if (max == r) h = (g - b) / d + (g < b ? 6 : 0);
            else if (max == g) h = (b - r) / d + 2;
            else h = (r - g) / d + 4;
            h *= 60;
        }
        return (h, s * 100, l * 100);
    }

    public static SassColor FromHsl(double h, double s, double l, double a)
    {
        h = ((h % 360) + 360) % 360 / 360;
        s = Math.Clamp(s, 0, 100) / 100;
        l = Math.Clamp(l, 0, 100) / 100;
        var m2 = l <= 0.5 ? l * (s + 1) : l + s - l * s;
        var m1 = l * 2 - m2;
        double Hue(double hh)
        {
            if (hh < 0) hh += 1;
            if (hh > 1) hh -= 1;
            if (hh * 6 < 1) return m1 + (m2 - m1) * hh * 6;
            if (hh * 2 < 1) return m2;
            if (hh * 3 < 2) return m1 + (m2 - m1) * (2.0 / 3 - hh) * 6;
            return m1;
        }
        return new SassColor(Hue(h + 1.0 / 3) * 255, Hue(h) * 255, Hue(h - 1.0 / 3) * 255, a);
    }
}

public sealed record SassList(IReadOnlyList<SassValue> Items, string Separator, bool Bracketed = false) : SassValue
{
    /// <summary>An argument list (a variable-length parameter's value): the keyword arguments it took; null for a list.</summary>
    public IReadOnlyList<(string Name, SassValue Value)>? Keywords { get; init; }

    public override string ToCss(bool compressed)
    {
        var sep = Separator == "," ? (compressed ? "," : ", ") : " ";
        var text = string.Join(sep, Items.Where(i => i is not SassNull).Select(i => i.ToCss(compressed)));
        return Bracketed ? "[" + text + "]" : text;
    }
}

public sealed record SassMap(IReadOnlyList<(SassValue Key, SassValue Value)> Entries) : SassValue
{
    public SassValue? Get(SassValue key) => Entries.FirstOrDefault(e => SassEquality.Equal(e.Key, key)).Value;
    public override string ToCss(bool compressed) => throw new SassException($"Error: ({string.Join(", ", Entries.Select(e => e.Key.ToCss(false) + ": " + e.Value.ToCss(false)))}) isn't a valid CSS value.");
}

internal static class SassEquality
{
    public static bool Equal(SassValue a, SassValue b) => (a, b) switch
    {
        (SassNumber x, SassNumber y) => Units.Comparable(x, y) is var (l, r, same) && same && NearEqual(l, r),
        (SassString x, SassString y) => x.Text == y.Text,
        (SassColor x, SassColor y) => x == y,
        (SassNull, SassNull) => true,
        (SassBool x, SassBool y) => x.Value == y.Value,
        (SassFunction x, SassFunction y) => x.Name == y.Name && x.Css == y.Css && ReferenceEquals(x.Definition, y.Definition),
        // libsass: lists are equal with the same separator and brackets
        (SassList x, SassList y) => x.Items.Count == y.Items.Count && x.Bracketed == y.Bracketed && x.Separator == y.Separator && x.Items.Zip(y.Items).All(p => Equal(p.First, p.Second)),
        _ => false,
    };

    /// <summary>libsass's <c>NEAR_EQUAL</c> of two numbers' values.</summary>
    public static bool NearEqual(double a, double b) => Math.Abs(a - b) < 1e-12;
}
