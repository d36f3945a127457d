using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Homepage.Liquid.Values;

namespace Homepage.Liquid.Filters;

/// <summary>Jekyll's own filters (lib/jekyll/filters.rb and filters/*.rb), with Ruby's semantics.</summary>
internal static partial class JekyllFilters
{
    public static void Register(FilterCollection filters, LiquidEnvironment environment)
    {
        filters.AddFilter("relative_url", (input, args, ctx) => Sync(input.IsNil() ? NilValue.Instance : StringValue.Create(JekyllUrl.Relative(UrlOf(input), Site(ctx, "baseurl")))));
        filters.AddFilter("absolute_url", (input, args, ctx) => Sync(input.IsNil() ? NilValue.Instance : StringValue.Create(JekyllUrl.Absolute(UrlOf(input), Site(ctx, "url"), Site(ctx, "baseurl")))));
        filters.AddFilter("strip_index", (input, args, ctx) =>
        {
            var s = input.ToStringValue();
            return Sync(StringValue.Create(s.EndsWith("/index.html", StringComparison.Ordinal) || s.EndsWith("/index.htm", StringComparison.Ordinal) ? s[..(s.LastIndexOf('/') + 1)] : s));
        });
        filters.AddFilter("date_to_xmlschema", (input, args, ctx) => Date(input, ctx, t => RubyStrftime.Format(t, "%Y-%m-%dT%H:%M:%S%:z")));
        filters.AddFilter("date_to_rfc822", (input, args, ctx) => Date(input, ctx, t => RubyStrftime.Format(t, "%a, %d %b %Y %H:%M:%S %z")));
        filters.AddFilter("date_to_string", (input, args, ctx) => Date(input, ctx, t => DateString(t, "%b", args)));
        filters.AddFilter("date_to_long_string", (input, args, ctx) => Date(input, ctx, t => DateString(t, "%B", args)));
        filters.AddFilter("xml_escape", (input, args, ctx) => Sync(input.IsNil() ? NilValue.Instance : StringValue.Create(XmlEscape(input.ToStringValue()))));
        filters.AddFilter("cgi_escape", (input, args, ctx) => Sync(StringValue.Create(StandardFilters.CgiEscape(input.ToStringValue()))));
        filters.AddFilter("uri_escape", (input, args, ctx) => Sync(StringValue.Create(UriEscape(input.ToStringValue()))));
        filters.AddFilter("normalize_whitespace", (input, args, ctx) => Sync(StringValue.Create(Whitespace().Replace(input.ToStringValue(), " ").Trim(' ', '\t', '\n', '\v', '\f', '\r', '\0'))));
        filters.AddFilter("number_of_words", (input, args, ctx) => Sync(NumberValue.Create(NumberOfWords(input.ToStringValue(), args.At(0).IsNil() ? null : args.At(0).ToStringValue()))));
        filters.AddFilter("array_to_sentence_string", (input, args, ctx) => Sync(StringValue.Create(ArrayToSentence(input, args.At(0).IsNil() ? "and" : args.At(0).ToStringValue()))));
        filters.AddFilter("markdownify", (input, args, ctx) => Sync(StringValue.Create(JekyllParser.Host(ctx).Markdownify(input.ToStringValue()))));
        filters.AddFilter("smartify", (input, args, ctx) => Sync(StringValue.Create(JekyllParser.Host(ctx).Smartify(input.ToStringValue()))));
        filters.AddFilter("sassify", (input, args, ctx) => Sync(StringValue.Create(JekyllParser.Host(ctx).ConvertSass(input.ToStringValue(), indentedSyntax: true))));
        filters.AddFilter("scssify", (input, args, ctx) => Sync(StringValue.Create(JekyllParser.Host(ctx).ConvertSass(input.ToStringValue(), indentedSyntax: false))));
        filters.AddFilter("slugify", (input, args, ctx) => Sync(input.IsNil() ? NilValue.Instance : StringValue.Create(JekyllSlug.Slugify(input.ToStringValue(), args.At(0).IsNil() ? null : args.At(0).ToStringValue())!)));
        filters.AddFilter("jsonify", (input, args, ctx) => Sync(StringValue.Create(Json.Write(LiquidValues.ToClr(input)))));
        filters.AddFilter("inspect", (input, args, ctx) => Sync(StringValue.Create(WebUtility.HtmlEncode(RubyFormat.Inspect(LiquidValues.ToClr(input))).Replace("&#39;", "&#39;"))));
        filters.AddFilter("to_integer", (input, args, ctx) => Sync(input is BooleanValue b ? NumberValue.Create(b.ToBooleanValue() ? 1 : 0) : NumberValue.Create(decimal.Truncate(input.ToNumberValue()))));
        filters.AddFilter("where", Where);
        filters.AddFilter("where_exp", (input, args, ctx) => WhereExp(environment, input, args, ctx, findFirst: false));
        filters.AddFilter("find_exp", (input, args, ctx) => WhereExp(environment, input, args, ctx, findFirst: true));
        filters.AddFilter("find", Find);
        filters.AddFilter("group_by", GroupBy);
        filters.AddFilter("group_by_exp", (input, args, ctx) => GroupByExp(environment, input, args, ctx));
        filters.AddFilter("sort", Sort);
        filters.AddFilter("push", (input, args, ctx) => Sync(new ArrayValue(Items(input, ctx).Append(args.At(0)).ToArray())));
        filters.AddFilter("pop", (input, args, ctx) => Sync(new ArrayValue(Drop(Items(input, ctx), (int)(args.At(0).IsNil() ? 1 : args.At(0).ToNumberValue()), fromEnd: true))));
        filters.AddFilter("shift", (input, args, ctx) => Sync(new ArrayValue(Drop(Items(input, ctx), (int)(args.At(0).IsNil() ? 1 : args.At(0).ToNumberValue()), fromEnd: false))));
        filters.AddFilter("unshift", (input, args, ctx) => Sync(new ArrayValue(Items(input, ctx).Prepend(args.At(0)).ToArray())));
        filters.AddFilter("sample", (input, args, ctx) =>
        {
            var items = Items(input, ctx).ToList();
            if (args.At(0).IsNil()) return Sync(items.Count == 0 ? NilValue.Instance : items[Random.Shared.Next(items.Count)]);
            return Sync(new ArrayValue(items.OrderBy(_ => Random.Shared.Next()).Take((int)args.At(0).ToNumberValue()).ToArray()));
        });
    }

    private static ValueTask<FluidValue> Sync(FluidValue value) => new(value);

    private static string? Site(TemplateContext context, string key)
    {
        var site = context.GetValue("site");
        if (site.IsNil()) return null;
        var value = site.GetValueAsync(key, context).AsTask().GetAwaiter().GetResult();
        return value.IsNil() ? null : value.ToStringValue();
    }

    private static string UrlOf(FluidValue input)
    {
        if (input is DropValue d && d.Drop.TryGetValue("url", out var url)) return url?.ToString() ?? "";
        if (input is HashValue h && h.Hash.TryGetValue("url", out var u)) return u?.ToString() ?? "";
        return input.ToStringValue();
    }

    // ---- dates ------------------------------------------------------------------------------------------------

    private static ValueTask<FluidValue> Date(FluidValue input, TemplateContext context, Func<DateTimeOffset, string> format)
    {
        if (input.IsNil() || input.ToStringValue().Length == 0) return Sync(input);
        var time = StandardFilters.ToTime(input, context);
        if (time is null) throw new LiquidException($"Invalid Date: '{input.ToStringValue()}' is not a valid datetime.");
        // Jekyll's `time(input)` ends in `to_time.dup.localtime`: every date filter prints in the site's zone.
        return Sync(StringValue.Create(format(TimeZoneInfo.ConvertTime(time.Value, context.TimeZone ?? TimeZoneInfo.Local))));
    }

    private static string DateString(DateTimeOffset t, string monthType, FilterArguments args)
    {
        var type = args.At(0).IsNil() ? null : args.At(0).ToStringValue();
        var style = args.At(1).IsNil() ? null : args.At(1).ToStringValue();
        if (type != "ordinal") return RubyStrftime.Format(t, "%d " + monthType + " %Y");
        var day = t.Day;
        var suffix = (day % 100) is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return style == "US"
            ? RubyStrftime.Format(t, monthType + " ") + day + suffix + RubyStrftime.Format(t, ", %Y")
            : day + suffix + RubyStrftime.Format(t, " " + monthType + " %Y");
    }

    // ---- strings ----------------------------------------------------------------------------------------------

    // Ruby's \s is ASCII: a no-break space survives normalize_whitespace.
    [GeneratedRegex(@"[ \t\r\n\f\v]+")]
    private static partial Regex Whitespace();

    /// <summary><c>input.encode(:xml =&gt; :attr)</c> without the surrounding quotes: <c>&amp; &lt; &gt; " '</c> escaped.</summary>
    public static string XmlEscape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary><c>Addressable::URI.normalize_component</c> as Jekyll's <c>uri_escape</c> uses it.</summary>
    public static string UriEscape(string s) => Addressable.NormalizePath(s);

    private static readonly Regex CjkRegex = new(@"\p{IsCJKUnifiedIdeographs}|\p{IsHiragana}|\p{IsKatakana}|\p{IsHangulSyllables}", RegexOptions.Compiled);

    private static int NumberOfWords(string input, string? mode)
    {
        // Ruby's String#split: runs of ASCII whitespace separate words.
        static int Words(string s)
        {
            var count = 0;
            var inWord = false;
            foreach (var c in s)
            {
                var space = c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
                if (!space && !inWord) count++;
                inWord = !space;
            }
            return count;
        }
        if (mode is not ("cjk" or "auto")) return Words(input);
        var cjkCount = CjkRegex.Matches(input).Count;
        if (mode == "auto" && cjkCount == 0) return Words(input);
        return cjkCount + Words(CjkRegex.Replace(input, " "));
    }

    private static string ArrayToSentence(FluidValue input, string connector)
    {
        var items = input is ArrayValue a ? a.Values.Select(v => v.ToStringValue()).ToList() : [input.ToStringValue()];
        return items.Count switch
        {
            0 => "",
            1 => items[0],
            2 => $"{items[0]} {connector} {items[1]}",
            _ => string.Join(", ", items.Take(items.Count - 1)) + $", {connector} {items[^1]}",
        };
    }

    // ---- arrays -----------------------------------------------------------------------------------------------

    private static IEnumerable<FluidValue> Items(FluidValue input, TemplateContext context) => input switch
    {
        ArrayValue a => a.Values,
        NilValue => [],
        HashValue or DropValue => input.Enumerate(context).Select(pair => pair is ArrayValue kv && kv.Values.Count == 2 ? kv.Values[1] : pair),
        _ => [input],
    };

    private static FluidValue[] Drop(IEnumerable<FluidValue> items, int count, bool fromEnd)
    {
        var list = items.ToList();
        count = Math.Min(count, list.Count);
        return fromEnd ? list.Take(list.Count - count).ToArray() : list.Skip(count).ToArray();
    }

    private static async ValueTask<FluidValue> Property(FluidValue item, string property, TemplateContext context)
    {
        FluidValue value = item;
        foreach (var part in property.Split('.'))
        {
            if (value.IsNil()) return value;
            value = await value.GetValueAsync(part, context);
        }
        return value;
    }

    private static async ValueTask<FluidValue> Where(FluidValue input, FilterArguments args, TemplateContext context)
    {
        var property = args.At(0).ToStringValue();
        var target = args.At(1);
        var result = new List<FluidValue>();
        foreach (var item in Items(input, context))
        {
            var value = await Property(item, property, context);
            if (Matches(value, target)) result.Add(item);
        }
        return new ArrayValue(result);
    }

    /// <summary>Jekyll's where: the property's string equals the value's, or (for arrays) contains it.</summary>
    private static bool Matches(FluidValue value, FluidValue target)
    {
        var t = target.IsNil() ? "" : target.ToStringValue();
        if (value is ArrayValue a) return a.Values.Any(v => v.ToStringValue() == t);
        return (value.IsNil() ? "" : value.ToStringValue()) == t;
    }

    private static async ValueTask<FluidValue> Find(FluidValue input, FilterArguments args, TemplateContext context)
    {
        var property = args.At(0).ToStringValue();
        foreach (var item in Items(input, context))
            if (Matches(await Property(item, property, context), args.At(1))) return item;
        return NilValue.Instance;
    }

    private static async ValueTask<FluidValue> WhereExp(LiquidEnvironment environment, FluidValue input, FilterArguments args, TemplateContext context, bool findFirst)
    {
        var variable = args.At(0).ToStringValue();
        var condition = environment.ParseCondition(args.At(1).ToStringValue());
        var result = new List<FluidValue>();
        var previous = context.GetValue(variable);
        try
        {
            foreach (var item in Items(input, context))
            {
                context.SetValue(variable, item);
                if (RubyValue.Truthy(await condition.EvaluateAsync(context)))
                {
                    if (findFirst) return item;
                    result.Add(item);
                }
            }
        }
        finally
        {
            context.SetValue(variable, previous);
        }
        return findFirst ? NilValue.Instance : new ArrayValue(result);
    }

    private static async ValueTask<FluidValue> GroupBy(FluidValue input, FilterArguments args, TemplateContext context)
    {
        var property = args.At(0).ToStringValue();
        var groups = new List<(string Name, List<FluidValue> Items)>();
        foreach (var item in Items(input, context))
        {
            var key = await Property(item, property, context);
            var name = key.IsNil() ? "" : key.ToStringValue();
            var group = groups.FindIndex(g => g.Name == name);
            if (group < 0) groups.Add((name, [item]));
            else groups[group].Items.Add(item);
        }
        return Groups(groups);
    }

    private static async ValueTask<FluidValue> GroupByExp(LiquidEnvironment environment, FluidValue input, FilterArguments args, TemplateContext context)
    {
        var variable = args.At(0).ToStringValue();
        var expression = environment.ParseInline("{{ " + args.At(1).ToStringValue() + " }}");
        var groups = new List<(string Name, List<FluidValue> Items)>();
        var previous = context.GetValue(variable);
        try
        {
            foreach (var item in Items(input, context))
            {
                context.SetValue(variable, item);
                var name = await expression.RenderAsync(context);
                var group = groups.FindIndex(g => g.Name == name);
                if (group < 0) groups.Add((name, [item]));
                else groups[group].Items.Add(item);
            }
        }
        finally
        {
            context.SetValue(variable, previous);
        }
        return Groups(groups);
    }

    private static FluidValue Groups(List<(string Name, List<FluidValue> Items)> groups) =>
        new ArrayValue(groups.Select(g => (FluidValue)new HashValue(new Dictionary<string, object?>
        {
            ["name"] = g.Name,
            ["items"] = new ArrayValue(g.Items),
            ["size"] = (long)g.Items.Count,
        })).ToArray());

    /// <summary>Jekyll's sort: by value, or by a property with nils first (default) or last.</summary>
    private static async ValueTask<FluidValue> Sort(FluidValue input, FilterArguments args, TemplateContext context)
    {
        if (input.IsNil()) throw new LiquidException("Liquid error: Cannot sort a null object.");
        var items = Items(input, context).ToList();
        if (args.At(0).IsNil())
            return new ArrayValue(items.OrderBy(v => v, ValueComparer.Instance).ToArray());
        var property = args.At(0).ToStringValue();
        var nilsLast = !args.At(1).IsNil() && args.At(1).ToStringValue() == "last";
        if (!args.At(1).IsNil() && args.At(1).ToStringValue() is not ("first" or "last"))
            throw new LiquidException("Liquid error: Invalid nils order: '" + args.At(1).ToStringValue() + "' is not a valid nils order. It must be 'first' or 'last'.");
        var keyed = new List<(FluidValue Key, FluidValue Item)>();
        foreach (var item in items) keyed.Add((await Property(item, property, context), item));
        var sorted = keyed.OrderBy(k => k.Key.IsNil() ? (nilsLast ? 1 : -1) : 0).ThenBy(k => k.Key, ValueComparer.Instance).Select(k => k.Item);
        return new ArrayValue(sorted.ToArray());
    }

    private sealed class ValueComparer : IComparer<FluidValue>
    {
        public static readonly ValueComparer Instance = new();

        public int Compare(FluidValue? x, FluidValue? y)
        {
            if (x is null || x.IsNil()) return y is null || y.IsNil() ? 0 : -1;
            if (y is null || y.IsNil()) return 1;
            if (x is NumberValue && y is NumberValue) return x.ToNumberValue().CompareTo(y.ToNumberValue());
            if (x is RubyTimeValue a && y is RubyTimeValue b) return a.Time.CompareTo(b.Time);
            return string.CompareOrdinal(x.ToStringValue(), y.ToStringValue());
        }
    }
}
