using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Homepage.Liquid.Filters;
using Homepage.Liquid.Values;

namespace Homepage.Liquid.Tags;

/// <summary>A statement that knows Liquid's <c>blank?</c> (blocks whose bodies hold only whitespace and blank tags).</summary>
internal interface IBlankStatement
{
    bool IsBlank { get; }
}

/// <summary>Renders statement lists the way Liquid's <c>BlockBody</c> does: a break or continue stops the body and travels up.</summary>
internal static class Bodies
{
    public static async ValueTask<Completion> RenderAsync(IReadOnlyList<Statement> statements, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        foreach (var statement in statements)
        {
            var completion = await statement.WriteToAsync(writer, encoder, context);
            if (completion != Completion.Normal) return completion;
        }
        return Completion.Normal;
    }

    /// <summary>Liquid's <c>blank?</c> for one node.</summary>
    public static bool IsBlank(Statement statement) => statement switch
    {
        TextSpanStatement text => string.IsNullOrWhiteSpace(text.Text.ToString()),
        AssignStatement or CommentStatement or CaptureStatement => true,
        IBlankStatement b => b.IsBlank,
        _ => false,
    };

    /// <summary>When every body is blank, Liquid drops their text (<c>remove_blank_strings</c>).</summary>
    public static (bool Blank, List<IReadOnlyList<Statement>> Bodies) RemoveBlankStrings(IEnumerable<IReadOnlyList<Statement>> bodies)
    {
        var list = bodies.ToList();
        var blank = list.All(b => b.All(IsBlank));
        if (!blank) return (false, list);
        return (true, list.Select(b => (IReadOnlyList<Statement>)b.Where(s => s is not TextSpanStatement).ToList()).ToList());
    }
}

/// <summary>Liquid's <c>if</c> and <c>unless</c>: the first block whose condition holds renders; <c>else</c> always holds,
/// so a second <c>else</c> or an <c>elsif</c> after it is never reached. <c>unless</c> negates only its first condition.</summary>
internal sealed class LiquidIfStatement : Statement, IBlankStatement
{
    public LiquidIfStatement(List<(Expression? Condition, IReadOnlyList<Statement> Body)> blocks, bool unless)
    {
        var (blank, bodies) = Bodies.RemoveBlankStrings(blocks.Select(b => b.Body));
        Blocks = blocks.Select((b, i) => (b.Condition, bodies[i])).ToList();
        IsBlank = blank;
        Unless = unless;
    }

    public List<(Expression? Condition, IReadOnlyList<Statement> Body)> Blocks { get; }
    public bool Unless { get; }
    public bool IsBlank { get; }

    public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        for (var i = 0; i < Blocks.Count; i++)
        {
            var (condition, body) = Blocks[i];
            var holds = condition is null || RubyValue.Truthy(await condition.EvaluateAsync(context));
            if (Unless && i == 0) holds = !holds;
            if (holds) return await Bodies.RenderAsync(body, writer, encoder, context);
        }
        return Completion.Normal;
    }
}

/// <summary>Liquid 5.4's <c>case</c>: every <c>when</c> value that equals renders its body (so a body can render twice),
/// and an <c>else</c> renders when no <c>when</c> before it matched.</summary>
internal sealed class LiquidCaseStatement : Statement, IBlankStatement
{
    private readonly Expression _subject;
    private readonly List<(Expression? When, int Body)> _blocks;
    private readonly List<IReadOnlyList<Statement>> _bodies;

    public LiquidCaseStatement(Expression subject, List<(List<Expression>? Whens, IReadOnlyList<Statement> Body)> blocks)
    {
        _subject = subject;
        var (blank, bodies) = Bodies.RemoveBlankStrings(blocks.Select(b => b.Body));
        _bodies = bodies;
        IsBlank = blank;
        _blocks = [];
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Whens is null) _blocks.Add((null, i));
            else foreach (var when in blocks[i].Whens!) _blocks.Add((when, i));
        }
    }

    public bool IsBlank { get; }

    public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var executeElse = true;
        foreach (var (when, body) in _blocks)
        {
            if (when is null)
            {
                if (!executeElse) continue;
            }
            else
            {
                if (!RubyValue.Truthy(await when.EvaluateAsync(context))) continue;
                executeElse = false;
            }
            var completion = await Bodies.RenderAsync(_bodies[body], writer, encoder, context);
            if (completion != Completion.Normal) return completion;
        }
        return Completion.Normal;
    }
}

/// <summary>A block that renders nothing (<c>comment</c>): its body was parsed, as Liquid parses it, and dropped.</summary>
internal sealed class LiquidCommentStatement : Statement, IBlankStatement
{
    public bool IsBlank => true;

    public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context) => new(Completion.Normal);
}

/// <summary>Statements parsed from a <c>{% liquid %}</c> tag's lines.</summary>
internal sealed class LiquidBlockStatement(IReadOnlyList<Statement> statements) : Statement, IBlankStatement
{
    public bool IsBlank { get; } = statements.All(Bodies.IsBlank);

    public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context) =>
        Bodies.RenderAsync(statements, writer, encoder, context);
}

/// <summary>Liquid's <c>forloop</c> drop.</summary>
internal sealed class ForLoop(string name, int length, ForLoop? parent) : ILiquidDrop
{
    private static readonly string[] Names = ["name", "length", "parentloop", "index", "index0", "rindex", "rindex0", "first", "last"];
    public int Index;

    public IEnumerable<string> Keys => Names;

    public bool TryGetValue(string key, out object? value)
    {
        value = key switch
        {
            "name" => name,
            "length" => (long)length,
            "parentloop" => parent,
            "index" => (long)Index + 1,
            "index0" => (long)Index,
            "rindex" => (long)(length - Index),
            "rindex0" => (long)(length - Index - 1),
            "first" => Index == 0,
            "last" => Index == length - 1,
            _ => null,
        };
        return Names.Contains(key);
    }
}

/// <summary>Liquid 5.4's <c>for</c>: offset and limit slice the collection first (<c>offset: continue</c> resumes where the
/// last loop of the same name stopped), strings loop once, hashes yield [key, value] pairs, and <c>forloop.parentloop</c>
/// is the enclosing loop.</summary>
internal sealed class LiquidForStatement : Statement, IBlankStatement
{
    /// <summary>The most elements a for loop's range may have (Ruby materialises ranges too; this keeps memory bounded).</summary>
    public const int MaxRangeLength = 1_000_000;

    private const string OffsetsKey = "homepage.for-offsets";
    private const string StackKey = "homepage.for-stack";

    private readonly string _variable;
    private readonly string _name;
    private readonly Expression _collection;
    private readonly Expression? _from;
    private readonly bool _fromContinue;
    private readonly Expression? _limit;
    private readonly bool _reversed;
    private readonly IReadOnlyList<Statement> _body;
    private readonly IReadOnlyList<Statement>? _else;

    public LiquidForStatement(string variable, string name, Expression collection, Expression? from, bool fromContinue, Expression? limit, bool reversed,
        IReadOnlyList<Statement> body, IReadOnlyList<Statement>? elseBody)
    {
        _variable = variable;
        _name = name;
        _collection = collection;
        _from = from;
        _fromContinue = fromContinue;
        _limit = limit;
        _reversed = reversed;
        var bodies = elseBody is null ? new[] { body } : new[] { body, elseBody };
        var (blank, cleaned) = Bodies.RemoveBlankStrings(bodies);
        IsBlank = blank;
        _body = cleaned[0];
        _else = elseBody is null ? null : cleaned[1];
    }

    public bool IsBlank { get; }

    public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var offsets = Ambient(context, OffsetsKey, () => new Dictionary<string, long>(StringComparer.Ordinal));
        long from;
        if (_fromContinue) from = offsets.GetValueOrDefault(_name);
        else
        {
            var value = _from is null ? NilValue.Instance : await _from.EvaluateAsync(context);
            from = RubyValue.IsNil(value) ? 0 : RubyValue.ToInteger(value);
        }
        var collection = await EvaluateCollection(context);
        var limit = _limit is null ? NilValue.Instance : await _limit.EvaluateAsync(context);
        long? to = RubyValue.IsNil(limit) ? null : RubyValue.ToInteger(limit) + from;
        var segment = Slice(collection, from, to, context);
        if (_reversed) segment.Reverse();
        offsets[_name] = from + segment.Count;

        if (segment.Count == 0)
            return _else is null ? Completion.Normal : await Bodies.RenderAsync(_else, writer, encoder, context);

        var stack = Ambient(context, StackKey, () => new List<ForLoop>());
        var forloop = new ForLoop(_name, segment.Count, stack.Count > 0 ? stack[^1] : null);
        stack.Add(forloop);
        context.EnterForLoopScope();
        try
        {
            var scope = ScopeAccess.Local(context);
            scope.SetOwnValue("forloop", new DropValue(forloop));
            foreach (var item in segment)
            {
                // counts towards MaxSteps, so a runaway loop ends with an error
                context.IncrementSteps();
                scope.SetOwnValue(_variable, item);
                var completion = await Bodies.RenderAsync(_body, writer, encoder, context);
                forloop.Index++;
                if (completion == Completion.Break) break;
            }
        }
        finally
        {
            context.ReleaseScope();
            stack.RemoveAt(stack.Count - 1);
        }
        return Completion.Normal;
    }

    private async ValueTask<FluidValue> EvaluateCollection(TemplateContext context)
    {
        if (_collection is RangeExpression range)
        {
            // A range is materialised, as Ruby's to_a does; an absurdly long one is refused instead of exhausting memory.
            var start = RangeBound(await range.From.EvaluateAsync(context));
            var end = RangeBound(await range.To.EvaluateAsync(context));
            var length = end - start + 1;
            if (length > MaxRangeLength)
                throw new LiquidException($"Liquid error: the range ({start}..{end}) has {length} elements, more than the {MaxRangeLength} a loop may take");
            var items = new FluidValue[Math.Max(0, length)];
            for (var i = 0; i < items.Length; i++) items[i] = NumberValue.Create(start + i);
            return new ArrayValue(items);
        }
        return await _collection.EvaluateAsync(context);
    }

    /// <summary>RangeLookup's <c>to_integer</c>: integers as they are, nil and strings through <c>to_i</c>, floats truncated.</summary>
    internal static long RangeBound(FluidValue v) => v switch
    {
        NumberValue n => (long)decimal.Truncate(n.ToNumberValue()),
        NilValue or BaseNilValue => 0,
        StringValue s => (long)RubyValue.ToI(s.ToStringValue()),
        _ => RubyValue.ToInteger(v),
    };

    /// <summary>Liquid's <c>Utils.slice_collection_using_each</c>.</summary>
    private static List<FluidValue> Slice(FluidValue collection, long from, long? to, TemplateContext context)
    {
        IEnumerable<FluidValue> items = collection switch
        {
            StringValue s => s.ToStringValue().Length == 0 ? [] : [s],
            ArrayValue a => a.Values,
            HashValue h => h.Hash.Select(kv => (FluidValue)new ArrayValue([StringValue.Create(kv.Key), LiquidValues.From(kv.Value)])),
            DropValue d => d.Drop.Keys.Select(k => (FluidValue)new ArrayValue([StringValue.Create(k), LiquidValues.From(d.Drop.TryGetValue(k, out var v) ? v : null)])),
            NilValue or BaseNilValue or NumberValue or BooleanValue => [],
            _ => collection.Enumerate(context),
        };
        var segment = new List<FluidValue>();
        long index = 0;
        foreach (var item in items)
        {
            if (to is { } t && t <= index) break;
            if (from <= index) segment.Add(item);
            index++;
        }
        return segment;
    }

    internal static T Ambient<T>(TemplateContext context, string key, Func<T> create) where T : class
    {
        if (context.AmbientValues.TryGetValue(key, out var existing)) return (T)existing;
        var value = create();
        context.AmbientValues[key] = value;
        return value;
    }
}

/// <summary>Fluid keeps a context's innermost scope internal; the for tag needs it to bind the loop variable there.</summary>
internal static class ScopeAccess
{
    private static readonly Func<TemplateContext, Scope> Getter =
        (Func<TemplateContext, Scope>)typeof(TemplateContext).GetProperty("LocalScope", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetGetMethod(nonPublic: true)!.CreateDelegate(typeof(Func<TemplateContext, Scope>));

    public static Scope Local(TemplateContext context) => Getter(context);
}

/// <summary>Liquid's <c>cycle</c>: the position is kept per group name (for unnamed cycles, the values as written),
/// so cycles with the same strings share it.</summary>
internal sealed class LiquidCycleStatement(Expression? group, string? key, IReadOnlyList<Expression> values) : Statement
{
    private const string CyclesKey = "homepage.cycles";

    public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var cycles = LiquidForStatement.Ambient(context, CyclesKey, () => new Dictionary<string, long>(StringComparer.Ordinal));
        var name = group is null ? key! : "v:" + RubyValue.ToS(await group.EvaluateAsync(context));
        var iteration = cycles.GetValueOrDefault(name);
        var value = iteration < values.Count ? await values[(int)iteration].EvaluateAsync(context) : NilValue.Instance;
        await writer.WriteAsync(value is ArrayValue a ? string.Concat(a.Values.Select(RubyValue.ToS)) : RubyValue.ToS(value));
        iteration++;
        if (iteration >= values.Count) iteration = 0;
        cycles[name] = iteration;
        return Completion.Normal;
    }
}

/// <summary>Liquid's <c>increment</c>/<c>decrement</c>: counters live in the outermost environment, below assigned variables,
/// so <c>{{ name }}</c> shows a counter unless a variable of that name was assigned.</summary>
internal sealed class LiquidCounterStatement(string name, int step) : Statement
{
    private const string CountersKey = "homepage.counters";

    public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var counters = LiquidForStatement.Ambient(context, CountersKey, () => new Dictionary<string, long>(StringComparer.Ordinal));
        var existing = context.GetValue(name);
        var value = counters.TryGetValue(name, out var c) ? c : 0;
        long shown;
        if (step > 0) { shown = value; value++; }
        else { value--; shown = value; }
        var visible = !counters.ContainsKey(name) ? RubyValue.IsNil(existing) : existing is NumberValue n && n.ToNumberValue() == c;
        counters[name] = value;
        if (visible) context.SetValue(name, NumberValue.Create(value));
        writer.Write(shown.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ValueTask<Completion>(Completion.Normal);
    }
}
