using System.Text.RegularExpressions;
using Fluid.Ast;
using Fluid.Values;
using Parlot;
using Parlot.Fluent;

namespace Homepage.Liquid;

/// <summary>
/// Jekyll's <c>error_mode: warn</c>: markup the strict grammar refuses is read again by Liquid's lax patterns
/// (<c>Variable#lax_parse</c>) instead of failing: the first fragment is the value, then every <c>| name: args</c>
/// found in the rest, and anything else is ignored. <c>{{ "a \"b\"" | upcase }}</c> renders <c>A \</c>, as in Jekyll.
/// </summary>
internal sealed partial class JekyllParser
{
    /// <summary><c>liquid.error_mode: strict</c>: no lax reading, and lookups take only names after a dot.</summary>
    internal bool Strict => _environment.Options.ErrorMode == "strict";

    [GeneratedRegex("(" + QuotedFragment + ")(.*)", RegexOptions.Singleline)]
    private static partial Regex MarkupWithQuotedFragment();

    [GeneratedRegex(@"\|\s*(.*)", RegexOptions.Singleline)]
    private static partial Regex FilterMarkup();

    [GeneratedRegex(@"(?:\s+|" + QuotedFragment + "|,)+")]
    private static partial Regex FilterParser();

    [GeneratedRegex(@"(?::|,)\s*((?:\w+\s*\:\s*)?" + QuotedFragment + ")")]
    private static partial Regex FilterArgs();

    [GeneratedRegex(@"\A(\w[\w-]*)\s*:\s*(" + QuotedFragment + @")\z")]
    private static partial Regex JustTagAttributes();

    [GeneratedRegex(@"\[[^\]]+\]|[\w\-]+\??")]
    private static partial Regex VariableParser();

    private sealed class LaxFilterExpression(JekyllParser parser, Parser<Expression> strict) : Parser<Expression>
    {
        public override bool Parse(ParseContext context, ref ParseResult<Expression> result)
        {
            var cursor = context.Scanner.Cursor;
            var start = cursor.Position;
            var parsed = strict.Parse(context, ref result);
            if (parsed && AtMarkupEnd(context)) return true;
            if (parser.Strict) return parsed;
            cursor.ResetPosition(start);
            var buffer = context.Scanner.Buffer;
            var end = MarkupEnd(buffer, start.Offset);
            var markup = buffer[start.Offset..end];
            if (parser._environment.Options.ErrorMode == "warn")
                parser._environment.Options.Host.Warn($"Liquid syntax error (line {start.Line}): Expected end_of_string in \"{markup.Trim()}\"; read by the lax parser");
            var expression = parser.LaxVariable(markup, start);
            while (cursor.Offset < end) cursor.Advance();
            result.Set(start.Offset, end, expression);
            return true;
        }

        private static bool AtMarkupEnd(ParseContext context)
        {
            var cursor = context.Scanner.Cursor;
            var position = cursor.Position;
            context.SkipWhiteSpace();
            var atEnd = cursor.Eof || cursor.Match("}}") || cursor.Match("-}}") || cursor.Match("%}") || cursor.Match("-%}");
            cursor.ResetPosition(position);
            return atEnd;
        }

        /// <summary>Where the tag or output holding this markup ends: before <c>}}</c> or <c>%}</c> (and a whitespace-control dash).</summary>
        private static int MarkupEnd(string buffer, int from)
        {
            var output = buffer.IndexOf("}}", from, StringComparison.Ordinal);
            var tag = buffer.IndexOf("%}", from, StringComparison.Ordinal);
            var end = output < 0 ? tag : tag < 0 ? output : Math.Min(output, tag);
            if (end < 0) return buffer.Length;
            if (end > from && buffer[end - 1] == '-') end--;
            return end;
        }
    }

    /// <summary>Liquid's <c>Variable#lax_parse</c>.</summary>
    internal Expression LaxVariable(string markup, TextPosition position)
    {
        var m = MarkupWithQuotedFragment().Match(markup);
        if (!m.Success) return new LiteralExpression(NilValue.Instance);
        var expression = LaxFragment(m.Groups[1].Value, position);
        var filters = FilterMarkup().Match(m.Groups[2].Value);
        if (!filters.Success) return expression;
        foreach (Match f in FilterParser().Matches(filters.Groups[1].Value))
        {
            var name = Regex.Match(f.Value, @"\w+");
            if (!name.Success) continue;
            var arguments = new List<FilterArgument>();
            foreach (Match a in FilterArgs().Matches(f.Value))
            {
                var argument = a.Groups[1].Value;
                var keyword = JustTagAttributes().Match(argument);
                arguments.Add(keyword.Success
                    ? new FilterArgument(keyword.Groups[1].Value, LaxFragment(keyword.Groups[2].Value, position))
                    : new FilterArgument(null!, LaxFragment(argument, position)));
            }
            expression = new FilterExpression(expression, name.Value, arguments);
        }
        return expression;
    }

    /// <summary><c>Expression.parse</c>, falling back to <c>VariableLookup.parse</c>'s scan for fragments no grammar accepts.</summary>
    private Expression LaxFragment(string fragment, TextPosition position)
    {
        try
        {
            return ParseFragment(fragment, position);
        }
        catch (Parlot.ParseException)
        {
            var parts = VariableParser().Matches(fragment).Select(x => x.Value).ToList();
            if (parts.Count == 0) return new LiteralExpression(NilValue.Instance);
            var segments = new List<MemberSegment>();
            foreach (var part in parts.Skip(1))
                segments.Add(part.StartsWith('[') ? new LiquidIndexSegment(LaxFragment(part[1..^1], position)) : new IdentifierSegment(part));
            if (parts[0].StartsWith('[')) return new DynamicLookupExpression(LaxFragment(parts[0][1..^1], position), segments);
            segments.Insert(0, new IdentifierSegment(parts[0]));
            return new MemberExpression(segments);
        }
    }
}
