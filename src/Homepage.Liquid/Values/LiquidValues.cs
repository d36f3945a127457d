using System.Collections;
using System.Globalization;
using Fluid;
using Fluid.Values;

namespace Homepage.Liquid.Values;

/// <summary>Converts the engine's CLR data model to Fluid values with Ruby's behaviour.</summary>
public static class LiquidValues
{
    public static FluidValue From(object? value) => value switch
    {
        null => NilValue.Instance,
        FluidValue f => f,
        string s => StringValue.Create(s),
        bool b => BooleanValue.Create(b),
        long l => NumberValue.Create(l),
        int i => NumberValue.Create(i),
        short sh => NumberValue.Create(sh),
        decimal m => NumberValue.Create(m),
        double d => FromDouble(d),
        float fl => FromDouble(fl),
        DateTimeOffset t => new RubyTimeValue(t),
        DateTime dt => new RubyTimeValue(new DateTimeOffset(dt)),
        DateOnly date => new RubyDateValue(date),
        ILiquidDrop drop => new DropValue(drop),
        IDictionary<string, object?> hash => new HashValue(hash),
        IList<object?> list => FromList(list),
        IEnumerable e => new ArrayValue(e.Cast<object?>().Select(From).ToArray()),
        _ => StringValue.Create(value.ToString() ?? ""),
    };

    // A template reads the same list many times (site.posts in loops, filters and includes); its Fluid copy is kept
    // with the list and rebuilt if the list's length changes.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IList<object?>, ArrayValue> Lists = new();

    private static ArrayValue FromList(IList<object?> list)
    {
        if (Lists.TryGetValue(list, out var cached) && cached.Values.Count == list.Count) return cached;
        var values = new FluidValue[list.Count];
        for (var i = 0; i < values.Length; i++) values[i] = From(list[i]);
        var array = new ArrayValue(values);
        Lists.AddOrUpdate(list, array);
        return array;
    }

    /// <summary>A Float keeps a fractional digit (Ruby prints <c>1.0</c>), so it is stored with scale 1 or more.</summary>
    public static FluidValue FromDouble(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) return StringValue.Create(RubyFormat.Float(d));
        var text = RubyFormat.Float(d);
        if (text.Contains('e')) return StringValue.Create(text); // 1.0e+20: outside what a decimal prints as Ruby does
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
        {
            if (!text.Contains('e') && NumberValue.GetScale(m) == 0) m = decimal.Parse(text + ".0", NumberStyles.Float, CultureInfo.InvariantCulture);
            return NumberValue.Create(m);
        }
        return StringValue.Create(text);
    }

    /// <summary>The CLR value behind a Fluid value (for filters written against the data model).</summary>
    public static object? ToClr(FluidValue value) => value switch
    {
        NilValue or BaseNilValue => null,
        DropValue d => d.Drop,
        HashValue h => h.Hash,
        RubyTimeValue t => t.Time,
        RubyDateValue d => d.Date,
        NumberValue n => NumberValue.GetScale(n.ToNumberValue()) == 0 && n.ToNumberValue() is var m && m >= long.MinValue && m <= long.MaxValue ? (object)(long)m : (double)n.ToNumberValue(),
        BooleanValue b => b.ToBooleanValue(),
        StringValue s => s.ToStringValue(),
        ArrayValue a => a.Values.Select(ToClr).ToList(),
        _ => value.ToObjectValue(),
    };
}
