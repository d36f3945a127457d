namespace Homepage.Sass;

/// <summary>
/// libsass's units: a number's unit string is its numerators joined by <c>*</c>, then <c>/</c> and its denominators
/// (<c>px*rad/Hz*ms</c>); multiplication and division combine them and cancel what they can (converting compatible
/// units), addition and comparison convert the right operand to the left's units, as libsass 3.6 does.
/// </summary>
internal static class Units
{
    // the conversion tables, read as libsass's: row unit to column unit (a factor to multiply by)
    private static readonly double[,] Lengths =
    {
        // in, cm, pc, mm, pt, px
        { 1, 2.54, 6, 25.4, 72, 96 },
        { 1.0 / 2.54, 1, 6.0 / 2.54, 10, 72.0 / 2.54, 96.0 / 2.54 },
        { 1.0 / 6.0, 2.54 / 6.0, 1, 25.4 / 6.0, 72.0 / 6.0, 96.0 / 6.0 },
        { 1.0 / 25.4, 1.0 / 10.0, 6.0 / 25.4, 1, 72.0 / 25.4, 96.0 / 25.4 },
        { 1.0 / 72.0, 2.54 / 72.0, 6.0 / 72.0, 25.4 / 72.0, 1, 96.0 / 72.0 },
        { 1.0 / 96.0, 2.54 / 96.0, 6.0 / 96.0, 25.4 / 96.0, 72.0 / 96.0, 1 },
    };

    private static readonly double[,] Angles =
    {
        // deg, grad, rad, turn
        { 1, 40.0 / 36.0, Math.PI / 180.0, 1.0 / 360.0 },
        { 36.0 / 40.0, 1, Math.PI / 200.0, 1.0 / 400.0 },
        { 180.0 / Math.PI, 200.0 / Math.PI, 1, 0.5 / Math.PI },
        { 360.0, 400.0, 2.0 * Math.PI, 1 },
    };

    private static readonly double[,] Times = { { 1, 1000.0 }, { 1 / 1000.0, 1 } };
    private static readonly double[,] Frequencies = { { 1, 1 / 1000.0 }, { 1000.0, 1 } };
    private static readonly double[,] Resolutions = { { 1, 1 / 2.54, 1 / 96.0 }, { 2.54, 1, 2.54 / 96 }, { 96, 96 / 2.54, 1 } };

    private static readonly double[][,] Tables = [Lengths, Angles, Times, Frequencies, Resolutions];

    /// <summary>The unit's class (0 unknown, then length, angle, time, frequency, resolution) and its place in the table.</summary>
    private static (int Class, int Index) Kind(string unit) => unit switch
    {
        "in" => (1, 0), "cm" => (1, 1), "pc" => (1, 2), "mm" => (1, 3), "pt" => (1, 4), "px" => (1, 5),
        "deg" => (2, 0), "grad" => (2, 1), "rad" => (2, 2), "turn" => (2, 3),
        "s" => (3, 0), "ms" => (3, 1),
        "Hz" => (4, 0), "kHz" => (4, 1),
        "dpi" => (5, 0), "dpcm" => (5, 1), "dppx" => (5, 2),
        _ => (0, 0),
    };

    /// <summary>Each class's main unit (what <see cref="Normalize"/> converts to).</summary>
    private static readonly string[] Main = ["", "px", "deg", "s", "Hz", "dpi"];

    private static double Factor((int Class, int Index) from, (int Class, int Index) to) =>
        from.Class != to.Class || from.Class == 0 ? 0 : Tables[from.Class - 1][from.Index, to.Index];

    /// <summary>libsass's conversion_factor: 1 for the same unit, 0 for units that do not convert.</summary>
    public static double Factor(string from, string to) => from == to ? 1 : Factor(Kind(from), Kind(to));

    /// <summary>True for a unit string of more than one unit or with a denominator (not a valid CSS unit).</summary>
    public static bool IsCompound(string unit) => unit.AsSpan().IndexOfAny('*', '/') >= 0;

    /// <summary>A unit string split as libsass's Number constructor does: units before a slash are numerators, after it denominators.</summary>
    public static (List<string> Numerators, List<string> Denominators) Parse(string unit)
    {
        var numerators = new List<string>();
        var denominators = new List<string>();
        var numerator = true;
        var start = 0;
        while (true)
        {
            var end = unit.IndexOfAny(['*', '/'], start);
            var part = end < 0 ? unit[start..] : unit[start..end];
            if (part.Length > 0) (numerator ? numerators : denominators).Add(part);
            if (end < 0) break;
            if (unit[end] == '/') numerator = false;
            start = end + 1;
        }
        return (numerators, denominators);
    }

    public static string Format(List<string> numerators, List<string> denominators) =>
        denominators.Count == 0 ? string.Join('*', numerators) : string.Join('*', numerators) + "/" + string.Join('*', denominators);

    /// <summary>libsass's Units::reduce: same units cancel, compatible ones convert and cancel; the units come back
    /// sorted; returns the factor to multiply the value by.</summary>
    public static double Reduce(List<string> numerators, List<string> denominators)
    {
        if (numerators.Count + denominators.Count < 2) return 1;
        var exponents = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in numerators) exponents[n] = exponents.GetValueOrDefault(n) + 1;
        foreach (var d in denominators) exponents[d] = exponents.GetValueOrDefault(d) - 1;
        var factor = 1.0;
        foreach (var lhs in numerators)
        {
            foreach (var rhs in denominators)
            {
                if (lhs == rhs) continue;
                var lhsExp = exponents[lhs];
                var rhsExp = exponents[rhs];
                if (lhsExp == 0 || rhsExp == 0) continue;
                var l = Kind(lhs);
                var r = Kind(rhs);
                if (l.Class == 0 || r.Class == 0 || l.Class != r.Class) continue;
                double f;
                if (rhsExp < 0 && lhsExp > 0 && -rhsExp > lhsExp)
                {
                    f = Math.Pow(Factor(r, l), lhsExp);
                    rhsExp += lhsExp;
                    lhsExp = 0;
                }
                else
                {
                    f = Math.Pow(Factor(l, r), rhsExp);
                    lhsExp += rhsExp;
                    rhsExp = 0;
                }
                exponents[lhs] = lhsExp;
                exponents[rhs] = rhsExp;
                if (f == 0) continue;
                factor /= f;
            }
        }
        numerators.Clear();
        denominators.Clear();
        foreach (var (unit, exponent) in exponents)
        {
            for (var i = 0; i < exponent; i++) numerators.Add(unit);
            for (var i = 0; i > exponent; i--) denominators.Add(unit);
        }
        return factor;
    }

    /// <summary>libsass's Units::normalize: every known unit converted to its class's main unit, both lists sorted.</summary>
    public static double Normalize(List<string> numerators, List<string> denominators)
    {
        var factor = 1.0;
        foreach (var units in new[] { numerators, denominators })
        {
            for (var i = 0; i < units.Count; i++)
            {
                var kind = Kind(units[i]);
                if (kind.Class == 0 || units[i] == Main[kind.Class]) continue;
                factor /= Factor(Kind(Main[kind.Class]), kind);
                units[i] = Main[kind.Class];
            }
        }
        numerators.Sort(StringComparer.Ordinal);
        denominators.Sort(StringComparer.Ordinal);
        return factor;
    }

    /// <summary>libsass's Units::convert_factor: what a number in units <paramref name="from"/> is multiplied by to be in
    /// units <paramref name="to"/>; incompatible units are an error (a unitless side converts to anything).</summary>
    public static double ConvertFactor(List<string> fromNumerators, List<string> fromDenominators, List<string> toNumerators, List<string> toDenominators)
    {
        var remainingNumerators = new List<string>(toNumerators);
        var remainingDenominators = new List<string>(toDenominators);
        var missingNumerators = 0;
        var missingDenominators = 0;
        var factor = 1.0;
        foreach (var unit in fromNumerators)
        {
            var found = remainingNumerators.FindIndex(r => Factor(unit, r) != 0);
            if (found < 0) { missingNumerators++; continue; }
            factor *= Factor(unit, remainingNumerators[found]);
            remainingNumerators.RemoveAt(found);
        }
        foreach (var unit in fromDenominators)
        {
            var found = remainingDenominators.FindIndex(r => Factor(unit, r) != 0);
            if (found < 0) { missingDenominators++; continue; }
            factor /= Factor(unit, remainingDenominators[found]);
            remainingDenominators.RemoveAt(found);
        }
        var fromUnitless = fromNumerators.Count == 0 && fromDenominators.Count == 0;
        var toUnitless = toNumerators.Count == 0 && toDenominators.Count == 0;
        if ((missingNumerators > 0 || missingDenominators > 0) && !toUnitless || (remainingNumerators.Count > 0 || remainingDenominators.Count > 0) && !fromUnitless)
            throw new SassException($"Error: Incompatible units: '{Format(fromNumerators, fromDenominators)}' and '{Format(toNumerators, toDenominators)}'.");
        return factor;
    }

    /// <summary>libsass's NUMBER_EPSILON (3.6): numbers this close are equal.</summary>
    private const double Epsilon = 1e-12;

    /// <summary>x * y or x / y, the units combined and reduced.</summary>
    public static SassNumber MultiplyOrDivide(SassNumber x, SassNumber y, bool divide)
    {
        var value = divide ? x.Value / y.Value : x.Value * y.Value;
        if (y.Unit.Length == 0) return new SassNumber(value, x.Unit) { DropLeadingZero = x.DropLeadingZero };
        if (x.Unit.Length == 0 && !divide) return new SassNumber(value, y.Unit) { DropLeadingZero = x.DropLeadingZero };
        var (xn, xd) = Parse(x.Unit);
        var (yn, yd) = Parse(y.Unit);
        xn.AddRange(divide ? yd : yn);
        xd.AddRange(divide ? yn : yd);
        value *= Reduce(xn, xd);
        return new SassNumber(value, Format(xn, xd)) { DropLeadingZero = x.DropLeadingZero };
    }

    /// <summary>For x + y, x - y and x % y: y's value in x's units (an error when they do not convert).</summary>
    public static double ValueIn(SassNumber y, SassNumber x)
    {
        if (x.Unit == y.Unit || y.Unit.Length == 0 || x.Unit.Length == 0) return y.Value;
        var (xn, xd) = Parse(x.Unit);
        var (yn, yd) = Parse(y.Unit);
        Reduce(xn, xd);
        var value = y.Value * Reduce(yn, yd);
        return value * ConvertFactor(yn, yd, xn, xd);
    }

    /// <summary>libsass's Number::operator==: reduced, and then, when both have units, in the main units of their classes.</summary>
    public static bool NumbersEqual(SassNumber x, SassNumber y)
    {
        if (x.Unit == y.Unit || x.Unit.Length == 0 || y.Unit.Length == 0) return Math.Abs(x.Value - y.Value) < Epsilon;
        var (xn, xd) = Parse(x.Unit);
        var (yn, yd) = Parse(y.Unit);
        var xv = x.Value * Reduce(xn, xd);
        var yv = y.Value * Reduce(yn, yd);
        if (xn.Count + xd.Count == 0 || yn.Count + yd.Count == 0) return Math.Abs(xv - yv) < Epsilon;
        xv *= Normalize(xn, xd);
        yv *= Normalize(yn, yd);
        return xn.SequenceEqual(yn) && xd.SequenceEqual(yd) && Math.Abs(xv - yv) < Epsilon;
    }

    /// <summary>libsass's Number::operator&lt;: units that do not normalize to the same are an error.</summary>
    public static bool LessThan(SassNumber x, SassNumber y)
    {
        if (x.Unit == y.Unit || x.Unit.Length == 0 || y.Unit.Length == 0) return x.Value < y.Value;
        var (xn, xd) = Parse(x.Unit);
        var (yn, yd) = Parse(y.Unit);
        var xv = x.Value * Reduce(xn, xd);
        var yv = y.Value * Reduce(yn, yd);
        if (xn.Count + xd.Count == 0 || yn.Count + yd.Count == 0) return xv < yv;
        xv *= Normalize(xn, xd);
        yv *= Normalize(yn, yd);
        if (!xn.SequenceEqual(yn) || !xd.SequenceEqual(yd)) throw new SassException($"Error: Incompatible units: '{x.Unit}' and '{y.Unit}'.");
        return xv < yv;
    }
}
