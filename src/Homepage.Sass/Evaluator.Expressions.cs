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
                var entries = map.Entries.Select(e => (Key: Strip(Eval(e.Key)), Value: VariableValue(Eval(e.Value)))).ToList();
                for (var i = 1; i < entries.Count; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        if (!SassEquality.Equal(entries[i].Key, entries[j].Key)) continue;
                        var key = entries[i].Key is SassString s ? "\"" + s.Text + "\"" : Inspect(entries[i].Key);
                        throw new SassException($"Error: Duplicate key {key} in map ({string.Join(", ", entries.Select(e => Inspect(e.Key) + ": " + Inspect(e.Value)))}).");
                    }
                }
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
            // libsass: a unitless left operand takes the right one's units; the right is converted to the left's
            var unit = x.Unit.Length > 0 ? x.Unit : y.Unit;
            switch (b.Operator)
            {
                case "+": return new SassNumber(x.Value + Units.ValueIn(y, x), unit) { DropLeadingZero = x.DropLeadingZero };
                case "-": return new SassNumber(x.Value - Units.ValueIn(y, x), unit) { DropLeadingZero = x.DropLeadingZero };
                case "*": return Units.MultiplyOrDivide(x, y, divide: false);
                case "/":
                    if (y.Value == 0) return new SassString(x.Value == 0 ? "NaN" : "Infinity", false);
                    return Units.MultiplyOrDivide(x, y, divide: true);
                case "%":
                {
                    if (y.Value == 0) return new SassString("NaN", false);
                    // libsass's modulo takes the sign of the divisor
                    var yv = Units.ValueIn(y, x);
                    var mod = x.Value % yv;
                    if (mod != 0 && (x.Value > 0 && yv < 0 || x.Value < 0 && yv > 0)) mod += yv;
                    return new SassNumber(mod, unit) { DropLeadingZero = x.DropLeadingZero };
                }
                // libsass: a > b is !(a < b) && a != b, a >= b is !(a < b) || a == b
                case ">": return new SassBool(!Units.LessThan(x, y) && !Units.NumbersEqual(x, y));
                case "<": return new SassBool(Units.LessThan(x, y));
                case ">=": return new SassBool(!Units.LessThan(x, y) || Units.NumbersEqual(x, y));
                case "<=": return new SassBool(Units.LessThan(x, y) || Units.NumbersEqual(x, y));
            }
        }
        return NonNumberOperation(b, x, y);
    }

    private SassValue NonNumberOperation(BinaryExpression b, SassValue l, SassValue r)
    {
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

    private static double Convert(SassNumber n, string unit) => Units.ValueIn(n, new SassNumber(0, unit));

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
        if (_functions.TryGetValue(name, out var user))
        {
            // a number keeps its own leading-zero flag (libsass forces it only when reading a variable)
            return VariableValue(CallUserFunction(user, arguments, call.Span));
        }
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
            case "rgb" or "rgba" when arguments.Count == 2 && Arg(0, "color") is SassColor c:
                return c with { A = Amount(Arg(1, "alpha")) };
            case "rgb" or "rgba" when arguments.Count >= 3:
            {
                double Channel(SassValue v) => SassRound(Math.Clamp(v is SassNumber { Unit: "%" } p ? p.Value * 2.55 : Amount(v), 0, 255));
                var alpha = arguments.Count > 3 ? Amount(Arg(3, "alpha")) : 1;
                return new SassColor(Channel(Arg(0, "red")), Channel(Arg(1, "green")), Channel(Arg(2, "blue")), alpha);
            }
            case "hsl" or "hsla":
                return SassColor.FromHsl(Amount(Arg(0, "hue")), Amount(Arg(1, "saturation")), Amount(Arg(2, "lightness")), arguments.Count > 3 ? Amount(Arg(3, "alpha")) : 1);
            case "mix":
            {
                var c1 = Color(Arg(0, "color1"));
                var c2 = Color(Arg(1, "color2"));
                return MixColors(c1, c2, Arg(2, "weight") is SassNumber w ? w.Value : 50);
            }
            // these change a copy of the colour, which keeps the colour's place for source maps (libsass's copyAsHSLA)
            case "lighten" or "darken":
            {
                var c = Color(Arg(0, "color"));
                var (h, s, l) = c.ToHsl();
                var amount = Amount(Arg(1, "amount"));
                return SassColor.FromHsl(h, s, Math.Clamp(l + (name == "lighten" ? amount : -amount), 0, 100), c.A) with { Origin = c.Origin };
            }
            case "saturate" or "desaturate":
            {
                var c = Color(Arg(0, "color"));
                var (h, s, l) = c.ToHsl();
                var amount = Amount(Arg(1, "amount"));
                return SassColor.FromHsl(h, Math.Clamp(s + (name == "saturate" ? amount : -amount), 0, 100), l, c.A) with { Origin = c.Origin };
            }
            case "adjust-hue":
            {
                var c = Color(Arg(0, "color"));
                var (h, s, l) = c.ToHsl();
                return SassColor.FromHsl(h + Amount(Arg(1, "degrees")), s, l, c.A) with { Origin = c.Origin };
            }
            case "transparentize" or "fade-out" or "opacify" or "fade-in":
            {
                var c = Color(Arg(0, "color"));
                var amount = Amount(Arg(1, "amount"));
                return c with { A = Math.Clamp(c.A + (name is "opacify" or "fade-in" ? amount : -amount), 0, 1) };
            }
            case "lightness": return new SassNumber(Color(Arg(0, "color")).ToHsl().L, "%");
            case "saturation": return new SassNumber(Color(Arg(0, "color")).ToHsl().S, "%");
            case "hue": return new SassNumber(Color(Arg(0, "color")).ToHsl().H, "deg");
            case "red": return new SassNumber(Math.Round(Color(Arg(0, "color")).R));
            case "green": return new SassNumber(Math.Round(Color(Arg(0, "color")).G));
            case "blue": return new SassNumber(Math.Round(Color(Arg(0, "color")).B));
            case "alpha" or "opacity" when Arg(0, "color") is SassColor ac: return new SassNumber(ac.A);
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
            case "percentage": return new SassNumber(Amount(Arg(0, "number")) * 100, "%");
            // these return the number changed, placed where the call is
            case "round": return Number(Arg(0, "number")) with { Value = Math.Round(Amount(Arg(0, "number")), MidpointRounding.AwayFromZero), Origin = null };
            case "ceil": return Number(Arg(0, "number")) with { Value = Math.Ceiling(Amount(Arg(0, "number"))), Origin = null };
            case "floor": return Number(Arg(0, "number")) with { Value = Math.Floor(Amount(Arg(0, "number"))), Origin = null };
            case "abs": return Number(Arg(0, "number")) with { Value = Math.Abs(Amount(Arg(0, "number"))), Origin = null };
            case "unit": return new SassString(Number(Arg(0, "number")).Unit, true);
            case "unitless": return new SassBool(Number(Arg(0, "number")).Unit.Length == 0);
            case "unquote": return Arg(0, "string") is SassString us ? us with { Quoted = false, Origin = null } : Arg(0, "string");
            case "quote": return new SassString(Text(Arg(0, "string")), true);
            case "type-of":
                return new SassString(Arg(0, "value") switch
                {
                    SassNumber => "number", SassColor => "color", SassString => "string", SassBool => "bool", SassList => "list", SassMap => "map",
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
