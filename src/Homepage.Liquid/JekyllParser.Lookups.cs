using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Parlot;
using Parlot.Fluent;

namespace Homepage.Liquid;

/// <summary>
/// Liquid's variable lookups in front of Fluid's primary expressions: names may end in <c>?</c>, whitespace may sit
/// between the parts (<c>foo .bar</c>, <c>['a'] ['b']</c>), a lookup may start with brackets (<c>[name]</c>,
/// <c>['with space']</c>), negative indexes count from the end, a <c>.0</c> part is a key (as in Jekyll's lax mode,
/// where arrays have none), and ranges take any expression as bounds. Strings, numbers and groups stay Fluid's.
/// </summary>
internal sealed partial class JekyllParser
{
    private Parser<Expression> _strictFilterExpression = null!;

    private void RegisterLookups()
    {
        var fluidPrimary = Primary.Parser!;
        Primary.Parser = new LiquidPrimary(this, fluidPrimary);
        _strictFilterExpression = FilterExpression.Parser!;
        FilterExpression.Parser = new LaxFilterExpression(this, _strictFilterExpression);
    }

    private static readonly Dictionary<string, Expression> Keywords = new(StringComparer.Ordinal)
    {
        ["empty"] = EmptyKeyword, ["blank"] = BlankKeyword, ["nil"] = NilKeyword, ["null"] = NilKeyword,
        ["true"] = TrueKeyword, ["false"] = FalseKeyword,
    };

    private sealed class LiquidPrimary(JekyllParser parser, Parser<Expression> fluid) : Parser<Expression>
    {
        public override bool Parse(ParseContext context, ref ParseResult<Expression> result)
        {
            context.EnterParser(this);
            var cursor = context.Scanner.Cursor;
            var start = cursor.Position;
            context.SkipWhiteSpace();
            var c = cursor.Current;
            Expression? expression = null;
            if (c is '\'' or '"') expression = ParseString(context);
            else if (c == '(') expression = ParseRange(context);
            else if (c == '[' || char.IsAsciiLetter(c) || c == '_') expression = ParseLookup(context);
            if (expression is not null)
            {
                result.Set(start.Offset, cursor.Offset, expression);
                context.ExitParser(this);
                return true;
            }
            cursor.ResetPosition(start);
            var ok = fluid.Parse(context, ref result);
            context.ExitParser(this);
            return ok;
        }

        /// <summary>Liquid's strings have no escapes: <c>"a\n"</c> is a, backslash, n.</summary>
        private static Expression? ParseString(ParseContext context)
        {
            var cursor = context.Scanner.Cursor;
            var buffer = context.Scanner.Buffer;
            var quote = cursor.Current;
            var close = buffer.IndexOf(quote, cursor.Offset + 1);
            if (close < 0) return null;
            var text = buffer[(cursor.Offset + 1)..close];
            while (cursor.Offset <= close) cursor.Advance();
            return new LiteralExpression(StringValue.Create(text));
        }

        private Expression? ParseRange(ParseContext context)
        {
            var cursor = context.Scanner.Cursor;
            var start = cursor.Position;
            cursor.Advance();
            var from = new ParseResult<Expression>();
            if (Parse(context, ref from))
            {
                context.SkipWhiteSpace();
                if (context.Scanner.ReadText(".."))
                {
                    var to = new ParseResult<Expression>();
                    if (Parse(context, ref to))
                    {
                        context.SkipWhiteSpace();
                        if (context.Scanner.ReadChar(')')) return new RangeExpression(from.Value, to.Value);
                    }
                }
            }
            cursor.ResetPosition(start);
            return null;
        }

        private Expression? ParseLookup(ParseContext context)
        {
            var cursor = context.Scanner.Cursor;
            var start = cursor.Position;
            var segments = new List<MemberSegment>();
            Expression? dynamicName = null;
            string? first = null;
            if (cursor.Current == '[')
            {
                dynamicName = ParseBracket(context);
                if (dynamicName is null) { cursor.ResetPosition(start); return null; }
            }
            else
            {
                first = ReadName(context);
                if (first is null) { cursor.ResetPosition(start); return null; }
            }
            while (true)
            {
                var before = cursor.Position;
                context.SkipWhiteSpace();
                if (cursor.Current == '.' && cursor.PeekNext() != '.')
                {
                    cursor.Advance();
                    context.SkipWhiteSpace();
                    var name = ReadName(context) ?? (parser.Strict ? null : ReadDigits(context));
                    if (name is null) { cursor.ResetPosition(before); break; }
                    segments.Add(new IdentifierSegment(name));
                }
                else if (cursor.Current == '[')
                {
                    var index = ParseBracket(context);
                    if (index is null) { cursor.ResetPosition(before); break; }
                    segments.Add(new LiquidIndexSegment(index));
                }
                else
                {
                    cursor.ResetPosition(before);
                    break;
                }
            }
            if (first is not null)
            {
                if (segments.Count == 0 && Keywords.TryGetValue(first, out var keyword)) return keyword;
                segments.Insert(0, new IdentifierSegment(first));
                return new MemberExpression(segments);
            }
            return new DynamicLookupExpression(dynamicName!, segments);
        }

        /// <summary><c>[ expression ]</c>.</summary>
        private Expression? ParseBracket(ParseContext context)
        {
            var cursor = context.Scanner.Cursor;
            var start = cursor.Position;
            cursor.Advance();
            var inner = new ParseResult<Expression>();
            if (parser._strictFilterExpression.Parse(context, ref inner))
            {
                context.SkipWhiteSpace();
                if (context.Scanner.ReadChar(']')) return inner.Value;
            }
            cursor.ResetPosition(start);
            return null;
        }

        /// <summary>Liquid's identifier: <c>[a-zA-Z_][\w-]*\??</c>; a trailing dash before <c>}</c> or <c>%</c> is whitespace control.</summary>
        private static string? ReadName(ParseContext context)
        {
            var cursor = context.Scanner.Cursor;
            var buffer = context.Scanner.Buffer;
            var start = cursor.Offset;
            if (!(char.IsAsciiLetter(cursor.Current) || cursor.Current == '_')) return null;
            var end = start;
            while (end < buffer.Length && (char.IsAsciiLetterOrDigit(buffer[end]) || buffer[end] is '_' or '-')) end++;
            while (end > start + 1 && buffer[end - 1] == '-' && end < buffer.Length && buffer[end] is '}' or '%') end--;
            if (end < buffer.Length && buffer[end] == '?') end++;
            while (cursor.Offset < end) cursor.Advance();
            return buffer[start..end];
        }

        private static string? ReadDigits(ParseContext context)
        {
            var cursor = context.Scanner.Cursor;
            var start = cursor.Offset;
            while (char.IsAsciiDigit(cursor.Current)) cursor.Advance();
            return cursor.Offset > start ? context.Scanner.Buffer[start..cursor.Offset] : null;
        }
    }

    /// <summary><c>[n]</c> on an array counts from the end when negative (Ruby's <c>Array#[]</c>); anything else as Fluid indexes.</summary>
    private sealed class LiquidIndexSegment(Expression index) : MemberSegment
    {
        public Expression Expression => index;

        public override async ValueTask<FluidValue> ResolveAsync(FluidValue value, TemplateContext context)
        {
            var key = await index.EvaluateAsync(context);
            if (value is ArrayValue array && key is NumberValue n && n.ToNumberValue() < 0)
            {
                var i = array.Values.Count + (int)decimal.Truncate(n.ToNumberValue());
                return i >= 0 ? array.Values[i] : NilValue.Instance;
            }
            return await value.GetIndexAsync(key, context);
        }
    }

    /// <summary>A lookup whose variable name is itself an expression (<c>[name]</c>, <c>['a b'].c</c>).</summary>
    private sealed class DynamicLookupExpression(Expression name, List<MemberSegment> segments) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var value = context.GetValue((await name.EvaluateAsync(context)).ToStringValue());
            foreach (var segment in segments)
            {
                if (value.IsNil()) return NilValue.Instance;
                value = await segment.ResolveAsync(value, context);
            }
            return value;
        }
    }
}
