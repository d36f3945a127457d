using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Homepage.Liquid.Values;
using static Homepage.Liquid.Filters.RubyValue;

namespace Homepage.Liquid.Filters;

/// <summary>
/// Liquid 5.4's <c>StandardFilters</c>, ported one by one with Ruby's semantics (Fluid's own filters are cleared):
/// numbers through <c>Utils.to_number</c> (Integer or BigDecimal, printed as Float), strings through <c>to_s</c>,
/// collections through <c>InputIterator</c> (flattened arrays, a hash as one item).
/// </summary>
internal static partial class StandardFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.Clear();
        filters.AddFilter("size", Size);
        Add(filters, "downcase", (i, a, c) => StringValue.Create(ToS(i).ToLowerInvariant()));
        Add(filters, "upcase", (i, a, c) => StringValue.Create(ToS(i).ToUpperInvariant()));
        Add(filters, "capitalize", (i, a, c) => StringValue.Create(Capitalize(ToS(i))));
        Add(filters, "escape", (i, a, c) => IsNil(i) ? NilValue.Instance : StringValue.Create(CgiHtml.Escape(ToS(i))));
        Add(filters, "h", (i, a, c) => IsNil(i) ? NilValue.Instance : StringValue.Create(CgiHtml.Escape(ToS(i))));
        Add(filters, "escape_once", (i, a, c) => StringValue.Create(CgiHtml.EscapeOnce(ToS(i))));
        Add(filters, "url_encode", (i, a, c) => IsNil(i) ? NilValue.Instance : StringValue.Create(CgiEscape(ToS(i))));
        Add(filters, "url_decode", (i, a, c) => IsNil(i) ? NilValue.Instance : StringValue.Create(CgiUnescape(ToS(i))));
        Add(filters, "base64_encode", (i, a, c) => StringValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(ToS(i)))));
        Add(filters, "base64_decode", (i, a, c) => StringValue.Create(Base64Decode(ToS(i), "base64_decode")));
        Add(filters, "base64_url_safe_encode", (i, a, c) =>
            StringValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(ToS(i))).Replace('+', '-').Replace('/', '_')));
        Add(filters, "base64_url_safe_decode", (i, a, c) => StringValue.Create(Base64UrlSafeDecode(ToS(i))));
        Add(filters, "slice", SliceFilter);
        Add(filters, "truncate", Truncate);
        Add(filters, "truncatewords", TruncateWords);
        Add(filters, "split", (i, a, c) => new ArrayValue(Split(ToS(i), ToS(a.At(0))).Select(p => (FluidValue)StringValue.Create(p)).ToArray()));
        Add(filters, "strip", (i, a, c) => StringValue.Create(ToS(i).Trim(RubySpace)));
        Add(filters, "lstrip", (i, a, c) => StringValue.Create(ToS(i).TrimStart(RubySpace)));
        Add(filters, "rstrip", (i, a, c) => StringValue.Create(ToS(i).TrimEnd(RubySpace)));
        Add(filters, "strip_html", (i, a, c) => StringValue.Create(StripHtml(ToS(i))));
        Add(filters, "strip_newlines", (i, a, c) => StringValue.Create(Newline().Replace(ToS(i), "")));
        Add(filters, "newline_to_br", (i, a, c) => StringValue.Create(Newline().Replace(ToS(i), "<br />\n")));
        Add(filters, "join", (i, a, c) => StringValue.Create(string.Join(a.Count > 0 ? ToS(a.At(0)) : " ", Iterate(i, c).Select(ToS))));
        Add(filters, "sort", (i, a, c) => Sort(i, a, c, natural: false));
        Add(filters, "sort_natural", (i, a, c) => Sort(i, a, c, natural: true));
        Add(filters, "where", Where);
        Add(filters, "uniq", Uniq);
        Add(filters, "reverse", (i, a, c) => new ArrayValue(Iterate(i, c).AsEnumerable().Reverse().ToArray()));
        Add(filters, "map", Map);
        Add(filters, "compact", Compact);
        Add(filters, "replace", (i, a, c) => StringValue.Create(Gsub(ToS(i), ToS(a.At(0)), a.Count > 1 ? ToS(a.At(1)) : "", all: true)));
        Add(filters, "replace_first", (i, a, c) => StringValue.Create(Gsub(ToS(i), ToS(a.At(0)), a.Count > 1 ? ToS(a.At(1)) : "", all: false)));
        Add(filters, "replace_last", (i, a, c) => StringValue.Create(ReplaceLast(ToS(i), ToS(a.At(0)), ToS(a.At(1)))));
        Add(filters, "remove", (i, a, c) => StringValue.Create(Gsub(ToS(i), ToS(a.At(0)), "", all: true)));
        Add(filters, "remove_first", (i, a, c) => StringValue.Create(Gsub(ToS(i), ToS(a.At(0)), "", all: false)));
        Add(filters, "remove_last", (i, a, c) => StringValue.Create(ReplaceLast(ToS(i), ToS(a.At(0)), "")));
        Add(filters, "append", (i, a, c) => StringValue.Create(ToS(i) + ToS(a.At(0))));
        Add(filters, "prepend", (i, a, c) => StringValue.Create(ToS(a.At(0)) + ToS(i)));
        Add(filters, "concat", (i, a, c) =>
            a.At(0) is ArrayValue other
                ? new ArrayValue(Iterate(i, c).Concat(other.Values).ToArray())
                : throw new LiquidException("Liquid error: concat filter requires an array argument"));
        filters.AddFilter("date", Date);
        filters.AddFilter("first", First);
        filters.AddFilter("last", Last);
        Add(filters, "abs", (i, a, c) => { var n = ToNumber(i); return (n with { Value = Math.Abs(n.Value) }).ToValue(); });
        Add(filters, "plus", (i, a, c) => Arithmetic(i, a.At(0), '+'));
        Add(filters, "minus", (i, a, c) => Arithmetic(i, a.At(0), '-'));
        Add(filters, "times", (i, a, c) => Arithmetic(i, a.At(0), '*'));
        Add(filters, "divided_by", (i, a, c) => Arithmetic(i, a.At(0), '/'));
        Add(filters, "modulo", (i, a, c) => Arithmetic(i, a.At(0), '%'));
        Add(filters, "round", Round);
        Add(filters, "ceil", (i, a, c) => NumberValue.Create(Math.Ceiling(ToNumber(i).Value)));
        Add(filters, "floor", (i, a, c) => NumberValue.Create(Math.Floor(ToNumber(i).Value)));
        Add(filters, "at_least", (i, a, c) => { var min = ToNumber(a.At(0)); var n = ToNumber(i); return (min.Value > n.Value ? min : n).ToValue(); });
        Add(filters, "at_most", (i, a, c) => { var max = ToNumber(a.At(0)); var n = ToNumber(i); return (max.Value < n.Value ? max : n).ToValue(); });
        Add(filters, "default", Default);
    }

    private static void Add(FilterCollection filters, string name, Func<FluidValue, FilterArguments, TemplateContext, FluidValue> filter) =>
        filters.AddFilter(name, (input, arguments, context) => new ValueTask<FluidValue>(filter(input, arguments, context)));

    private static readonly char[] RubySpace = [' ', '\t', '\n', '\v', '\f', '\r', '\0'];

    [GeneratedRegex("<script.*?</script>|<!--.*?-->|<style.*?</style>", RegexOptions.Singleline)]
    private static partial Regex HtmlBlocks();

    /// <summary>Liquid's <c>strip_html</c>: script, comment and style blocks, then every <c>&lt;...&gt;</c>.</summary>
    internal static string StripHtml(string s)
    {
        if (s.IndexOf('<') < 0) return s;
        if (s.Contains("<script", StringComparison.Ordinal) || s.Contains("<!--", StringComparison.Ordinal) || s.Contains("<style", StringComparison.Ordinal))
            s = HtmlBlocks().Replace(s, "");
        var sb = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var open = s.IndexOf('<', i);
            if (open < 0) break;
            var close = s.IndexOf('>', open + 1);
            if (close < 0) break;
            sb.Append(s, i, open - i);
            i = close + 1;
        }
        sb.Append(s, i, s.Length - i);
        return sb.ToString();
    }

    [GeneratedRegex("\r?\n")]
    private static partial Regex Newline();

    /// <summary>Ruby's <c>String#capitalize</c>: the first character up, the rest down.</summary>
    private static string Capitalize(string s)
    {
        if (s.Length == 0) return s;
        var first = char.IsSurrogatePair(s, 0) ? s[..2] : s[..1];
        return first.ToUpperInvariant() + s[first.Length..].ToLowerInvariant();
    }

    /// <summary>Ruby's <c>CGI.escape</c>: all but <c>a-zA-Z0-9_.-~</c> percent-encoded as UTF-8, spaces as <c>+</c>.</summary>
    internal static string CgiEscape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~')) sb.Append(c);
            else if (c == ' ') sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Ruby's <c>CGI.unescape</c>; a result that is not UTF-8 is Liquid's "invalid byte sequence".</summary>
    private static string CgiUnescape(string s)
    {
        var bytes = new List<byte>(s.Length);
        var source = Encoding.UTF8.GetBytes(s);
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '+') bytes.Add((byte)' ');
            else if (source[i] == '%' && i + 2 < source.Length && Uri.IsHexDigit((char)source[i + 1]) && Uri.IsHexDigit((char)source[i + 2]))
            {
                bytes.Add(Convert.ToByte(Encoding.ASCII.GetString(source, i + 1, 2), 16));
                i += 2;
            }
            else bytes.Add(source[i]);
        }
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw new LiquidException("Liquid error: invalid byte sequence in UTF-8");
        }
    }

    private static string Base64Decode(string s, string filter)
    {
        try
        {
            if (s.Length % 4 != 0 || s.Contains('\n') || s.Contains(' ')) throw new FormatException();
            return Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
        catch (FormatException)
        {
            throw new LiquidException($"Liquid error: invalid base64 provided to {filter}");
        }
    }

    /// <summary>Ruby's <c>Base64.urlsafe_decode64</c>: missing padding is added, then strictly decoded.</summary>
    private static string Base64UrlSafeDecode(string s)
    {
        if (!s.EndsWith('=') && s.Length % 4 != 0) s = s.PadRight((s.Length + 3) & ~3, '=');
        if (s.Contains('+') || s.Contains('/')) throw new LiquidException("Liquid error: invalid base64 provided to base64_url_safe_decode");
        return Base64Decode(s.Replace('-', '+').Replace('_', '/'), "base64_url_safe_decode");
    }

    private static FluidValue SliceFilter(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var offset = ToInteger(arguments.At(0));
        var length = IsNil(arguments.At(1)) ? 1 : ToInteger(arguments.At(1));
        if (input is ArrayValue array)
            return RubySlice(array.Values.Count, offset, length) is var (start, count) ? new ArrayValue(array.Values.Skip(start).Take(count).ToArray()) : new ArrayValue([]);
        var text = ToS(input);
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        return RubySlice(runes.Count, offset, length) is var (from, n) ? StringValue.Create(string.Concat(runes.Skip(from).Take(n))) : StringValue.Empty;
    }

    /// <summary>Ruby's <c>slice(start, length)</c> bounds: a negative start counts from the end; null when out of range.</summary>
    private static (int Start, int Count)? RubySlice(int size, long start, long length)
    {
        if (start < 0) start += size;
        if (start < 0 || start > size || length < 0) return null;
        return ((int)start, (int)Math.Min(length, size - start));
    }

    private static FluidValue Truncate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (IsNil(input)) return NilValue.Instance;
        var text = ToS(input);
        var length = arguments.Count > 0 ? ToInteger(arguments.At(0)) : 50;
        var ellipsis = arguments.Count > 1 ? ToS(arguments.At(1)) : "...";
        var keep = Math.Max(0, length - Length(ellipsis));
        var size = Length(text);
        return StringValue.Create(size > length ? Substring(text, 0, (int)Math.Min(keep, size)) + ellipsis : text);
    }

    private static FluidValue TruncateWords(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (IsNil(input)) return NilValue.Instance;
        var text = ToS(input);
        var words = arguments.Count > 0 ? ToInteger(arguments.At(0)) : 15;
        if (words <= 0) words = 1;
        var ellipsis = arguments.Count > 1 ? ToS(arguments.At(1)) : "...";
        var list = AwkSplit(text, words + 1);
        if (list.Count <= words) return StringValue.Create(text);
        list.RemoveAt(list.Count - 1);
        return StringValue.Create(string.Join(" ", list) + ellipsis);
    }

    private static bool IsRubySpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    /// <summary>Ruby's <c>split(" ", limit)</c>: runs of whitespace separate, leading whitespace is ignored, the last field keeps the rest.</summary>
    private static List<string> AwkSplit(string s, long limit = 0)
    {
        var parts = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < s.Length && IsRubySpace(s[i])) i++;
            if (i >= s.Length) break;
            if (limit > 0 && parts.Count == limit - 1)
            {
                parts.Add(s[i..]);
                break;
            }
            var start = i;
            while (i < s.Length && !IsRubySpace(s[i])) i++;
            parts.Add(s[start..i]);
        }
        return parts;
    }

    /// <summary>Ruby's <c>String#split(pattern)</c>: awk style on one space, characters on an empty pattern, trailing empty fields dropped.</summary>
    internal static List<string> Split(string text, string separator)
    {
        if (separator == " ") return AwkSplit(text);
        List<string> parts = separator.Length == 0
            ? text.EnumerateRunes().Select(r => r.ToString()).ToList()
            : text.Split(separator).ToList();
        while (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        return parts;
    }

    private static FluidValue Sort(FluidValue input, FilterArguments arguments, TemplateContext context, bool natural)
    {
        var items = Iterate(input, context);
        if (items.Count == 0) return new ArrayValue([]);
        var property = arguments.At(0);
        Func<FluidValue, FluidValue> key;
        if (arguments.Count == 0 || IsNil(property)) key = v => v;
        else
        {
            if (!items.All(HasIndexer)) return NilValue.Instance;
            var keys = new Dictionary<FluidValue, FluidValue>(ReferenceEqualityComparer.Instance);
            foreach (var item in items) keys[item] = Index(item, property, context);
            key = v => keys[v];
        }
        int Comparison(FluidValue a, FluidValue b)
        {
            var x = key(a);
            var y = key(b);
            if (natural)
            {
                if (!IsNil(x) && !IsNil(y)) return CaseCompare(ToS(x), ToS(y));
                return IsNil(x) ? 1 : -1;
            }
            if (Compare(x, y) is { } c) return c;
            if (IsNil(x)) return 1;
            if (IsNil(y)) return -1;
            throw new LiquidException("Liquid error: cannot sort values of incompatible types");
        }
        return new ArrayValue(StableSort(items, Comparison));
    }

    internal static FluidValue[] StableSort(List<FluidValue> items, Comparison<FluidValue> comparison)
    {
        var indexed = items.Select((v, i) => (v, i)).ToArray();
        Array.Sort(indexed, (a, b) => comparison(a.v, b.v) is var c && c != 0 ? c : a.i.CompareTo(b.i));
        return indexed.Select(x => x.v).ToArray();
    }

    private static FluidValue Where(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var items = Iterate(input, context);
        if (items.Count == 0) return new ArrayValue([]);
        var property = arguments.At(0);
        var target = arguments.At(1);
        var kept = new List<FluidValue>();
        foreach (var item in items)
        {
            if (!HasIndexer(item)) return NilValue.Instance;
            var value = Index(item, property, context);
            if (IsNil(target) ? Truthy(value) : value.Equals(target) && value.Type == target.Type) kept.Add(item);
        }
        return new ArrayValue(kept.ToArray());
    }

    private static FluidValue Uniq(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var items = Iterate(input, context);
        var property = arguments.At(0);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<FluidValue>();
        foreach (var item in items)
        {
            FluidValue key;
            if (arguments.Count == 0 || IsNil(property)) key = item;
            else
            {
                if (!HasIndexer(item)) return NilValue.Instance;
                key = Index(item, property, context);
            }
            if (seen.Add(UniqKey(key))) kept.Add(item);
        }
        return new ArrayValue(kept.ToArray());
    }

    private static FluidValue Map(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var property = arguments.At(0);
        var result = new List<FluidValue>();
        foreach (var item in Iterate(input, context))
        {
            if (ToS(property) == "to_liquid") result.Add(item);
            else if (HasIndexer(item)) result.Add(Index(item, property, context));
            else result.Add(NilValue.Instance);
        }
        return new ArrayValue(result.ToArray());
    }

    private static FluidValue Compact(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var items = Iterate(input, context);
        var property = arguments.At(0);
        if (arguments.Count == 0 || IsNil(property)) return new ArrayValue(items.Where(v => !IsNil(v)).ToArray());
        var kept = new List<FluidValue>();
        foreach (var item in items)
        {
            if (!HasIndexer(item)) return NilValue.Instance;
            if (!IsNil(Index(item, property, context))) kept.Add(item);
        }
        return new ArrayValue(kept.ToArray());
    }

    /// <summary>Ruby's <c>gsub</c>/<c>sub</c> with a string pattern: <c>\0</c>, <c>\&amp;</c>, <c>\`</c>, <c>\'</c> and <c>\\</c>
    /// in the replacement are the match, pre-match, post-match and a backslash; an empty pattern matches between characters.</summary>
    private static string Gsub(string input, string pattern, string replacement, bool all)
    {
        var sb = new StringBuilder();
        var position = 0;
        while (position <= input.Length)
        {
            var at = input.IndexOf(pattern, position, StringComparison.Ordinal);
            if (at < 0) break;
            sb.Append(input, position, at - position);
            AppendReplacement(sb, replacement, input, at, pattern.Length);
            if (pattern.Length == 0)
            {
                if (at >= input.Length) { position = input.Length + 1; break; }
                var step = char.IsSurrogatePair(input, at) ? 2 : 1;
                sb.Append(input, at, step);
                position = at + step;
            }
            else position = at + pattern.Length;
            if (!all) break;
        }
        if (position <= input.Length) sb.Append(input, position, input.Length - position);
        return sb.ToString();
    }

    private static void AppendReplacement(StringBuilder sb, string replacement, string input, int at, int length)
    {
        if (!replacement.Contains('\\'))
        {
            sb.Append(replacement);
            return;
        }
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c != '\\' || i + 1 >= replacement.Length) { sb.Append(c); continue; }
            var next = replacement[++i];
            switch (next)
            {
                case '0' or '&': sb.Append(input, at, length); break;
                case '`': sb.Append(input, 0, at); break;
                case '\'': sb.Append(input, at + length, input.Length - at - length); break;
                case '\\': sb.Append('\\'); break;
                case >= '1' and <= '9': break;
                default: sb.Append('\\').Append(next); break;
            }
        }
    }

    private static string ReplaceLast(string input, string pattern, string replacement)
    {
        var at = input.LastIndexOf(pattern, StringComparison.Ordinal);
        if (pattern.Length == 0) at = input.Length;
        return at < 0 ? input : input[..at] + replacement + input[(at + pattern.Length)..];
    }

    /// <summary>Liquid's <c>apply_operation</c>: Integer with Integer stays Integer (division and modulo floor),
    /// anything with a decimal is a BigDecimal printed as a Float.</summary>
    private static FluidValue Arithmetic(FluidValue input, FluidValue operand, char operation)
    {
        var a = ToNumber(input);
        var b = ToNumber(operand);
        var isDecimal = a.IsDecimal || b.IsDecimal;
        if (operation is '/' or '%' && b.Value == 0) throw new LiquidException("Liquid error: divided by 0");
        decimal result;
        try
        {
            result = operation switch
            {
                '+' => a.Value + b.Value,
                '-' => a.Value - b.Value,
                '*' => a.Value * b.Value,
                '/' => isDecimal ? a.Value / b.Value : Math.Floor(a.Value / b.Value),
                _ => FlooredModulo(a.Value, b.Value),
            };
        }
        catch (OverflowException)
        {
            throw new LiquidException("Liquid error: number too large");
        }
        return new Number(result, isDecimal).ToValue();
    }

    private static decimal FlooredModulo(decimal a, decimal b)
    {
        var r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }

    private static FluidValue Round(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var n = ToNumber(input);
        var digitsArgument = arguments.Count > 0 ? arguments.At(0) : NumberValue.Zero;
        var digits = (int)Math.Clamp(ToNumber(digitsArgument).Value, -28, 28);
        decimal rounded;
        if (digits >= 0) rounded = n.IsDecimal ? Math.Round(n.Value, digits, MidpointRounding.AwayFromZero) : n.Value;
        else
        {
            var scale = (decimal)Math.Pow(10, -digits);
            rounded = Math.Round(n.Value / scale, 0, MidpointRounding.AwayFromZero) * scale;
        }
        // BigDecimal#round(n) gives an Integer for n <= 0 (and Integer#round stays an Integer).
        var integerResult = !n.IsDecimal || digits <= 0;
        return integerResult ? NumberValue.Create(decimal.Truncate(rounded)) : new Number(rounded, true).ToValue();
    }

    private static FluidValue Default(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var named = arguments.Names.ToHashSet();
        var positional = new List<FluidValue>();
        var remaining = named.Select(n => arguments[n]).ToList();
        foreach (var v in arguments.Values ?? [])
        {
            var i = remaining.FindIndex(r => ReferenceEquals(r, v));
            if (i >= 0) remaining.RemoveAt(i);
            else positional.Add(v);
        }
        var fallback = positional.Count > 0 ? positional[0] : StringValue.Empty;
        var allowFalse = named.Contains("allow_false") && Truthy(arguments["allow_false"]);
        var falseCheck = allowFalse ? IsNil(input) : !Truthy(input);
        var empty = input switch
        {
            StringValue s => s.ToStringValue().Length == 0,
            ArrayValue a => a.Values.Count == 0,
            HashValue h => h.Hash.Count == 0,
            _ => false,
        };
        return falseCheck || empty ? fallback : input;
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
        if (s.ToLowerInvariant() is "now" or "today")
        {
            var now = context.Now?.Invoke() ?? DateTimeOffset.Now;
            return TimeZoneInfo.ConvertTime(now, zone);
        }
        if (s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(seconds), zone);
        return RubyDateParse.Parse(s, zone);
    }

    private static ValueTask<FluidValue> Size(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(input switch
        {
            ArrayValue a => NumberValue.Create(a.Values.Count),
            HashValue h => NumberValue.Create(h.Hash.Count),
            DropValue d => d.Drop.TryGetValue("size", out var v) ? LiquidValues.From(v) : NumberValue.Create(d.Drop.Keys.Count()),
            StringValue s => NumberValue.Create(Length(s.ToStringValue())),
            NumberValue when IsInteger(input) => NumberValue.Create(8),
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
