namespace Homepage.Sass;

internal sealed partial class Evaluator
{
    internal SassValue Eval(Expression expression)
    {
        switch (expression)
        {
            case LiteralExpression l:
                return l.Value;
            case VariableExpression v:
                return Lookup(v.Name) is { } value
                    ? Strip(value) is SassNumber readNumber ? readNumber with { DropLeadingZero = true } : VariableValue(value)
                    : throw new SassException($"Error: Undefined variable: \"${v.Name}\".\n        on line {v.Span.Line}:{v.Span.Column} of {v.Span.File}", v.Span.File, v.Span.Line, v.Span.Column);
            case ParenExpression p:
            {
                // a literal or an operation in parentheses is placed with its parentheses
                var inner = Strip(p.Inner is BinaryExpression innerOperation ? Binary(innerOperation, divide: true) : Eval(p.Inner));
                return p.Range is { } where && p.Inner is LiteralExpression or BinaryExpression or UnaryExpression ? SassValue.WithOrigin(inner, where) : inner;
            }
            case ListExpression list:
                return new SassList(list.Items.Select(Eval).ToList(), list.Separator, list.Bracketed);
            case MapExpression map:
            {
                var entries = map.Entries.Select(e => (Strip(Eval(e.Key)), VariableValue(Eval(e.Value)))).ToList();
                for (var i = 1; i < entries.Count; i++)
                    for (var j = 0; j < i; j++)
                        if (SassEquality.Equal(entries[i].Item1, entries[j].Item1))
                            throw new SassException($"Error: Duplicate key {Inspect(entries[i].Item1)} in map {Inspect(new SassMap(entries))}.");
                return new SassMap(entries);
            }
            case InterpolatedStringExpression s:
                return new SassString(Interpolate(s.Text), s.Quoted) { Origin = s.Range };
            case UnaryExpression u:
            {
                var operand = Strip(Eval(u.Operand));
                return u.Operator switch
                {
                    "not" => new SassBool(!operand.IsTruthy),
                    "-" when operand is SassNumber n => n with { Value = -n.Value },
                    _ => new SassString(u.Operator + operand.ToCss(false), false),
                };
            }
            case BinaryExpression b:
                return PlacedBinary(b);
            case FunctionCallExpression call:
            {
                // a built-in's new value is where the call is; one it passes through (rgba($color, .5), map-get) keeps its own
                var result = Call(call);
                return result.Origin is null && call.Range is { } where ? SassValue.WithOrigin(result, where) : result;
            }
            case ParentSelectorExpression:
                return _selectors.Count == 0 ? SassNull.Instance : SelectorValue(_selectors);
        }
        throw new SassException("Error: unsupported expression");
    }

    /// <summary>True while a declaration's value is evaluated (outside function arguments): only there does a slash
    /// between two literal numbers stay a slash (<c>font: 12px/1.5</c>); in a variable, a map or an argument it divides.</summary>
    private bool _slashKeeps;

    /// <param name="divide">A slash between two literal numbers divides here: in parentheses or as an operand.</param>
    private SassValue Binary(BinaryExpression b, bool divide = false)
    {
        if (b.Operator == "and")
        {
            var left = Eval(b.Left);
            return left.IsTruthy ? Eval(b.Right) : left;
        }
        if (b.Operator == "or")
        {
            var left = Eval(b.Left);
            return left.IsTruthy ? left : Eval(b.Right);
        }
        var rawLeft = b.Left is BinaryExpression leftOperation ? PlacedBinary(leftOperation, divide: true) : Eval(b.Left);
        var rawRight = b.Right is BinaryExpression rightOperation ? PlacedBinary(rightOperation, divide: true) : Eval(b.Right);
        // "10px/8px" written as literals stays a slash (font shorthand); it divides only with variables, calls, parens
        // or as the operand of another operation.
        if (!divide && _slashKeeps && b.Operator == "/" && rawLeft is OriginalNumber ol && rawRight is OriginalNumber or && b.Left is LiteralExpression && b.Right is LiteralExpression)
            return new SassString(ol.Text + (b.Spelling ?? "/") + or.Text, false);
        var l = Strip(rawLeft);
        var r = Strip(rawRight);
        switch (b.Operator)
        {
            case "==": return new SassBool(SassEquality.Equal(l, r));
            case "!=": return new SassBool(!SassEquality.Equal(l, r));
            case "+" or "-" or "*" or "%" when l is SassNull || r is SassNull:
                throw new SassException($"Error: Invalid null operation: \"{Inspect(l)} {b.Operator switch { "+" => "plus", "-" => "minus", "*" => "times", _ => "mod" }} {Inspect(r)}\".");
        }
        if (l is SassNumber x && r is SassNumber y)
        {
            var result = NumberOperation(b, x, y);
            // libsass computes on a copy of the left number; only when both are unitless does it keep that number's place
            return result is SassNumber && x.Unit.Length == 0 && y.Unit.Length == 0 && x.Origin is { } left ? result with { Origin = left } : result;
        }
        return NonNumberOperation(b, l, r);
    }

    /// <summary>An operation's value, placed (for source maps) where the operation is written unless it keeps an operand's place.</summary>
    private SassValue PlacedBinary(BinaryExpression b, bool divide = false)
    {
        var value = Binary(b, divide);
        return value.Origin is null && b.Range is { } where ? SassValue.WithOrigin(value, where) : value;
    }

    private SassValue NumberOperation(BinaryExpression b, SassNumber x, SassNumber y)
    {
        {
            switch (b.Operator)
            {
                case "*" or "/":
                {
                    if (b.Operator == "/" && y.Value == 0) return new SassString("Infinity", false);
                    var value = b.Operator == "*" ? x.Value * y.Value : x.Value / y.Value;
                    var unit = b.Operator == "*" ? (x.Unit.Length == 0 ? y.Unit : y.Unit.Length == 0 ? x.Unit : null) : y.Unit.Length == 0 ? x.Unit : x.Unit == y.Unit ? "" : null;
                    if (unit is null)
                    {
                        // libsass joins the units (a divisor's the other way up) and cancels what converts
                        var (num, den) = Units.Parse(x.Unit);
                        var (yn, yd) = Units.Parse(y.Unit);
                        num.AddRange(b.Operator == "*" ? yn : yd);
                        den.AddRange(b.Operator == "*" ? yd : yn);
                        value *= Units.Reduce(num, den);
                        unit = Units.Format(num, den);
                    }
                    return new SassNumber(value, unit) { DropLeadingZero = x.DropLeadingZero };
                }
                case "+" or "-" or "%":
                {
                    // the right operand converted to the left one's unit (the right one's when the left has none)
                    var unit = x.Unit.Length > 0 ? x.Unit : y.Unit;
                    var yv = x.Unit == y.Unit || x.Unit.Length == 0 || y.Unit.Length == 0 ? y.Value : Convert(y, x.Unit);
                    var value = b.Operator switch { "+" => x.Value + yv, "-" => x.Value - yv, _ => x.Value % yv };
                    return new SassNumber(value, unit) { DropLeadingZero = x.DropLeadingZero };
                }
                case ">" or "<" or ">=" or "<=":
                {
                    var (l, r, same) = Units.Comparable(x, y);
                    if (!same) throw new SassException($"Error: Incompatible units: '{Units.Reduced(y).Unit}' and '{Units.Reduced(x).Unit}'.");
                    // libsass: lt is <, gt is neither lt nor equal, lte lt or equal, gte not lt or equal
                    var equal = SassEquality.NearEqual(l, r);
                    return new SassBool(b.Operator switch { ">" => !(l < r) && !equal, "<" => l < r, ">=" => !(l < r) || equal, _ => l < r || equal });
                }
            }
        }
        return NonNumberOperation(b, x, y);
    }

    private SassValue NonNumberOperation(BinaryExpression b, SassValue l, SassValue r)
    {
        if ((l as SassFunction ?? r as SassFunction) is { } function)
            throw new SassException($"Error: {function.ToCss(false)} isn't a valid CSS value.");
        if (b.Operator == "+" && (l is SassString || r is SassString))
        {
            var quoted = l is SassString { Quoted: true };
            return new SassString(Text(l) + Text(r), quoted);
        }
        if (b.Operator is "-" or "/")
        {
            // next to an interpolation the operator prints as written, spaces included
            var interpolated = b.Left is InterpolatedStringExpression { Quoted: false } || b.Right is InterpolatedStringExpression { Quoted: false };
            return new SassString(l.ToCss(_compressed) + (interpolated ? b.Spelling ?? b.Operator : b.Operator) + r.ToCss(_compressed), false);
        }
        throw new SassException($"Error: Undefined operation: \"{l.ToCss(false)} {b.Operator} {r.ToCss(false)}\".");
    }

    private string Text(SassValue v) => v is SassString s ? s.Text : v.ToCss(_compressed);

    /// <summary><paramref name="n"/>'s value in <paramref name="unit"/> (both reduced first, as libsass converts).</summary>
    private static double Convert(SassNumber n, string unit)
    {
        if (n.Unit == unit || n.Unit.Length == 0 || unit.Length == 0) return n.Value;
        var reduced = Units.Reduced(n);
        var target = new SassNumber(1, unit);
        return reduced.Value * Units.ConvertFactor(reduced.Unit, Units.Reduced(target).Unit) / Units.Reduced(target).Value;
    }

    internal static SassNumber Number(SassValue v) => Strip(v) as SassNumber ?? throw new SassException($"Error: {v.ToCss(false)} is not a number.");

    private static SassColor Color(SassValue v) => Strip(v) as SassColor ?? throw new SassException($"Error: {v.ToCss(false)} is not a color.");

    private SassValue Call(FunctionCallExpression call)
    {
        try
        {
            return CallUnlocated(call);
        }
        catch (SassException e) when (e.Line == 0 && call.Span.Line > 0)
        {
            // name where the failing call is, as libsass does
            throw LocatedAs(e.Message, call.Span);
        }
    }

    private SassValue CallUnlocated(FunctionCallExpression call)
    {
        var name = call.Name.Replace('_', '-');
        if (name == "if" && !_functions.ContainsKey(name) && call.Arguments.Count == 3 && call.Arguments.All(a => !a.Rest))
        {
            // if() evaluates only the branch it takes
            Expression Branch(int i, string named) => call.Arguments.FirstOrDefault(a => a.Name == named)?.Value
                ?? call.Arguments.Where(a => a.Name is null).ElementAtOrDefault(i)?.Value
                ?? throw new SassException("Error: Function if is missing argument $" + named + ".");
            return Strip(Eval(Branch(0, "condition"))).IsTruthy ? Eval(Branch(1, "if-true")) : Eval(Branch(2, "if-false"));
        }
        var arguments = EvalArguments(call.Arguments);
        if (FindFunction(name) is { } user)
        {
            // a number keeps its own leading-zero flag (libsass forces it only when reading a variable)
            return VariableValue(CallUserFunction(user, arguments, call.Span));
        }
        CheckBuiltInArguments(name, arguments);
        SassValue Arg(int i, string named)
        {
            var n = arguments.FirstOrDefault(a => a.Name == named);
            if (n.Name is not null) return Strip(n.Value);
            var positional = arguments.Where(a => a.Name is null).ToList();
            return i < positional.Count ? Strip(positional[i].Value) : SassNull.Instance;
        }
        double Amount(SassValue v) => Number(v).Value;
        switch (name)
        {
            case "rgba" when arguments.Count == 2:
            {
                var color = Arg(0, "color");
                var alpha = Arg(1, "alpha");
                if (IsSpecialNumber(color)) return PlainCall("rgba", color, alpha);
                var c = ColorArg(name, "color", color);
                if (IsSpecialNumber(alpha)) return new SassString($"rgba({(int)c.R}, {(int)c.G}, {(int)c.B}, {alpha.ToCss(false)})", false);
                return c with { A = AlphaNumber(name, "alpha", alpha) };
            }
            case "rgb" or "rgba" or "hsl" or "hsla":
            {
                var hsl = name[0] == 'h';
                var alphaGiven = name == "hsla" || arguments.Count > 3;
                var (p0, p1, p2) = hsl ? ("hue", "saturation", "lightness") : ("red", "green", "blue");
                SassValue a0 = Arg(0, p0), a1 = Arg(1, p1), a2 = Arg(2, p2), a3 = alphaGiven ? Arg(3, "alpha") : SassNull.Instance;
                if (IsSpecialNumber(a0) || IsSpecialNumber(a1) || IsSpecialNumber(a2) || IsSpecialNumber(a3))
                    return alphaGiven ? PlainCall(name, a0, a1, a2, a3) : PlainCall(name, a0, a1, a2);
                var alpha = alphaGiven ? AlphaNumber(name, "alpha", a3) : 1;
                if (hsl) return SassColor.FromHsl(NumberArg(name, p0, a0).Value, NumberArg(name, p1, a1).Value, NumberArg(name, p2, a2).Value, alpha);
                double Channel(string channel, SassValue v)
                {
                    var n = NumberArg(name, channel, v);
                    return SassRound(Math.Clamp(n.Unit == "%" ? n.Value * 2.55 : n.Value, 0, 255));
                }
                return new SassColor(Channel(p0, a0), Channel(p1, a1), Channel(p2, a2), alpha);
            }
            case "mix":
            {
                var c1 = ColorArg(name, "color1", Arg(0, "color1"));
                var c2 = ColorArg(name, "color2", Arg(1, "color2"));
                return MixColors(c1, c2, Arg(2, "weight") is SassNull ? 50 : RangeArg(name, "weight", Arg(2, "weight"), 0, 100));
            }
            // these change a copy of the colour, which keeps the colour's place for source maps (libsass's copyAsHSLA)
            case "lighten" or "darken":
            {
                var c = ColorArg(name, "color", Arg(0, "color"));
                var amount = RangeArg(name, "amount", Arg(1, "amount"), 0, 100);
                var (h, s, l) = c.ToHsl();
                return SassColor.FromHsl(h, s, Math.Clamp(l + (name == "lighten" ? amount : -amount), 0, 100), c.A) with { Origin = c.Origin };
            }
            case "saturate" or "desaturate":
            {
                // saturate($color) with no amount is CSS's filter function, passed through
                if (name == "saturate" && Arg(1, "amount") is not SassNumber) return new SassString("saturate(" + Arg(0, "color").ToCss(false) + ")", false);
                var amount = RangeArg(name, "amount", Arg(1, "amount"), 0, 100);
                var c = ColorArg(name, "color", Arg(0, "color"));
                var (h, s, l) = c.ToHsl();
                return SassColor.FromHsl(h, Math.Clamp(s + (name == "saturate" ? amount : -amount), 0, 100), l, c.A) with { Origin = c.Origin };
            }
            case "adjust-hue":
            {
                var c = ColorArg(name, "color", Arg(0, "color"));
                var (h, s, l) = c.ToHsl();
                return SassColor.FromHsl(h + NumberArg(name, "degrees", Arg(1, "degrees")).Value, s, l, c.A) with { Origin = c.Origin };
            }
            case "transparentize" or "fade-out" or "opacify" or "fade-in":
            {
                var c = ColorArg(name, "color", Arg(0, "color"));
                var amount = RangeArg(name, "amount", Arg(1, "amount"), 0, 1);
                return c with { A = Math.Clamp(c.A + (name is "opacify" or "fade-in" ? amount : -amount), 0, 1) };
            }
            case "lightness": return new SassNumber(ColorArg(name, "color", Arg(0, "color")).ToHsl().L, "%");
            case "saturation": return new SassNumber(ColorArg(name, "color", Arg(0, "color")).ToHsl().S, "%");
            case "hue": return new SassNumber(ColorArg(name, "color", Arg(0, "color")).ToHsl().H, "deg");
            case "red": return new SassNumber(Math.Round(ColorArg(name, "color", Arg(0, "color")).R));
            case "green": return new SassNumber(Math.Round(ColorArg(name, "color", Arg(0, "color")).G));
            case "blue": return new SassNumber(Math.Round(ColorArg(name, "color", Arg(0, "color")).B));
            case "alpha" or "opacity":
                // IE's alpha(opacity=50) and CSS's opacity(50%) filter functions are passed through
                return Arg(0, "color") switch
                {
                    SassString filter => new SassString("alpha(" + filter.Text + ")", false),
                    SassNumber amount => new SassString("opacity(" + amount.ToCss(false) + ")", false),
                    var c => new SassNumber(ColorArg(name, "color", c).A),
                };
            case "map-get":
                return MapArg(name, "map", Arg(0, "map")).Get(Arg(1, "key")) ?? SassNull.Instance;
            case "map-has-key":
                return new SassBool(MapArg(name, "map", Arg(0, "map")).Get(Arg(1, "key")) is not null);
            case "map-keys":
                return new SassList(MapArg(name, "map", Arg(0, "map")).Entries.Select(e => e.Key).ToList(), ",");
            case "map-values":
                return new SassList(MapArg(name, "map", Arg(0, "map")).Entries.Select(e => e.Value).ToList(), ",");
            case "map-merge":
            {
                var m1 = MapArg(name, "map1", Arg(0, "map1"));
                var m2 = MapArg(name, "map2", Arg(1, "map2"));
                var merged = m1.Entries.Select(e => m2.Get(e.Key) is { } v2 ? (e.Key, v2) : e).ToList();
                merged.AddRange(m2.Entries.Where(e => m1.Get(e.Key) is null));
                return new SassMap(merged);
            }
            case "length":
                return new SassNumber(Arg(0, "list") switch { SassList l => l.Items.Count, SassMap m => m.Entries.Count, _ => 1 });
            case "nth":
            {
                var list = Items(Arg(0, "list"));
                return list[ListIndex(name, Arg(1, "n"), list.Count)];
            }
            case "percentage":
            {
                var n = NumberArg(name, "number", Arg(0, "number"));
                if (n.Unit.Length > 0) throw new SassException($"Error: argument $number of `{Signature(name)}` must be unitless");
                return new SassNumber(n.Value * 100, "%");
            }
            // these return the number changed, placed where the call is
            case "round": return Number(Arg(0, "number")) with { Value = Math.Round(Amount(Arg(0, "number")), MidpointRounding.AwayFromZero), Origin = null };
            case "ceil": return Number(Arg(0, "number")) with { Value = Math.Ceiling(Amount(Arg(0, "number"))), Origin = null };
            case "floor": return Number(Arg(0, "number")) with { Value = Math.Floor(Amount(Arg(0, "number"))), Origin = null };
            case "abs": return Number(Arg(0, "number")) with { Value = Math.Abs(Amount(Arg(0, "number"))), Origin = null };
            case "unit": return new SassString(Number(Arg(0, "number")).Unit, true);
            case "unitless": return new SassBool(Number(Arg(0, "number")).Unit.Length == 0);
            case "unquote": return Arg(0, "string") is SassString us ? us with { Quoted = false, Origin = null } : Arg(0, "string");
            case "quote": return new SassString(StringArg(name, "string", Arg(0, "string")).Text, true);
            case "type-of":
                return new SassString(Arg(0, "value") switch
                {
                    SassNumber => "number", SassColor => "color", SassString => "string", SassBool => "bool", SassList { Keywords: not null } => "arglist",
                    SassList => "list", SassMap => "map",
                    SassFunction => "function", _ => "null",
                }, false);
            case "if": return Arg(0, "condition").IsTruthy ? Arg(1, "if-true") : Arg(2, "if-false");
            case "min" or "max" when arguments.All(a => Strip(a.Value) is SassNumber):
            {
                var numbers = arguments.Select(a => (SassNumber)Strip(a.Value)).ToList();
                return name == "min" ? numbers.MinBy(n => n.Value)! : numbers.MaxBy(n => n.Value)!;
            }
        }
        if (CallMoreBuiltIns(name, arguments) is { } more) return more;
        // Not a Sass function: a CSS function call, printed with its evaluated arguments.
        // libsass keeps the space after the commas of a plain CSS call even in compressed output
        var args = string.Join(", ", arguments.Select(a => (a.Name is null ? "" : "$" + a.Name + ": ") + StripNumbers(a.Value).ToCss(_compressed)));
        return new SassString(call.Name + "(" + args + ")", false);
    }
}
