using System.Globalization;
using Fluid;
using Fluid.Values;
using Homepage.Liquid.Values;

namespace Homepage.Liquid.Filters;

/// <summary>Liquid's standard filters where Fluid's behaviour differs from Ruby's Liquid 5.4.</summary>
internal static class StandardFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("date", Date);
        filters.AddFilter("size", Size);
        filters.AddFilter("first", First);
        filters.AddFilter("last", Last);
        filters.AddFilter(LiquidCompatibility.SliceFilter, Slice);
        filters.AddFilter(LiquidCompatibility.RangeFilter, Range);
        filters.AddFilter("divided_by", DividedBy);
        filters.AddFilter("round", Round);
        filters.AddFilter("join", Join);
        filters.AddFilter("split", Split);
        filters.AddFilter("escape", Escape);
        filters.AddFilter("h", Escape);
        filters.AddFilter("escape_once", EscapeOnce);
    }

    /// <summary>Ruby's <c>CGI.escapeHTML</c>: only <c>&amp; &lt; &gt; " '</c> are replaced; nil stays nil.</summary>
    private static ValueTask<FluidValue> Escape(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(input.IsNil() ? NilValue.Instance : StringValue.Create(CgiHtml.Escape(input.ToStringValue())));

    /// <summary>Liquid's <c>escape_once</c>: as <c>escape</c>, but an <c>&amp;</c> that starts a named or decimal entity is kept.</summary>
    private static ValueTask<FluidValue> EscapeOnce(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(StringValue.Create(CgiHtml.EscapeOnce(input.ToStringValue())));

    /// <summary>Ruby's <c>Array#join</c> with Liquid's default glue of one space; nested arrays are flattened.</summary>
    private static ValueTask<FluidValue> Join(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var glue = arguments.Count > 0 && !arguments.At(0).IsNil() ? arguments.At(0).ToStringValue() : " ";
        if (input is not ArrayValue array) return new ValueTask<FluidValue>(input.IsNil() ? StringValue.Empty : StringValue.Create(input.ToStringValue()));
        var parts = new List<string>();
        void Flatten(FluidValue v)
        {
            if (v is ArrayValue a) foreach (var x in a.Values) Flatten(x);
            else parts.Add(v.IsNil() ? "" : v.ToStringValue());
        }
        Flatten(array);
        return new ValueTask<FluidValue>(StringValue.Create(string.Join(glue, parts)));
    }

    /// <summary>Ruby's <c>String#split</c>: a single space splits on runs of whitespace (awk style); trailing empty fields are dropped.</summary>
    private static ValueTask<FluidValue> Split(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.IsNil() ? "" : input.ToStringValue();
        var separator = arguments.At(0).IsNil() ? "" : arguments.At(0).ToStringValue();
        List<string> parts;
        if (separator == " ") parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        else if (separator.Length == 0) parts = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        else
        {
            parts = text.Split(separator).ToList();
            while (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        }
        return new ValueTask<FluidValue>(new ArrayValue(parts.Select(p => (FluidValue)StringValue.Create(p)).ToArray()));
    }

    /// <summary>Liquid's <c>Utils.slice_collection</c> for a for loop's offset and limit.</summary>
    private static ValueTask<FluidValue> Slice(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var items = input switch
        {
            ArrayValue a => a.Values.ToList(),
            NilValue => [],
            StringValue s => s.ToStringValue().Length == 0 ? [] : [s],
            _ => input.Enumerate(context).ToList(),
        };
        var from = arguments.At(0).IsNil() ? 0 : (int)arguments.At(0).ToNumberValue();
        int? to = arguments.At(1).IsNil() ? null : from + (int)arguments.At(1).ToNumberValue();
        from = Math.Clamp(from, 0, items.Count);
        var end = to is null ? items.Count : Math.Clamp(to.Value, from, items.Count);
        return new ValueTask<FluidValue>(new ArrayValue(items.GetRange(from, end - from)));
    }

    /// <summary>A for loop's <c>(from..to)</c> as an array, refused beyond <see cref="LiquidCompatibility.MaxRangeLength"/> elements.</summary>
    private static ValueTask<FluidValue> Range(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var from = (long)decimal.Truncate(input.ToNumberValue());
        var to = (long)decimal.Truncate(arguments.At(0).ToNumberValue());
        var length = to - from + 1;
        if (length > LiquidCompatibility.MaxRangeLength)
            throw new LiquidException($"Liquid error: the range ({from}..{to}) has {length} elements, more than the {LiquidCompatibility.MaxRangeLength} a loop may take");
        var items = new FluidValue[Math.Max(0, length)];
        for (var i = 0; i < items.Length; i++) items[i] = NumberValue.Create(from + i);
        return new ValueTask<FluidValue>(new ArrayValue(items));
    }

    private static bool IsInteger(FluidValue v) => v is NumberValue n && NumberValue.GetScale(n.ToNumberValue()) == 0;

    /// <summary>Ruby division: Integer / Integer floors, anything with a Float is a Float.</summary>
    private static ValueTask<FluidValue> DividedBy(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var divisor = arguments.At(0);
        var a = input.ToNumberValue();
        var b = divisor.ToNumberValue();
        if (b == 0)
        {
            if (IsInteger(input) && IsInteger(divisor)) throw new LiquidException("Liquid error: divided by 0");
            return new ValueTask<FluidValue>(StringValue.Create(a == 0 ? "NaN" : a > 0 ? "Infinity" : "-Infinity"));
        }
        if (IsInteger(input) && IsInteger(divisor)) return new ValueTask<FluidValue>(NumberValue.Create(Math.Floor(a / b)));
        return new ValueTask<FluidValue>(LiquidValues.FromDouble((double)a / (double)b));
    }

    /// <summary>Ruby's <c>round</c>: half away from zero; an Integer without digits, a Float with them.</summary>
    private static ValueTask<FluidValue> Round(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var digits = arguments.At(0).IsNil() ? 0 : (int)arguments.At(0).ToNumberValue();
        var value = input.ToNumberValue();
        if (digits <= 0) return new ValueTask<FluidValue>(NumberValue.Create(Math.Round(value, 0, MidpointRounding.AwayFromZero)));
        if (IsInteger(input)) return new ValueTask<FluidValue>(input);
        return new ValueTask<FluidValue>(LiquidValues.FromDouble((double)Math.Round(value, Math.Min(digits, 28), MidpointRounding.AwayFromZero)));
    }

    /// <summary>Liquid's <c>date</c>: Ruby's strftime; "now"/"today"; numbers as epoch seconds; unparseable input unchanged.</summary>
    private static ValueTask<FluidValue> Date(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var format = arguments.At(0).ToStringValue();
        if (arguments.At(0).IsNil() || format.Length == 0) return new ValueTask<FluidValue>(input);
        var time = ToTime(input, context);
        if (time is null) return new ValueTask<FluidValue>(input);
        return new ValueTask<FluidValue>(StringValue.Create(RubyStrftime.Format(time.Value, format, context.TimeZone)));
    }

    /// <summary>Liquid's <c>Utils.to_date</c>.</summary>
    internal static DateTimeOffset? ToTime(FluidValue input, TemplateContext context)
    {
        var zone = context.TimeZone ?? TimeZoneInfo.Local;
        switch (input)
        {
            case RubyTimeValue t: return t.Time;
            case RubyDateValue d:
            {
                var local = d.Date.ToDateTime(TimeOnly.MinValue);
                return new DateTimeOffset(local, zone.GetUtcOffset(local));
            }
            case DateTimeValue dt: return (DateTimeOffset)dt.ToObjectValue();
            case NumberValue n: return TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds((long)n.ToNumberValue()), zone);
            case NilValue: return null;
        }
        var s = input.ToStringValue();
        if (s.Length == 0) return null;
        if (s is "now" or "today")
        {
            var now = context.Now?.Invoke() ?? DateTimeOffset.Now;
            return TimeZoneInfo.ConvertTime(now, zone);
        }
        if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            return TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(seconds), zone);
        return RubyDateParse.Parse(s, zone);
    }

    private static ValueTask<FluidValue> Size(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(input switch
        {
            ArrayValue a => NumberValue.Create(a.Values.Count),
            HashValue h => NumberValue.Create(h.Hash.Count),
            DropValue d => d.Drop.TryGetValue("size", out var v) ? LiquidValues.From(v) : NumberValue.Create(d.Drop.Keys.Count()),
            StringValue s => NumberValue.Create(s.ToStringValue().EnumerateRunes().Count()),
            NumberValue n => NumberValue.Create(8),
            _ => NumberValue.Create(0),
        });

    private static ValueTask<FluidValue> First(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(input switch
        {
            ArrayValue a => a.Values.Count > 0 ? a.Values[0] : NilValue.Instance,
            HashValue h => h.Hash.Count > 0 ? new ArrayValue([StringValue.Create(h.Hash.First().Key), LiquidValues.From(h.Hash.First().Value)]) : NilValue.Instance,
            StringValue s => s.ToStringValue().Length > 0 ? StringValue.Create(char.ConvertFromUtf32(s.ToStringValue().EnumerateRunes().First().Value)) : NilValue.Instance,
            _ => NilValue.Instance,
        });

    private static ValueTask<FluidValue> Last(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(input switch
        {
            ArrayValue a => a.Values.Count > 0 ? a.Values[^1] : NilValue.Instance,
            StringValue s => s.ToStringValue().Length > 0 ? StringValue.Create(char.ConvertFromUtf32(s.ToStringValue().EnumerateRunes().Last().Value)) : NilValue.Instance,
            _ => NilValue.Instance,
        });
}

/// <summary>Ruby's lenient <c>Time.parse</c> for the formats dates come in (ISO 8601, RFC 822, "1 Jan 2024").</summary>
internal static class RubyDateParse
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy/MM/dd", "yyyy/M/d", "d MMM yyyy", "d MMMM yyyy", "MMM d yyyy", "MMMM d, yyyy", "MMM d, yyyy",
        "ddd, d MMM yyyy HH:mm:ss", "yyyy-M-d",
    ];

    public static DateTimeOffset? Parse(string s, TimeZoneInfo zone)
    {
        s = s.Trim();
        var zoneMatch = System.Text.RegularExpressions.Regex.Match(s, @"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})$");
        TimeSpan? offset = null;
        var body = s;
        if (zoneMatch.Success)
        {
            var z = zoneMatch.Groups[1].Value;
            offset = z is "Z" or "UTC" or "GMT" ? TimeSpan.Zero
                : new TimeSpan((z[0] == '-' ? -1 : 1) * int.Parse(z.Substring(1, 2), CultureInfo.InvariantCulture), (z[0] == '-' ? -1 : 1) * int.Parse(z.Replace(":", "").Substring(3, 2), CultureInfo.InvariantCulture), 0);
            body = s[..zoneMatch.Index];
        }
        if (!DateTime.TryParseExact(body, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local)
            && !DateTime.TryParse(body, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out local))
            return null;
        // Time.parse keeps a stated offset (only Jekyll's own parse_date converts to local time).
        if (offset is { } o) return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), o);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
