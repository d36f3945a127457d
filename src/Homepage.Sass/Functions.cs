using System.Globalization;

namespace Homepage.Sass;

/// <summary>A function as a value (<c>get-function</c>), for <c>call</c>: the user-defined function of that name when it
/// was taken (null for a built-in), or with <paramref name="Css"/> the plain CSS function.</summary>
public sealed record SassFunction(string Name, FunctionStatement? Definition = null, bool Css = false) : SassValue
{
    public override string ToCss(bool compressed) => "get-function(\"" + Name + "\")";
}

/// <summary>
/// libsass 3.6's built-in functions for strings, lists, maps, introspection and colour adjustment, with its argument
/// names and defaults, and an error when an argument has the wrong type (as libsass: "$string: 1 is not a string").
/// </summary>
internal sealed partial class Evaluator
{
    /// <summary>Binds <paramref name="arguments"/> to a built-in's parameters (positional first, then by name).</summary>
    private static SassValue[] BindBuiltIn(string function, string[] parameters, List<(string? Name, SassValue Value)> arguments, int required)
    {
        var values = new SassValue?[parameters.Length];
        var position = 0;
        foreach (var (name, value) in arguments)
        {
            if (name is null)
            {
                if (position >= parameters.Length) throw new SassException($"Error: wrong number of arguments ({arguments.Count} for {parameters.Length}) for `{function}'");
                values[position++] = Strip(value);
                continue;
            }
            var index = Array.IndexOf(parameters, name);
            if (index < 0) throw new SassException($"Error: {function} has no parameter named ${name}");
            values[index] = Strip(value);
        }
        for (var i = 0; i < required; i++)
            if (values[i] is null) throw new SassException($"Error: Function {function} is missing argument ${parameters[i]}.");
        return values.Select(v => v ?? SassNull.Instance).ToArray();
    }

    private static SassString StringArg(string function, string parameter, SassValue value) =>
        value as SassString ?? throw new SassException($"Error: argument `${parameter}` of `{Signature(function)}` must be a string");

    private static SassNumber NumberArg(string function, string parameter, SassValue value) =>
        value as SassNumber ?? throw new SassException($"Error: argument `${parameter}` of `{Signature(function)}` must be a number");

    private static SassColor ColorArg(string function, string parameter, SassValue value) =>
        value as SassColor ?? throw new SassException($"Error: argument `${parameter}` of `{Signature(function)}` must be a color");

    private static SassMap MapArg(string function, string parameter, SassValue value) => value switch
    {
        SassMap m => m,
        SassList { Items.Count: 0 } => new SassMap([]),
        _ => throw new SassException($"Error: argument `${parameter}` of `{Signature(function)}` must be a map"),
    };

    private static IReadOnlyList<SassValue> Items(SassValue value) => value switch
    {
        SassList l => l.Items,
        SassMap m => m.Entries.Select(e => (SassValue)new SassList([e.Key, e.Value], " ")).ToList(),
        _ => [value],
    };

    private static string SeparatorOf(SassValue value) => value switch
    {
        SassList l => l.Separator,
        SassMap => ",",
        _ => " ",
    };

    /// <summary>How many code points <paramref name="text"/> holds (a surrogate pair is one).</summary>
    private static int CodePointCount(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1])) { count--; i++; }
        return count;
    }

    /// <summary>The UTF-16 offset in <paramref name="text"/> of its code point number <paramref name="points"/> (0-based).</summary>
    private static int CodePointOffset(string text, int points)
    {
        var i = 0;
        for (; i < text.Length && points > 0; i++, points--)
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        return i;
    }

    /// <summary>A number argument that must be whole, as libsass 3.6 checks string indices ("$index: 1.500000 is not an int").</summary>
    private static int IntegerArg(string function, string parameter, SassValue value)
    {
        var number = NumberArg(function, parameter, value);
        if (Math.Abs(number.Value - Math.Round(number.Value)) > 1e-10)
            throw new SassException($"Error: ${parameter}: {number.Value.ToString("F6", CultureInfo.InvariantCulture)} is not an int");
        return (int)Math.Round(number.Value);
    }

    /// <summary>A 1-based (negative: from the end) index into <paramref name="count"/> items, checked.</summary>
    private static int ListIndex(string function, SassValue n, int count)
    {
        var number = NumberArg(function, "n", n);
        if (number.Value != Math.Floor(number.Value)) throw new SassException($"Error: argument `$n` of `{function}(...)` must be an integer");
        var index = (int)number.Value;
        if (index == 0) throw new SassException("Error: argument `$n` of `" + function + "(...)` must be non-zero");
        if (Math.Abs(index) > count) throw new SassException($"Error: index out of bounds for `{function}($list, $n)`");
        return index < 0 ? count + index : index - 1;
    }

    /// <summary>The built-ins of this file; null when <paramref name="name"/> is not one of them.</summary>
    private SassValue? CallMoreBuiltIns(string name, List<(string? Name, SassValue Value)> arguments)
    {
        switch (name)
        {
            // ---- strings
            // libsass counts a string's code points (a character outside the BMP is one, a combining mark another)
            case "str-length":
            {
                var a = BindBuiltIn(name, ["string"], arguments, 1);
                return new SassNumber(CodePointCount(StringArg(name, "string", a[0]).Text));
            }
            case "str-index":
            {
                var a = BindBuiltIn(name, ["string", "substring"], arguments, 2);
                var text = StringArg(name, "string", a[0]).Text;
                var index = text.IndexOf(StringArg(name, "substring", a[1]).Text, StringComparison.Ordinal);
                return index < 0 ? SassNull.Instance : new SassNumber(CodePointCount(text.AsSpan(0, index)) + 1);
            }
            case "str-slice":
            {
                var a = BindBuiltIn(name, ["string", "start-at", "end-at"], arguments, 2);
                var s = StringArg(name, "string", a[0]);
                var length = CodePointCount(s.Text);
                var start = IntegerArg(name, "start-at", a[1]);
                var end = a[2] is SassNull ? -1 : IntegerArg(name, "end-at", a[2]);
                if (start < 0) start = length + start + 1;
                if (end < 0) end = length + end + 1;
                start = Math.Max(start, 1);
                end = Math.Min(end, length);
                return s with { Text = end < start ? "" : s.Text[CodePointOffset(s.Text, start - 1)..CodePointOffset(s.Text, end)] };
            }
            case "str-insert":
            {
                var a = BindBuiltIn(name, ["string", "insert", "index"], arguments, 3);
                var s = StringArg(name, "string", a[0]);
                var insert = StringArg(name, "insert", a[1]).Text;
                var index = IntegerArg(name, "index", a[2]);
                var length = CodePointCount(s.Text);
                // 1 inserts before the first code point, -1 after the last; 0 and anything past either end go to that end
                var at = index > 0 ? Math.Min(index - 1, length) : index == 0 ? 0 : Math.Max(length + index + 1, 0);
                return s with { Text = s.Text.Insert(CodePointOffset(s.Text, at), insert) };
            }
            case "to-upper-case" or "to-lower-case":
            {
                var a = BindBuiltIn(name, ["string"], arguments, 1);
                var s = StringArg(name, "string", a[0]);
                var text = new string(s.Text.Select(c => c > 127 ? c : name == "to-upper-case" ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray());
                return s with { Text = text };
            }

            // ---- lists
            case "set-nth":
            {
                var a = BindBuiltIn(name, ["list", "n", "value"], arguments, 3);
                var items = Items(a[0]).ToList();
                items[ListIndex(name, a[1], items.Count)] = a[2];
                return new SassList(items, SeparatorOf(a[0]), a[0] is SassList { Bracketed: true });
            }
            case "join":
            {
                var a = BindBuiltIn(name, ["list1", "list2", "separator", "bracketed"], arguments, 2);
                var items = Items(a[0]).Concat(Items(a[1])).ToList();
                // as libsass: the first list's separator and brackets (a map's is a comma), else the second's
                var first = a[0] as SassList ?? a[1] as SassList;
                var separator = Separator(name, a[2], () => a[0] is SassMap ? "," : first?.Separator ?? " ");
                var bracketedGiven = arguments.Count(x => x.Name is null) > 3 || arguments.Any(x => x.Name == "bracketed");
                var bracketed = !bracketedGiven || a[3] is SassString { Text: "auto" } ? first?.Bracketed ?? false : a[3].IsTruthy;
                return new SassList(items, separator, bracketed);
            }
            case "append":
            {
                var a = BindBuiltIn(name, ["list", "val", "separator"], arguments, 2);
                var items = Items(a[0]).Append(a[1]).ToList();
                return new SassList(items, Separator(name, a[2], () => SeparatorOf(a[0])), a[0] is SassList { Bracketed: true });
            }
            case "zip":
            {
                var lists = arguments.Select(x => Items(Strip(x.Value))).ToList();
                var count = lists.Count == 0 ? 0 : lists.Min(l => l.Count);
                return new SassList(Enumerable.Range(0, count).Select(i => (SassValue)new SassList(lists.Select(l => l[i]).ToList(), " ")).ToList(), ",");
            }
            case "index":
            {
                var a = BindBuiltIn(name, ["list", "value"], arguments, 2);
                var items = Items(a[0]);
                for (var i = 0; i < items.Count; i++)
                    if (SassEquality.Equal(items[i], a[1])) return new SassNumber(i + 1);
                return SassNull.Instance;
            }
            case "list-separator":
            {
                var a = BindBuiltIn(name, ["list"], arguments, 1);
                return new SassString(SeparatorOf(a[0]) == "," ? "comma" : "space", false);
            }
            case "is-bracketed":
            {
                var a = BindBuiltIn(name, ["list"], arguments, 1);
                return new SassBool(a[0] is SassList { Bracketed: true });
            }

            // ---- maps
            case "map-remove":
            {
                var map = MapArg(name, "map", Strip(arguments.FirstOrDefault().Value ?? SassNull.Instance));
                var keys = arguments.Skip(1).Select(x => Strip(x.Value)).ToList();
                return new SassMap(map.Entries.Where(e => !keys.Any(k => SassEquality.Equal(k, e.Key))).ToList());
            }

            // ---- introspection
            case "keywords":
            {
                var a = BindBuiltIn(name, ["args"], arguments, 1);
                return a[0] switch
                {
                    SassList { Keywords: { } keywords } => new SassMap(keywords.Select(k => ((SassValue)new SassString(k.Name, false), k.Value)).ToList()),
                    SassList => new SassMap([]),
                    _ => throw new SassException($"Error: argument `$args` of `{Signature(name)}` must be a list"),
                };
            }
            case "inspect":
            {
                // a colour literal keeps its spelling (#0000ff, transparent)
                BindBuiltIn(name, ["value"], arguments, 1);
                return new SassString(Inspect(StripNumbers(arguments[0].Value)), false);
            }
            case "comparable":
            {
                var a = BindBuiltIn(name, ["number1", "number2"], arguments, 2);
                var x = NumberArg(name, "number1", a[0]);
                var y = NumberArg(name, "number2", a[1]);
                try
                {
                    Convert(y, x.Unit);
                    return new SassBool(true);
                }
                catch (SassException)
                {
                    return new SassBool(false);
                }
            }
            case "feature-exists":
            {
                var a = BindBuiltIn(name, ["feature"], arguments, 1);
                return new SassBool(StringArg(name, "feature", a[0]).Text is "global-variable-shadowing" or "extend-selector-pseudoclass" or "units-level-3" or "at-error" or "custom-property");
            }
            case "variable-exists":
            {
                var a = BindBuiltIn(name, ["name"], arguments, 1);
                return new SassBool(Lookup(StringArg(name, "name", a[0]).Text) is not null);
            }
            case "global-variable-exists":
            {
                var a = BindBuiltIn(name, ["name"], arguments, 1);
                return new SassBool(_scopes[0].ContainsKey(StringArg(name, "name", a[0]).Text.Replace('_', '-')));
            }
            case "function-exists":
            {
                var a = BindBuiltIn(name, ["name"], arguments, 1);
                var function = StringArg(name, "name", a[0]).Text.Replace('_', '-');
                return new SassBool(FindFunction(function) is not null || BuiltInNames.Contains(function));
            }
            case "mixin-exists":
            {
                var a = BindBuiltIn(name, ["name"], arguments, 1);
                return new SassBool(FindMixin(StringArg(name, "name", a[0]).Text.Replace('_', '-')) is not null);
            }
            case "get-function":
            {
                var a = BindBuiltIn(name, ["name", "css"], arguments, 1);
                var function = StringArg(name, "name", a[0]).Text.Replace('_', '-');
                if (a[1].IsTruthy) return new SassFunction(function, Css: true);
                if (FindFunction(function) is { } definition) return new SassFunction(function, definition);
                if (!BuiltInNames.Contains(function)) throw new SassException($"Error: Function not found: {function}");
                return new SassFunction(function);
            }
            case "call":
            {
                if (arguments.Count == 0) throw new SassException("Error: Function call is missing argument $function.");
                var rest = arguments.Skip(1).ToList();
                object target = Strip(arguments[0].Value) switch
                {
                    SassFunction { Css: true } f => PlainCssCall(f.Name, rest),
                    SassFunction { Definition: { } definition } => VariableValue(CallUserFunction(definition, rest, default)),
                    SassFunction f => f.Name,
                    SassString s => s.Text,
                    var other => throw new SassException($"Error: argument `$function` of `call(...)` must be a function reference"),
                };
                if (target is SassValue result) return result;
                return Call(new FunctionCallExpression((string)target, rest.Select(x =>
                    new Argument(x.Name, new LiteralExpression(x.Value), false)).ToList(), default));
            }

            case "unique-id":
                BindBuiltIn(name, [], arguments, 0);
                return new SassString("u" + ((uint)Random.Shared.NextInt64(0, 1L << 32)).ToString("x8", CultureInfo.InvariantCulture), false);
            case "random":
            {
                // libsass: a number in [0, 1) without a limit, else an integer from 1 to the limit
                var a = BindBuiltIn(name, ["limit"], arguments, 0);
                switch (a[0])
                {
                    case SassNull or SassBool { Value: false }:
                        return new SassNumber(Random.Shared.NextDouble(), "");
                    case SassNumber limit:
                        var lv = limit.Value;
                        if (lv < 1) throw new SassException($"Error: $limit {lv.ToString(CultureInfo.InvariantCulture)} must be greater than or equal to 1 for `random'");
                        if (Math.Abs(Math.Truncate(lv) - lv) >= 1e-10)
                            throw new SassException($"Error: Expected $limit to be an integer but got {lv.ToString(CultureInfo.InvariantCulture)} for `random'");
                        return new SassNumber(Math.Floor(1 + Random.Shared.NextDouble() * Math.Round(lv)), "");
                    default:
                        throw new SassException($"Error: argument `$limit` of `random($limit: false)` must be a number");
                }
            }

            // ---- selectors
            case "selector-parse":
            {
                var a = BindBuiltIn(name, ["selector"], arguments, 1);
                var list = ValidSelectors(name, SelectorList(name, a[0]), parents: false);
                return Selectors.TryParse(string.Join(", ", list)) is { } parsed ? SelectorValue(parsed) : SelectorValue(list);
            }
            case "selector-nest":
            {
                if (arguments.Count == 0) throw new SassException("Error: $selectors: At least one selector must be passed.");
                var selectors = ValidSelectors(name, SelectorList(name, Strip(arguments[0].Value)), parents: true);
                foreach (var (_, next) in arguments.Skip(1))
                {
                    // libsass takes each nested selector in turn, across all the outer ones
                    var outer = selectors;
                    selectors = ValidSelectors(name, SelectorList(name, Strip(next)), parents: true).SelectMany(child => ResolveSelectors(outer, child)).ToList();
                }
                return SelectorValue(selectors);
            }
            case "selector-append":
            {
                if (arguments.Count == 0) throw new SassException("Error: $selectors: At least one selector must be passed.");
                var selectors = ValidSelectors(name, SelectorList(name, Strip(arguments[0].Value)), parents: false);
                foreach (var (_, next) in arguments.Skip(1))
                {
                    var children = SelectorList(name, Strip(next));
                    if (selectors.Any(c => c.Length > 0 && c[^1] is '>' or '+' or '~'))
                        throw new SassException($"Error: Can't append {string.Join(", ", children)} to {string.Join(", ", selectors)}.");
                    if (children.Any(c => c.Length == 0 || c[0] is '>' or '+' or '~' || c.Contains('&')))
                        throw new SassException($"Error: Can't append {string.Join(", ", children)} to {string.Join(", ", selectors)}.");
                    // libsass takes each appended selector in turn, across all the bases
                    selectors = children.SelectMany(child => selectors.Select(parent => parent + child)).ToList();
                }
                return SelectorValue(selectors);
            }
            case "is-superselector":
            {
                var a = BindBuiltIn(name, ["super", "sub"], arguments, 2);
                return new SassBool(ParsedSelector(name, "super", a[0]).IsSuperselector(ParsedSelector(name, "sub", a[1])));
            }
            case "selector-unify":
            {
                var a = BindBuiltIn(name, ["selector1", "selector2"], arguments, 2);
                var unified = Selectors.UnifyLists(ParsedSelector(name, "selector1", a[0]), ParsedSelector(name, "selector2", a[1]));
                return unified.Count == 0 ? SassNull.Instance : SelectorValue(new SelectorList(unified));
            }
            case "selector-extend":
            {
                var a = BindBuiltIn(name, ["selector", "extendee", "extender"], arguments, 3);
                return SelectorValue(Extender.Extend(ParsedSelector(name, "selector", a[0]), ParsedSelector(name, "extender", a[2]), ParsedSelector(name, "extendee", a[1])));
            }
            case "selector-replace":
            {
                var a = BindBuiltIn(name, ["selector", "original", "replacement"], arguments, 3);
                return SelectorValue(Extender.Replace(ParsedSelector(name, "selector", a[0]), ParsedSelector(name, "replacement", a[2]), ParsedSelector(name, "original", a[1])));
            }
            case "simple-selectors":
            {
                var a = BindBuiltIn(name, ["selector"], arguments, 1);
                var compound = SelectorList(name, a[0]);
                if (compound.Count != 1 || SelectorTokens(compound[0]).Count != 1)
                    throw new SassException($"Error: $selector: {string.Join(", ", compound)} is not a compound selector.");
                return new SassList(SimpleSelectors(compound[0]).Select(s => (SassValue)new SassString(s, false)).ToList(), ",");
            }

            // ---- colours
            case "grayscale":
            {
                // grayscale(50%) is CSS's filter function, passed through
                var a = BindBuiltIn(name, ["color"], arguments, 1);
                if (a[0] is SassNumber amount) return new SassString("grayscale(" + amount.ToCss(false) + ")", false);
                var c = ColorArg(name, "color", a[0]);
                var (h, _, l) = c.ToHsl();
                return SassColor.FromHsl(h, 0, l, c.A);
            }
            case "complement":
            {
                var a = BindBuiltIn(name, ["color"], arguments, 1);
                var c = ColorArg(name, "color", a[0]);
                var (h, s, l) = c.ToHsl();
                return SassColor.FromHsl(h + 180, s, l, c.A);
            }
            case "invert":
            {
                // invert(50%) is CSS's filter function, passed through
                var a = BindBuiltIn(name, ["color", "weight"], arguments, 1);
                if (a[0] is SassNumber amount)
                {
                    if (a[1] is not SassNull) throw new SassException("Error: Only one argument may be passed to the plain-CSS invert() function.");
                    return new SassString("invert(" + amount.ToCss(false) + ")", false);
                }
                var weight = a[1] is SassNull ? 100 : RangeArg(name, "weight", a[1], 0, 100);
                var c = ColorArg(name, "color", a[0]);
                var inverse = new SassColor(255 - c.R, 255 - c.G, 255 - c.B, c.A);
                return MixColors(inverse, c, weight);
            }
            case "ie-hex-str":
            {
                var a = BindBuiltIn(name, ["color"], arguments, 1);
                var c = ColorArg(name, "color", a[0]);
                static string Hex(double v) => ((int)Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), 0, 255)).ToString("X2", CultureInfo.InvariantCulture);
                return new SassString("#" + Hex(c.A * 255) + Hex(c.R) + Hex(c.G) + Hex(c.B), false);
            }
            case "adjust-color" or "scale-color" or "change-color":
                return AdjustColor(name, arguments);
        }
        return null;
    }

    /// <summary>A selector argument (a string, or a list as <c>&amp;</c> gives) as its complex selectors, normalized.</summary>
    private static List<string> SelectorList(string function, SassValue value)
    {
        var text = value switch
        {
            SassString s => s.Text,
            SassList l => string.Join(l.Separator == "," ? ", " : " ", l.Items.Select(i => i is SassList inner
                ? string.Join(inner.Separator == "," ? ", " : " ", inner.Items.Select(x => x is SassString xs ? xs.Text : x.ToCss(false)))
                : i is SassString s2 ? s2.Text : i.ToCss(false))),
            _ => throw new SassException($"Error: $selector: {value.ToCss(false)} is not a valid selector: it must be a string,\na list of strings, or a list of lists of strings."),
        };
        var selectors = Parser.SplitTopLevel(text, ',').Select(s => Emitter.Selector(s, false)).Where(s => s.Length > 0).ToList();
        if (selectors.Count == 0) throw new SassException($"Error: $selector: expected selector.");
        return selectors;
    }

    /// <summary>
    /// Selector arguments checked as libsass does: each must parse, and a parent selector <c>&amp;</c> may stand (where
    /// <paramref name="parents"/> allows it) only at the start of a compound selector.
    /// </summary>
    private static List<string> ValidSelectors(string function, List<string> selectors, bool parents)
    {
        foreach (var selector in selectors)
        {
            var text = selector;
            for (var i = selector.IndexOf('&'); i >= 0; i = selector.IndexOf('&', i + 1))
            {
                if (!parents) throw new SassException("Error: Parent selectors aren't allowed here.");
                if (i > 0 && !(char.IsWhiteSpace(selector[i - 1]) || selector[i - 1] is '>' or '+' or '~' or ',' or '('))
                    throw new SassException($"Error: Invalid CSS after \"{selector[..i]}\": expected selector, was \"{selector[i..]}\"");
            }
            if (parents) text = selector.Replace("&", ".x");
            if (Selectors.TryParse(text) is null) throw new SassException($"Error: ${(parents ? "selectors" : "selector")}: expected selector.");
        }
        return selectors;
    }

    /// <summary>A selector argument parsed into the selector model.</summary>
    private static SelectorList ParsedSelector(string function, string parameter, SassValue value)
    {
        var text = string.Join(", ", SelectorList(function, value));
        return Selectors.TryParse(text) ?? throw new SassException($"Error: ${parameter}: expected selector.");
    }

    /// <summary>A parsed selector list as SassScript sees it: a comma list of space lists of compounds and combinators.</summary>
    internal static SassValue SelectorValue(SelectorList list) =>
        new SassList(list.Complexes.Select(c => (SassValue)new SassList(
            c.Components.Select(part => (SassValue)new SassString(part.Text, false)).ToList(), " ")).ToList(), ",");

    /// <summary>Selectors as SassScript sees them: a comma list of space lists of compounds and combinators.</summary>
    internal static SassValue SelectorValue(IEnumerable<string> selectors) =>
        new SassList(selectors.Select(s => (SassValue)new SassList(
            SelectorTokens(Emitter.Selector(s, false)).Select(part => (SassValue)new SassString(part, false)).ToList(), " ")).ToList(), ",");

    /// <summary>A compound selector's simple selectors (<c>a.b:c</c> is <c>a</c>, <c>.b</c>, <c>:c</c>).</summary>
    private static IEnumerable<string> SimpleSelectors(string compound)
    {
        var start = 0;
        var depth = 0;
        for (var i = 1; i <= compound.Length; i++)
        {
            if (i < compound.Length)
            {
                var c = compound[i];
                if (c is '(' or '[') depth++;
                else if (c is ')' or ']') depth--;
                if (depth > 0 || c is ')' or ']' || !(c is '.' or '#' or '[' or '%' || (c == ':' && compound[i - 1] != ':'))) continue;
                if (compound[i - 1] == '\\') continue;
            }
            yield return compound[start..i];
            start = i;
        }
    }

    private static string Separator(string function, SassValue value, Func<string> auto) => value switch
    {
        SassNull => auto(),
        SassString { Text: "auto" } => auto(),
        SassString { Text: "comma" } => ",",
        SassString { Text: "space" } => " ",
        _ => throw new SassException($"Error: argument `$separator` of `{function}(...)` must be `space`, `comma`, or `auto`"),
    };

    /// <summary>Sass's <c>mix</c>: <paramref name="weight"/> percent of the first colour.</summary>
    internal static SassColor MixColors(SassColor c1, SassColor c2, double weight)
    {
        var p = weight / 100;
        var wScaled = p * 2 - 1;
        var a = c1.A - c2.A;
        var w1 = ((wScaled * a == -1 ? wScaled : (wScaled + a) / (1 + wScaled * a)) + 1) / 2;
        var w2 = 1 - w1;
        return new SassColor(SassRound(c1.R * w1 + c2.R * w2), SassRound(c1.G * w1 + c2.G * w2), SassRound(c1.B * w1 + c2.B * w2), c1.A * p + c2.A * (1 - p));
    }

    /// <summary>libsass's <c>Sass::round</c>: to a whole number, a fraction within 1e-11 of one half rounding up.</summary>
    internal static double SassRound(double value)
    {
        var fraction = value % 1; // C's fmod: the sign of the dividend
        if (fraction - 0.5 > -1e-11) return Math.Ceiling(value);
        return Math.Round(value, MidpointRounding.AwayFromZero);
    }

    private static readonly string[] ColorChannels = ["red", "green", "blue", "hue", "saturation", "lightness", "alpha"];

    /// <summary><c>adjust-color</c>, <c>scale-color</c> and <c>change-color</c>: RGB and HSL channels by keyword.</summary>
    private static SassValue AdjustColor(string name, List<(string? Name, SassValue Value)> arguments)
    {
        var a = BindBuiltIn(name, ["color", .. ColorChannels], arguments, 1);
        var c = ColorArg(name, "color", a[0]);
        var given = new Dictionary<string, double>();
        for (var i = 0; i < ColorChannels.Length; i++)
        {
            if (a[i + 1] is SassNull) continue;
            var channel = ColorChannels[i];
            var number = NumberArg(name, channel, a[i + 1]);
            given[channel] = number.Value;
            // libsass refuses a value outside the channel's range (scale-color's are percentages); a hue it takes as it is
            if (channel == "hue" && name != "scale-color") continue;
            var max = name == "scale-color" ? 100.0 : channel switch { "red" or "green" or "blue" => 255.0, "alpha" => 1.0, _ => 100.0 };
            RangeArg(name, channel, number, name == "change-color" ? 0 : -max, max);
        }
        var rgb = given.ContainsKey("red") || given.ContainsKey("green") || given.ContainsKey("blue");
        var hsl = given.ContainsKey("hue") || given.ContainsKey("saturation") || given.ContainsKey("lightness");
        if (rgb && hsl) throw new SassException($"Error: Cannot specify HSL and RGB values for a color at the same time for `{name}'");
        double Apply(string channel, double current, double max) => !given.TryGetValue(channel, out var v) ? current : name switch
        {
            "adjust-color" => Math.Clamp(current + v, 0, max),
            "change-color" => Math.Clamp(v, 0, max),
            _ => Math.Clamp(current + (v > 0 ? max - current : current) * v / 100, 0, max),
        };
        var alpha = Apply("alpha", c.A, 1);
        if (hsl)
        {
            var (h, s, l) = c.ToHsl();
            var hue = !given.TryGetValue("hue", out var dh) ? h : name switch
            {
                "change-color" => dh,
                "scale-color" => h + dh / 100 * (dh > 0 ? 360 - h : h),
                _ => h + dh,
            };
            return SassColor.FromHsl(hue, Apply("saturation", s, 100), Apply("lightness", l, 100), alpha);
        }
        return new SassColor(Apply("red", c.R, 255), Apply("green", c.G, 255), Apply("blue", c.B, 255), alpha);
    }

    /// <summary><c>inspect</c>: the value as Sass would write it (quotes kept, <c>null</c>, <c>()</c>, maps in parentheses).</summary>
    internal static string Inspect(SassValue value) => Inspect(value, false, false);

    /// <summary>As libsass: a list in parentheses inside a list of its own separator or as a map's value, a comma list
    /// of one element (not a list) as <c>(x,)</c>.</summary>
    private static string Inspect(SassValue value, bool inSpace, bool inComma) => value switch
    {
        SassNull => "null",
        SassString s => s.ToCss(false),
        SassMap m => "(" + string.Join(", ", m.Entries.Select(e => Inspect(e.Key) + ": " + Inspect(e.Value, true, true))) + ")",
        SassList { Items.Count: 0 } l => l.Bracketed ? "[]" : "()",
        SassList l => InspectList(l, inSpace, inComma),
        _ => value.ToCss(false),
    };

    private static string InspectList(SassList l, bool inSpace, bool inComma)
    {
        var comma = l.Separator == ",";
        string open = "", close = "";
        if (l.Bracketed)
        {
            open = "[";
            close = (comma && l.Items.Count == 1 ? "," : "") + "]";
        }
        else if (comma && l.Items.Count == 1 && l.Items[0] is not SassList)
        {
            open = "(";
            close = ",)";
        }
        else if (comma ? inComma : inSpace)
        {
            open = "(";
            close = ")";
        }
        return open + string.Join(comma ? ", " : " ", l.Items.Select(i => Inspect(i, inSpace || !comma, inComma || comma))) + close;
    }

    private static readonly string[] AdjustColorParameters =
        ["color", "red: false", "green: false", "blue: false", "hue: false", "saturation: false", "lightness: false", "alpha: false"];

    /// <summary>libsass 3.6's signatures of the built-ins (those with a rest parameter left out): a parameter with a
    /// default is written with it, as libsass's messages quote it. <c>rgba</c> is overloaded on its argument count.</summary>
    private static readonly Dictionary<string, string[]> BuiltInSignatures = new(StringComparer.Ordinal)
    {
        ["rgb"] = ["red", "green", "blue"], ["hsl"] = ["hue", "saturation", "lightness"], ["hsla"] = ["hue", "saturation", "lightness", "alpha"],
        ["red"] = ["color"], ["green"] = ["color"], ["blue"] = ["color"], ["mix"] = ["color1", "color2", "weight: 50%"],
        ["hue"] = ["color"], ["saturation"] = ["color"], ["lightness"] = ["color"], ["adjust-hue"] = ["color", "degrees"],
        ["lighten"] = ["color", "amount"], ["darken"] = ["color", "amount"], ["saturate"] = ["color", "amount: false"],
        ["desaturate"] = ["color", "amount"], ["grayscale"] = ["color"], ["complement"] = ["color"], ["invert"] = ["color", "weight: 100%"],
        ["alpha"] = ["color"], ["opacity"] = ["color"], ["opacify"] = ["color", "amount"], ["fade-in"] = ["color", "amount"],
        ["transparentize"] = ["color", "amount"], ["fade-out"] = ["color", "amount"], ["ie-hex-str"] = ["color"],
        ["unquote"] = ["string"], ["quote"] = ["string"], ["str-length"] = ["string"], ["str-insert"] = ["string", "insert", "index"],
        ["str-index"] = ["string", "substring"], ["str-slice"] = ["string", "start-at", "end-at: -1"], ["to-upper-case"] = ["string"],
        ["to-lower-case"] = ["string"], ["percentage"] = ["number"], ["round"] = ["number"], ["ceil"] = ["number"], ["floor"] = ["number"],
        ["abs"] = ["number"], ["random"] = ["limit: false"], ["length"] = ["list"], ["nth"] = ["list", "n"], ["set-nth"] = ["list", "n", "value"],
        ["join"] = ["list1", "list2", "separator: auto", "bracketed: auto"], ["append"] = ["list", "val", "separator: auto"], ["index"] = ["list", "value"],
        ["list-separator"] = ["list"], ["is-bracketed"] = ["list"], ["map-get"] = ["map", "key"], ["map-merge"] = ["map1", "map2"],
        ["map-keys"] = ["map"], ["map-values"] = ["map"], ["map-has-key"] = ["map", "key"], ["keywords"] = ["args"], ["type-of"] = ["value"],
        ["unit"] = ["number"], ["unitless"] = ["number"], ["comparable"] = ["number1", "number2"], ["inspect"] = ["value"],
        ["variable-exists"] = ["name"], ["global-variable-exists"] = ["name"], ["function-exists"] = ["name"], ["mixin-exists"] = ["name"],
        ["feature-exists"] = ["feature"], ["get-function"] = ["name", "css: false"], ["if"] = ["condition", "if-true", "if-false"],
        ["unique-id"] = [], ["selector-extend"] = ["selector", "extendee", "extender"], ["selector-replace"] = ["selector", "original", "replacement"],
        ["selector-unify"] = ["selector1", "selector2"], ["is-superselector"] = ["super", "sub"], ["simple-selectors"] = ["selector"],
        ["selector-parse"] = ["selector"],
        ["adjust-color"] = AdjustColorParameters, ["scale-color"] = AdjustColorParameters, ["change-color"] = AdjustColorParameters,
    };

    /// <summary>A built-in's arguments checked against its signature as libsass's <c>bind</c> does: no more positional
    /// arguments than parameters, no unknown names, every parameter without a default given.</summary>
    private static void CheckBuiltInArguments(string name, List<(string? Name, SassValue Value)> arguments)
    {
        string[]? parameters;
        if (name == "rgba")
        {
            parameters = arguments.Count switch { 2 => ["color", "alpha"], 4 => ["red", "green", "blue", "alpha"], _ => null };
            if (parameters is null) throw new SassException("Error: overloaded function `rgba` given wrong number of arguments");
        }
        else if (!BuiltInSignatures.TryGetValue(name, out parameters)) return;
        Span<bool> bound = stackalloc bool[parameters.Length];
        var position = 0;
        foreach (var (argument, _) in arguments)
        {
            if (argument is null)
            {
                if (position >= parameters.Length)
                    throw new SassException($"Error: wrong number of arguments ({arguments.Count} for {parameters.Length}) for `{name}'");
                bound[position++] = true;
                continue;
            }
            var index = -1;
            for (var i = 0; i < parameters.Length && index < 0; i++)
                if (ParameterName(parameters[i]) == argument) index = i;
            if (index < 0) throw new SassException($"Error: Function {name} has no parameter named ${argument}");
            bound[index] = true;
        }
        for (var i = 0; i < parameters.Length; i++)
            if (!bound[i] && !parameters[i].Contains(':')) throw new SassException($"Error: Function {name} is missing argument ${parameters[i]}.");
    }

    private static string ParameterName(string parameter) => parameter.IndexOf(':') is var colon and >= 0 ? parameter[..colon] : parameter;

    /// <summary>A built-in's signature as libsass's messages quote it: <c>mix($color1, $color2, $weight: 50%)</c>.</summary>
    private static string Signature(string name) => BuiltInSignatures.TryGetValue(name, out var parameters)
        ? name + "(" + string.Join(", ", parameters.Select(p => "$" + p)) + ")"
        : name + "(...)";

    /// <summary>libsass's <c>special_number</c>: a CSS <c>calc()</c> or <c>var()</c> standing for a colour channel, which
    /// makes <c>rgb</c>, <c>hsl</c> and the like plain CSS calls.</summary>
    private static bool IsSpecialNumber(SassValue value) =>
        value is SassString { Text: var text } && (text.StartsWith("calc(", StringComparison.Ordinal) || text.StartsWith("var(", StringComparison.Ordinal));

    /// <summary>A plain CSS function called through <c>get-function($name, $css: true)</c>: written out with its arguments.</summary>
    private SassString PlainCssCall(string function, List<(string? Name, SassValue Value)> arguments)
    {
        if (arguments.Any(a => a.Name is not null)) throw new SassException($"Error: Plain CSS function {function} doesn't support keyword arguments");
        return new SassString(function + "(" + string.Join(", ", arguments.Select(a => StripNumbers(a.Value).ToCss(_compressed))) + ")", false);
    }

    /// <summary>A built-in written back as a plain CSS call with its arguments.</summary>
    private static SassString PlainCall(string function, params SassValue[] arguments) =>
        new(function + "(" + string.Join(", ", arguments.Select(a => a.ToCss(false))) + ")", false);

    /// <summary>libsass's <c>alpha_num</c>: an alpha clamped to [0, 1], or to [0, 100] when written as a percentage.</summary>
    private static double AlphaNumber(string function, string parameter, SassValue value)
    {
        var number = NumberArg(function, parameter, value);
        return Math.Clamp(number.Value, 0, number.Unit == "%" ? 100 : 1);
    }

    /// <summary>A number argument within [<paramref name="min"/>, <paramref name="max"/>], as libsass's <c>get_arg_r</c> checks it.</summary>
    private static double RangeArg(string function, string parameter, SassValue value, double min, double max)
    {
        var number = value as SassNumber ?? throw new SassException($"Error: argument `${parameter}` of `{Signature(function)}` must be a number");
        if (!(min <= number.Value && number.Value <= max))
            throw new SassException($"Error: argument `${parameter}` of `{Signature(function)}` must be between {(min == 0 ? "-0" : min.ToString(CultureInfo.InvariantCulture))} and {max.ToString(CultureInfo.InvariantCulture)}");
        return number.Value;
    }

    private static readonly HashSet<string> BuiltInNames = new(StringComparer.Ordinal)
    {
        "rgb", "rgba", "hsl", "hsla", "red", "green", "blue", "mix", "hue", "saturation", "lightness", "adjust-hue", "lighten",
        "darken", "saturate", "desaturate", "grayscale", "complement", "invert", "alpha", "opacity", "opacify", "fade-in",
        "transparentize", "fade-out", "adjust-color", "scale-color", "change-color", "ie-hex-str", "unquote", "quote",
        "str-length", "str-insert", "str-index", "str-slice", "to-upper-case", "to-lower-case", "percentage", "round", "ceil",
        "floor", "abs", "min", "max", "random", "length", "nth", "set-nth", "join", "append", "zip", "index", "list-separator",
        "is-bracketed", "map-get", "map-merge", "map-remove", "map-keys", "map-values", "map-has-key", "keywords", "type-of",
        "unit", "unitless", "comparable", "inspect", "variable-exists", "global-variable-exists", "function-exists",
        "mixin-exists", "feature-exists", "call", "get-function", "if", "unique-id", "selector-nest", "selector-append",
        "selector-extend", "selector-replace", "selector-unify", "is-superselector", "simple-selectors", "selector-parse",
        "content-exists",
    };
}
