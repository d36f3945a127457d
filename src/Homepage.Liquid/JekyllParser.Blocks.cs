using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using Fluid.Values;
using Homepage.Liquid.Tags;
using Parlot;
using Parlot.Fluent;
using ParseException = Parlot.ParseException;

namespace Homepage.Liquid;

/// <summary>
/// Liquid 5.4's block structure on Fluid's parser: <c>if</c>/<c>unless</c>/<c>case</c> take their <c>elsif</c>, <c>when</c>
/// and <c>else</c> tags as Liquid's <c>unknown_tag</c> does, <c>comment</c> parses its body and drops it, <c>for</c> and
/// <c>cycle</c> read their markup with Liquid's own patterns, and <c>{% liquid %}</c> is one tag per line.
/// Expressions inside the markup go through Fluid's expression grammar.
/// </summary>
internal sealed partial class JekyllParser
{
    private Parser<Expression> _expressionOnly = null!;

    private void RegisterLiquidBlocks()
    {
        _expressionOnly = Primary.Eof();
        RegisteredTags["if"] = new ConditionalTag(this, "if");
        RegisteredTags["unless"] = new ConditionalTag(this, "unless");
        RegisteredTags["case"] = new CaseTag(this);
        RegisteredTags["comment"] = new CommentTag(this);
        RegisteredTags["for"] = new ForTag(this);
        RegisteredTags["cycle"] = new MarkupTag(this, "cycle", ParseCycle);
        RegisteredTags["increment"] = new MarkupTag(this, "increment", (markup, _) => new LiquidCounterStatement(markup.Trim(), +1));
        RegisteredTags["decrement"] = new MarkupTag(this, "decrement", (markup, _) => new LiquidCounterStatement(markup.Trim(), -1));
        RegisteredTags["#"] = new MarkupTag(this, "#", ParseInlineComment);
        RegisteredTags["liquid"] = new MarkupTag(this, "liquid", ParseLiquidTag);
        RegisteredTags["echo"] = new MarkupTag(this, "echo", ParseEcho);
        RegisteredTags["assign"] = new MarkupTag(this, "assign", ParseAssign);
        RegisteredTags["capture"] = new CaptureTag(this);
    }

    // ---- reading tags ---------------------------------------------------------------------------------------------

    /// <summary>The raw markup up to the tag's end (<c>%}</c>, <c>-%}</c>, or the line's end inside <c>{% liquid %}</c>), then the end.</summary>
    internal string ReadMarkup(ParseContext context)
    {
        var fluid = (FluidParseContext)context;
        var cursor = context.Scanner.Cursor;
        var buffer = context.Scanner.Buffer;
        var start = cursor.Offset;
        var end = start;
        while (end < buffer.Length)
        {
            if (buffer[end] == '%' && end + 1 < buffer.Length && buffer[end + 1] == '}') break;
            if (buffer[end] == '-' && end + 2 < buffer.Length && buffer[end + 1] == '%' && buffer[end + 2] == '}') break;
            if (fluid.InsideLiquidTag && buffer[end] == '\n') break;
            end++;
        }
        // Liquid's FullToken leaves the whitespace after the tag name out of the markup.
        var markup = buffer[start..end].TrimStart();
        while (cursor.Offset < end) cursor.Advance();
        var tagEnd = new ParseResult<TagResult>();
        if (!TagEnd.Parse(context, ref tagEnd))
            throw new ParseException($"Tag '{{%{markup}' was not properly terminated with regexp: /\\%\\}}/", cursor.Position);
        return markup;
    }

    /// <summary>The next tag after a body: its name and markup; false at the end of the source.</summary>
    internal bool ReadTag(ParseContext context, out string name, out string markup, out TextPosition position)
    {
        position = context.Scanner.Cursor.Position;
        name = markup = "";
        var start = new ParseResult<TagResult>();
        if (!TagStart.Parse(context, ref start)) return false;
        context.Scanner.SkipWhiteSpace();
        var cursor = context.Scanner.Cursor;
        var nameStart = cursor.Offset;
        if (cursor.Current == '#') cursor.Advance();
        else while (!cursor.Eof && (char.IsLetterOrDigit(cursor.Current) || cursor.Current == '_')) cursor.Advance();
        name = context.Scanner.Buffer[nameStart..cursor.Offset];
        markup = ReadMarkup(context);
        return true;
    }

    internal IReadOnlyList<Statement> ParseBody(ParseContext context)
    {
        // Liquid's Block::MAX_DEPTH: blocks nest at most 100 deep (deeper input would overflow the parser's stack).
        if (_bodyDepth >= MaxBlockDepth)
            throw new LiquidException("Liquid error: Nesting too deep", null, context.Scanner.Cursor.Position.Line);
        _bodyDepth++;
        try
        {
            var body = new ParseResult<IReadOnlyList<Statement>>();
            return AnyTagsList.Parse(context, ref body) ? body.Value ?? [] : [];
        }
        finally
        {
            _bodyDepth--;
        }
    }

    private const int MaxBlockDepth = 100;

    /// <summary>How deep the block being parsed on this thread is nested (parsing runs on one thread at a time).</summary>
    [ThreadStatic] private static int _bodyDepth;

    private static ParseException NeverClosed(string block, ParseContext context) =>
        new($"'{block}' tag was never closed", context.Scanner.Cursor.Position);

    private static ParseException UnknownTag(string tag, string block, TextPosition position) =>
        tag == "else" ? new($"{block} tag does not expect 'else' tag", position)
        : tag.StartsWith("end", StringComparison.Ordinal) ? new($"'{tag}' is not a valid delimiter for {block} tags. use end{block}", position)
        : new($"Unknown tag '{tag}'", position);

    // ---- expressions inside markup ------------------------------------------------------------------------------

    // Liquid's lexical pieces (lib/liquid.rb).
    internal const string QuotedString = "\"[^\"]*\"|'[^']*'";
    internal const string QuotedFragment = "(?:" + QuotedString + "|(?:[^\\s,|'\"]|" + QuotedString + ")+)";

    [GeneratedRegex(@"\A\(\s*(\S+)\s*\.\.\s*(\S+)\s*\)\z")]
    private static partial Regex RangePattern();

    /// <summary>Liquid's <c>Expression.parse</c> of one fragment: a literal, a range, or a variable lookup.</summary>
    internal Expression ParseFragment(string fragment, TextPosition position)
    {
        fragment = fragment.Trim();
        if (fragment.Length == 0) return new LiteralExpression(NilValue.Instance);
        var range = RangePattern().Match(fragment);
        if (range.Success)
            return new RangeExpression(ParseFragment(range.Groups[1].Value, position), ParseFragment(range.Groups[2].Value, position));
        if (fragment == "null") return new LiteralExpression(NilValue.Instance);
        var context = new FluidParseContext(fragment);
        if (_expressionOnly.TryParse(context, out var expression, out _) && expression is not null) return expression;
        throw new ParseException($"Unexpected character in '{fragment}'", position);
    }

    /// <summary>An <c>if</c>/<c>elsif</c>/<c>unless</c> condition, read as Liquid reads it.</summary>
    internal Expression ParseCondition(string markup, string tag, TextPosition position) =>
        LiquidCondition.Parse(markup, fragment => ParseFragment(fragment, position))
        ?? throw new ParseException($"Syntax Error in tag '{tag}' - Valid syntax: {tag} [expression]", position);

    // ---- the tags -----------------------------------------------------------------------------------------------

    /// <summary>A tag without a body, built from its markup.</summary>
    private sealed class MarkupTag(JekyllParser parser, string name, Func<string, TextPosition, Statement> build) : Parser<Statement>
    {
        public override bool Parse(ParseContext context, ref ParseResult<Statement> result)
        {
            var position = context.Scanner.Cursor.Position;
            var markup = parser.ReadMarkup(context);
            result.Set(position.Offset, context.Scanner.Cursor.Offset, build(markup, position));
            return true;
        }

        public override string ToString() => name;
    }

    private sealed class ConditionalTag(JekyllParser parser, string tag) : Parser<Statement>
    {
        public override bool Parse(ParseContext context, ref ParseResult<Statement> result)
        {
            var start = context.Scanner.Cursor.Position;
            Expression? condition = parser.ParseCondition(parser.ReadMarkup(context), tag, start);
            var blocks = new List<(Expression?, IReadOnlyList<Statement>)>();
            while (true)
            {
                blocks.Add((condition, parser.ParseBody(context)));
                if (!parser.ReadTag(context, out var name, out var markup, out var position)) throw NeverClosed(tag, context);
                if (name == "end" + tag) break;
                condition = name switch
                {
                    "elsif" => parser.ParseCondition(markup, "if", position),
                    "else" => null,
                    _ => throw UnknownTag(name, tag, position),
                };
            }
            result.Set(start.Offset, context.Scanner.Cursor.Offset, new LiquidIfStatement(blocks, unless: tag == "unless"));
            return true;
        }
    }

    [GeneratedRegex(@"\A(" + QuotedFragment + @")(?:(?:\s+or\s+|\s*,\s*)(" + QuotedFragment + ".*))?", RegexOptions.Singleline)]
    private static partial Regex WhenSyntax();

    [GeneratedRegex(@"(" + QuotedFragment + ")")]
    private static partial Regex FirstFragment();

    private sealed class CaseTag(JekyllParser parser) : Parser<Statement>
    {
        public override bool Parse(ParseContext context, ref ParseResult<Statement> result)
        {
            var start = context.Scanner.Cursor.Position;
            var subjectMarkup = FirstFragment().Match(parser.ReadMarkup(context));
            if (!subjectMarkup.Success) throw new ParseException("Syntax Error in 'case' - Valid syntax: case [condition]", start);
            var subject = parser.ParseFragment(subjectMarkup.Groups[1].Value, start);
            var blocks = new List<(List<Expression>?, IReadOnlyList<Statement>)>();
            List<Expression>? whens = null;
            var first = true;
            while (true)
            {
                var body = parser.ParseBody(context);
                // Text before the first when belongs to no block.
                if (!first) blocks.Add((whens, body));
                first = false;
                if (!parser.ReadTag(context, out var name, out var markup, out var position)) throw NeverClosed("case", context);
                if (name == "endcase") break;
                switch (name)
                {
                    case "when":
                        whens = [];
                        string? rest = markup;
                        while (rest is not null)
                        {
                            var m = WhenSyntax().Match(rest.TrimStart());
                            if (!m.Success) throw new ParseException("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}", position);
                            whens.Add(LiquidCondition.Equality(subject, m.Groups[1].Value, f => parser.ParseFragment(f, position)));
                            rest = m.Groups[2].Success ? m.Groups[2].Value : null;
                        }
                        break;
                    case "else":
                        if (markup.Trim().Length > 0) throw new ParseException("Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) ", position);
                        whens = null;
                        break;
                    default:
                        throw UnknownTag(name, "case", position);
                }
            }
            result.Set(start.Offset, context.Scanner.Cursor.Offset, new LiquidCaseStatement(subject, blocks));
            return true;
        }
    }

    /// <summary>Liquid's <c>comment</c> is a block like any other whose unknown tags are ignored: tags inside are parsed
    /// (so a nested comment or raw closes properly) and the whole is dropped.</summary>
    private sealed class CommentTag(JekyllParser parser) : Parser<Statement>
    {
        public override bool Parse(ParseContext context, ref ParseResult<Statement> result)
        {
            var start = context.Scanner.Cursor.Position;
            parser.ReadMarkup(context);
            while (true)
            {
                parser.ParseBody(context);
                if (!parser.ReadTag(context, out var name, out _, out _)) throw NeverClosed("comment", context);
                if (name == "endcomment") break;
            }
            result.Set(start.Offset, context.Scanner.Cursor.Offset, new LiquidCommentStatement());
            return true;
        }
    }

    [GeneratedRegex(@"\A([\w\-]+\??)\s+in\s+(" + QuotedFragment + @"+)\s*(reversed)?")]
    private static partial Regex ForSyntax();

    [GeneratedRegex(@"(\w[\w-]*)\s*:\s*(" + QuotedFragment + ")")]
    private static partial Regex TagAttributes();

    private sealed class ForTag(JekyllParser parser) : Parser<Statement>
    {
        public override bool Parse(ParseContext context, ref ParseResult<Statement> result)
        {
            var start = context.Scanner.Cursor.Position;
            var markup = CompactRange(parser.ReadMarkup(context));
            var m = ForSyntax().Match(markup.Trim());
            if (!m.Success) throw new ParseException("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]", start);
            var variable = m.Groups[1].Value;
            var collectionMarkup = m.Groups[2].Value;
            var collection = parser.ParseFragment(collectionMarkup, start);
            Expression? from = null, limit = null;
            var fromContinue = false;
            foreach (Match attribute in TagAttributes().Matches(markup))
            {
                var value = attribute.Groups[2].Value;
                switch (attribute.Groups[1].Value)
                {
                    case "offset" when value == "continue":
                        fromContinue = true;
                        from = null;
                        break;
                    case "offset":
                        fromContinue = false;
                        from = parser.ParseFragment(value, start);
                        break;
                    case "limit":
                        limit = parser.ParseFragment(value, start);
                        break;
                }
            }
            var body = parser.ParseBody(context);
            IReadOnlyList<Statement>? elseBody = null;
            while (true)
            {
                if (!parser.ReadTag(context, out var name, out _, out var position)) throw NeverClosed("for", context);
                if (name == "endfor") break;
                if (name != "else") throw UnknownTag(name, "for", position);
                elseBody = parser.ParseBody(context);
            }
            result.Set(start.Offset, context.Scanner.Cursor.Offset,
                new LiquidForStatement(variable, variable + "-" + collectionMarkup, collection, from, fromContinue, limit, m.Groups[3].Success, body, elseBody));
            return true;
        }
    }

    /// <summary>Liquid's strict parser reads <c>( 1 .. n )</c> as a range; the lax pattern needs it without spaces.</summary>
    private static string CompactRange(string markup)
    {
        var m = ForRangeStart().Match(markup);
        if (!m.Success) return markup;
        var close = markup.IndexOf(')', m.Index + m.Length);
        if (close < 0) return markup;
        var inner = string.Concat(markup[(m.Index + m.Length)..close].Where(c => !char.IsWhiteSpace(c)));
        return markup[..(m.Index + m.Length)] + inner + markup[close..];
    }

    [GeneratedRegex(@"\A\s*[\w\-]+\s+in\s+\(")]
    private static partial Regex ForRangeStart();

    [GeneratedRegex(@"\A(" + QuotedFragment + @")\s*:\s*(.*)", RegexOptions.Singleline)]
    private static partial Regex CycleNamed();

    [GeneratedRegex(@"\A" + QuotedFragment + "+")]
    private static partial Regex CycleSimple();

    [GeneratedRegex(@"\s*(" + QuotedFragment + @")\s*")]
    private static partial Regex CycleValue();

    private Statement ParseCycle(string markup, TextPosition position)
    {
        List<Expression> Values(string list) => list.Split(',')
            .Select(v => CycleValue().Match(v)).Where(m => m.Success).Select(m => ParseFragment(m.Groups[1].Value, position)).ToList();
        var named = CycleNamed().Match(markup);
        if (named.Success) return new LiquidCycleStatement(ParseFragment(named.Groups[1].Value, position), null, Values(named.Groups[2].Value));
        if (!CycleSimple().IsMatch(markup)) throw new ParseException("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]", position);
        var values = Values(markup);
        // Unnamed cycles share their position when written with the same literals (Ruby keys them by the values' inspect);
        // any variable makes the tag's own key.
        var key = values.All(v => v is LiteralExpression)
            ? "l:" + string.Join("\u0001", values.Select(v => RubyFormat.Inspect(Homepage.Liquid.Values.LiquidValues.ToClr(((LiteralExpression)v).Value))))
            : "t:" + System.Threading.Interlocked.Increment(ref _cycleCounter);
        return new LiquidCycleStatement(null, key, values);
    }

    private static long _cycleCounter;

    [GeneratedRegex(@"\n\s*[^#\s]")]
    private static partial Regex InlineCommentInvalid();

    private static Statement ParseInlineComment(string markup, TextPosition position)
    {
        if (InlineCommentInvalid().IsMatch(markup))
            throw new ParseException("Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character", position);
        return new LiquidCommentStatement();
    }

    private Statement ParseEcho(string markup, TextPosition position)
    {
        if (markup.Trim().Length == 0) return new LiquidCommentStatement();
        var context = new FluidParseContext(markup.Trim());
        if (FilterExpression.Eof().TryParse(context, out var expression, out _) && expression is not null) return new OutputStatement(expression);
        throw new ParseException($"Liquid syntax error: invalid echo '{markup.Trim()}'", position);
    }

    [GeneratedRegex(@"\A((?:\(?[\w\-\.\[\]]\)?)+)\s*=\s*(.*)\s*\z", RegexOptions.Singleline)]
    private static partial Regex AssignSyntax();

    [GeneratedRegex(@"\A((?:\(?[\w\-\.\[\]]\)?)+)")]
    private static partial Regex CaptureSyntax();

    /// <summary>Liquid's <c>assign</c>: any variable signature (<c>x</c>, <c>123</c>, <c>a.b</c>) names the variable as written.</summary>
    private Statement ParseAssign(string markup, TextPosition position)
    {
        var m = AssignSyntax().Match(markup);
        if (!m.Success) throw new ParseException("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", position);
        var context = new FluidParseContext(m.Groups[2].Value.Trim());
        if (!FilterExpression.Eof().TryParse(context, out var value, out _) || value is null)
            throw new ParseException($"Liquid syntax error: invalid assign value '{m.Groups[2].Value.Trim()}'", position);
        return new AssignStatement(m.Groups[1].Value, value);
    }

    private sealed class CaptureTag(JekyllParser parser) : Parser<Statement>
    {
        public override bool Parse(ParseContext context, ref ParseResult<Statement> result)
        {
            var start = context.Scanner.Cursor.Position;
            var m = CaptureSyntax().Match(parser.ReadMarkup(context));
            if (!m.Success) throw new ParseException("Syntax Error in 'capture' - Valid syntax: capture [var]", start);
            var body = parser.ParseBody(context);
            if (!parser.ReadTag(context, out var name, out _, out var position)) throw NeverClosed("capture", context);
            if (name != "endcapture") throw UnknownTag(name, "capture", position);
            result.Set(start.Offset, context.Scanner.Cursor.Offset, new CaptureStatement(m.Groups[1].Value, body));
            return true;
        }
    }

    [GeneratedRegex(@"\A\s*(#|\w+)\s*(.*?)\z", RegexOptions.Singleline)]
    private static partial Regex LiquidLine();

    /// <summary><c>{% liquid %}</c>: each non-blank line is a tag; parsed as the same tags written out.</summary>
    private Statement ParseLiquidTag(string markup, TextPosition position)
    {
        var source = new System.Text.StringBuilder();
        foreach (var raw in markup.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var m = LiquidLine().Match(line);
            if (!m.Success) throw new ParseException($"Unknown tag '{line.Trim()}'", position);
            source.Append("{% ").Append(m.Groups[1].Value).Append(' ').Append(m.Groups[2].Value).Append(" %}");
        }
        if (!this.TryParse(source.ToString(), out var template, out var error))
            throw new ParseException(error ?? "invalid liquid tag", position);
        return new LiquidBlockStatement(((FluidTemplate)template).Statements);
    }
}
