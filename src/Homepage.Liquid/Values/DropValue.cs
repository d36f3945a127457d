using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace Homepage.Liquid.Values;

/// <summary>A Jekyll drop in Fluid: keys are read on demand; it prints as Ruby prints the drop's hash.</summary>
public sealed class DropValue : FluidValue
{
    public DropValue(ILiquidDrop drop) => Drop = drop;

    public ILiquidDrop Drop { get; }

    public override FluidValues Type => FluidValues.Dictionary;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context)
    {
        if (Drop.TryGetValue(name, out var value)) return new ValueTask<FluidValue>(LiquidValues.From(value));
        if (name == "size") return new ValueTask<FluidValue>(NumberValue.Create(Drop.Keys.Count()));
        return new ValueTask<FluidValue>(NilValue.Instance);
    }

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
        GetValueAsync(index.ToStringValue(), context);

    public override bool Equals(FluidValue other) => other is DropValue d && ReferenceEquals(d.Drop, Drop);
    public override bool ToBooleanValue() => true;
    public override decimal ToNumberValue() => 0;
    public override string ToStringValue() => Drop.ToString() is { } s && s != Drop.GetType().ToString() ? s : RubyFormat.Inspect(Drop);
    public override object ToObjectValue() => Drop;


    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        writer.Write(ToStringValue());
        return default;
    }

    public override bool Contains(FluidValue value) => Drop.TryGetValue(value.ToStringValue(), out _);

    /// <summary>Iterating a drop (or hash) yields <c>[key, value]</c> pairs, as Ruby's <c>each</c>.</summary>
    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) =>
        Drop.Keys.Select(k => (FluidValue)new ArrayValue([StringValue.Create(k), Drop.TryGetValue(k, out var v) ? LiquidValues.From(v) : NilValue.Instance]));

    public override int GetHashCode() => Drop.GetHashCode();
}

/// <summary>A Ruby Hash: keys in insertion order; prints as <c>{"a"=>1}</c>.</summary>
public sealed class HashValue : FluidValue
{
    public HashValue(IDictionary<string, object?> hash) => Hash = hash;

    public IDictionary<string, object?> Hash { get; }

    public override FluidValues Type => FluidValues.Dictionary;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context)
    {
        if (Hash.TryGetValue(name, out var value)) return new ValueTask<FluidValue>(LiquidValues.From(value));
        return new ValueTask<FluidValue>(name switch
        {
            "size" => NumberValue.Create(Hash.Count),
            "first" => Hash.Count > 0 ? new ArrayValue([StringValue.Create(Hash.First().Key), LiquidValues.From(Hash.First().Value)]) : NilValue.Instance,
            _ => NilValue.Instance,
        });
    }

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
        GetValueAsync(index.ToStringValue(), context);

    public override bool Equals(FluidValue other) => other is HashValue h && (ReferenceEquals(h.Hash, Hash) || RubyFormat.Inspect(h.Hash) == RubyFormat.Inspect(Hash));
    public override bool ToBooleanValue() => true;
    public override decimal ToNumberValue() => 0;
    public override string ToStringValue() => RubyFormat.Inspect(Hash);
    public override object ToObjectValue() => Hash;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        writer.Write(ToStringValue());
        return default;
    }

    public override bool Contains(FluidValue value) => Hash.ContainsKey(value.ToStringValue());

    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) =>
        Hash.Select(kv => (FluidValue)new ArrayValue([StringValue.Create(kv.Key), LiquidValues.From(kv.Value)]));

    public override int GetHashCode() => Hash.GetHashCode();
}

/// <summary>A Ruby Time: prints as <c>2024-01-01 00:00:00 +0000</c>.</summary>
public sealed class RubyTimeValue : FluidValue
{
    public RubyTimeValue(DateTimeOffset time) => Time = time;

    public DateTimeOffset Time { get; }

    public override FluidValues Type => FluidValues.DateTime;
    public override bool Equals(FluidValue other) => other is RubyTimeValue t && t.Time == Time;
    public override bool ToBooleanValue() => true;
    public override decimal ToNumberValue() => Time.ToUnixTimeSeconds();
    public override string ToStringValue() => RubyFormat.Time(Time);
    public override object ToObjectValue() => Time;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        writer.Write(encoder.Encode(ToStringValue()));
        return default;
    }

    public override int GetHashCode() => Time.GetHashCode();
}

/// <summary>A Ruby Date: prints as <c>2024-01-01</c>.</summary>
public sealed class RubyDateValue : FluidValue
{
    public RubyDateValue(DateOnly date) => Date = date;

    public DateOnly Date { get; }

    public override FluidValues Type => FluidValues.DateTime;
    public override bool Equals(FluidValue other) => other is RubyDateValue d && d.Date == Date;
    public override bool ToBooleanValue() => true;
    public override decimal ToNumberValue() => Date.DayNumber;
    public override string ToStringValue() => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public override object ToObjectValue() => Date;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        writer.Write(ToStringValue());
        return default;
    }

    public override int GetHashCode() => Date.GetHashCode();
}
