namespace Homepage.Sass;

/// <summary>
/// libsass's units: a number's unit is numerators and denominators, written as libsass prints them (<c>em*px/s</c>,
/// <c>/px</c>; a plain <c>px</c> is one numerator). Multiplying and dividing joins them and cancels what converts
/// (<c>4.2px / 1pt</c> is 3.15), adding converts the right operand to the left one's unit.
/// </summary>
internal static class Units
{
    /// <summary>The units a number's unit text holds (libsass's Number constructor: split at <c>*</c> and <c>/</c>).</summary>
    public static (List<string> Numerators, List<string> Denominators) Parse(string unit)
    {
        var numerators = new List<string>();
        var denominators = new List<string>();
        if (unit.Length == 0) return (numerators, denominators);
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

    /// <summary>libsass's <c>Units::unit()</c>.</summary>
    public static string Format(List<string> numerators, List<string> denominators) =>
        denominators.Count == 0 ? string.Join('*', numerators) : string.Join('*', numerators) + "/" + string.Join('*', denominators);

    /// <summary>A unit CSS can print: at most one numerator, no denominator.</summary>
    public static bool IsCss(string unit) => unit.IndexOfAny(['*', '/']) < 0;

    private static readonly string[][] Classes =
    [
        ["in", "cm", "pc", "mm", "pt", "px"],
        ["deg", "grad", "rad", "turn"],
        ["s", "ms"],
        ["Hz", "kHz"],
        ["dpi", "dpcm", "dppx"],
    ];

    /// <summary>How many of each unit one of another is, by class (libsass's conversion tables).</summary>
    private static readonly double[][][] Factors =
    [
        [
            [1, 2.54, 6, 25.4, 72, 96],
            [1.0 / 2.54, 1, 6.0 / 2.54, 10, 72.0 / 2.54, 96.0 / 2.54],
            [1.0 / 6.0, 2.54 / 6.0, 1, 25.4 / 6.0, 72.0 / 6.0, 96.0 / 6.0],
            [1.0 / 25.4, 1.0 / 10.0, 6.0 / 25.4, 1, 72.0 / 25.4, 96.0 / 25.4],
            [1.0 / 72.0, 2.54 / 72.0, 6.0 / 72.0, 25.4 / 72.0, 1, 96.0 / 72.0],
            [1.0 / 96.0, 2.54 / 96.0, 6.0 / 96.0, 25.4 / 96.0, 72.0 / 96.0, 1],
        ],
        [
            [1, 40.0 / 36.0, Math.PI / 180.0, 1.0 / 360.0],
            [36.0 / 40.0, 1, Math.PI / 200.0, 1.0 / 400.0],
            [180.0 / Math.PI, 200.0 / Math.PI, 1, 0.5 / Math.PI],
            [360.0, 400.0, 2.0 * Math.PI, 1],
        ],
        [[1, 1000.0], [1 / 1000.0, 1]],
        [[1, 1 / 1000.0], [1000.0, 1]],
        [[1, 1 / 2.54, 1 / 96.0], [2.54, 1, 2.54 / 96], [96, 96 / 2.54, 1]],
    ];

    private static (int Class, int Index) Find(string unit)
    {
        for (var c = 0; c < Classes.Length; c++)
        {
            var i = Array.IndexOf(Classes[c], unit);
            if (i >= 0) return (c, i);
        }
        return (-1, -1);
    }

    /// <summary>How many <paramref name="to"/> one <paramref name="from"/> is; 0 when they do not convert.</summary>
    public static double Factor(string from, string to)
    {
        if (from == to) return 1;
        var (c1, i1) = Find(from);
        var (c2, i2) = Find(to);
        return c1 < 0 || c1 != c2 ? 0 : Factors[c1][i1][i2];
    }

    /// <summary>libsass's <c>Units::reduce</c>: a unit that is both numerator and denominator cancels, compatible ones
    /// convert and cancel; the rest sorted. Returns the factor the value is multiplied by.</summary>
    public static double Reduce(List<string> numerators, List<string> denominators)
    {
        if (numerators.Count + denominators.Count < 2) return 1;
        var exponents = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in numerators) exponents[n] = exponents.GetValueOrDefault(n) + 1;
        foreach (var d in denominators) exponents[d] = exponents.GetValueOrDefault(d) - 1;
        var factor = 1.0;
        foreach (var lhs in numerators)
            foreach (var rhs in denominators)
            {
                if (lhs == rhs) continue;
                var lexp = exponents[lhs];
                var rexp = exponents[rhs];
                if (lexp == 0 || rexp == 0) continue;
                var (c1, _) = Find(lhs);
                var (c2, _) = Find(rhs);
                if (c1 < 0 || c1 != c2) continue;
                double f;
                if (rexp < 0 && lexp > 0 && -rexp > lexp)
                {
                    f = Math.Pow(Factor(rhs, lhs), lexp);
                    rexp += lexp;
                    lexp = 0;
                }
                else
                {
                    f = Math.Pow(Factor(lhs, rhs), rexp);
                    lexp += rexp;
                    rexp = 0;
                }
                exponents[lhs] = lexp;
                exponents[rhs] = rexp;
                factor /= f;
            }
        numerators.Clear();
        denominators.Clear();
        foreach (var (unit, exponent) in exponents)
        {
            for (var e = exponent; e > 0; e--) numerators.Add(unit);
            for (var e = exponent; e < 0; e++) denominators.Add(unit);
        }
        return factor;
    }

    /// <summary>libsass's <c>Units::normalize</c>: each known unit as its class's main one (px, deg, s, Hz, dpi), sorted.</summary>
    public static double Normalize(List<string> numerators, List<string> denominators)
    {
        var factor = 1.0;
        for (var i = 0; i < numerators.Count; i++)
            if (Find(numerators[i]) is ({ } c, _) && c >= 0 && Main(c) != numerators[i])
            {
                factor /= Factor(Main(c), numerators[i]);
                numerators[i] = Main(c);
            }
        for (var i = 0; i < denominators.Count; i++)
            if (Find(denominators[i]) is ({ } c, _) && c >= 0 && Main(c) != denominators[i])
            {
                factor /= Factor(Main(c), denominators[i]);
                denominators[i] = Main(c);
            }
        numerators.Sort(StringComparer.Ordinal);
        denominators.Sort(StringComparer.Ordinal);
        return factor;
    }

    private static string Main(int unitClass) => unitClass switch { 0 => "px", 1 => "deg", 2 => "s", 3 => "Hz", _ => "dpi" };

    /// <summary>The number with its units reduced (<see cref="Reduce"/>).</summary>
    public static SassNumber Reduced(SassNumber n)
    {
        if (IsCss(n.Unit)) return n;
        var (num, den) = Parse(n.Unit);
        var factor = Reduce(num, den);
        return n with { Value = n.Value * factor, Unit = Format(num, den) };
    }

    /// <summary>libsass's <c>Units::convert_factor</c>: what <paramref name="from"/>'s value is multiplied by to be in
    /// <paramref name="to"/>'s units; an error when they do not convert (a unitless side converts to anything).</summary>
    public static double ConvertFactor(string from, string to)
    {
        if (from == to || from.Length == 0 || to.Length == 0) return 1;
        var (lNum, lDen) = Parse(from);
        var (rNum, rDen) = Parse(to);
        var factor = 1.0;
        var missing = false;
        foreach (var l in lNum)
        {
            var at = rNum.FindIndex(r => Factor(l, r) != 0);
            if (at < 0) { missing = true; continue; }
            factor *= Factor(l, rNum[at]);
            rNum.RemoveAt(at);
        }
        foreach (var l in lDen)
        {
            var at = rDen.FindIndex(r => Factor(l, r) != 0);
            if (at < 0) { missing = true; continue; }
            factor /= Factor(l, rDen[at]);
            rDen.RemoveAt(at);
        }
        if (missing || rNum.Count > 0 || rDen.Count > 0) throw new SassException($"Error: Incompatible units: '{from}' and '{to}'.");
        return factor;
    }

    /// <summary>libsass's number comparison: reduced, a unitless side compares by value; otherwise normalized, the units
    /// must be the same (an error for <c>&lt;</c>, unequal for <c>==</c>).</summary>
    public static (double Left, double Right, bool SameUnits) Comparable(SassNumber x, SassNumber y)
    {
        if (x.Unit == y.Unit) return (x.Value, y.Value, true);
        x = Reduced(x);
        y = Reduced(y);
        if (x.Unit.Length == 0 || y.Unit.Length == 0) return (x.Value, y.Value, true);
        var (xn, xd) = Parse(x.Unit);
        var (yn, yd) = Parse(y.Unit);
        var xv = x.Value * Normalize(xn, xd);
        var yv = y.Value * Normalize(yn, yd);
        return (xv, yv, xn.SequenceEqual(yn) && xd.SequenceEqual(yd));
    }
}
