using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Homepage.Liquid;

/// <summary>
/// Rewrites Fluid's tree where Liquid 5.4 behaves differently:
/// <list type="bullet">
/// <item>the blank-block rule: a block tag (if, unless, case, for) whose bodies hold nothing but whitespace and blank
/// tags (assign, capture, comment, other blank blocks) renders none of that whitespace (Liquid's <c>remove_blank_strings</c>);</item>
/// <item>for loops slice their collection by <c>offset</c>/<c>limit</c> first, so <c>forloop.index</c>, <c>first</c> and
/// <c>length</c> count the slice (Fluid counts from the offset); templates using <c>offset: continue</c> are left alone.</item>
/// </list>
/// Fluid's statement lists are read-only, so changed nodes are rebuilt (Fluid's own <see cref="AstRewriter"/>).
/// </summary>
internal sealed class LiquidCompatibility : AstRewriter
{
    public const string SliceFilter = "homepage_slice";
    public const string RangeFilter = "homepage_range";

    /// <summary>The most elements a for loop's range may have (Ruby materialises ranges too; this keeps memory bounded).</summary>
    public const int MaxRangeLength = 1_000_000;

    private readonly bool _sliceLoops;

    private LiquidCompatibility(bool sliceLoops) => _sliceLoops = sliceLoops;

    public static IFluidTemplate Rewrite(IFluidTemplate template)
    {
        var statements = (template as Fluid.Parser.FluidTemplate)?.Statements ?? [];
        return new LiquidCompatibility(!HasContinue(statements)).VisitTemplate(template);
    }

    protected override Statement VisitIfStatement(IfStatement ifStatement)
    {
        var s = (IfStatement)base.VisitIfStatement(ifStatement);
        var bodies = new List<IReadOnlyList<Statement>> { s.Statements };
        bodies.AddRange(s.ElseIfs.Select(e => e.Statements));
        if (s.Else is not null) bodies.Add(s.Else.Statements);
        if (!IsBlank(bodies)) return s;
        return new IfStatement(s.Condition, NoText(s.Statements), s.Else is null ? null! : new ElseStatement(NoText(s.Else.Statements)),
            s.ElseIfs.Select(e => new ElseIfStatement(e.Condition, NoText(e.Statements))).ToList());
    }

    protected override Statement VisitUnlessStatement(UnlessStatement unlessStatement)
    {
        var s = (UnlessStatement)base.VisitUnlessStatement(unlessStatement);
        var bodies = new List<IReadOnlyList<Statement>> { s.Statements };
        if (s.Else is not null) bodies.Add(s.Else.Statements);
        if (!IsBlank(bodies)) return s;
        return new UnlessStatement(s.Condition, NoText(s.Statements), s.Else is null ? null! : new ElseStatement(NoText(s.Else.Statements)));
    }

    protected override Statement VisitCaseStatement(CaseStatement caseStatement)
    {
        var s = (CaseStatement)base.VisitCaseStatement(caseStatement);
        var bodies = s.Whens.Select(w => w.Statements).ToList();
        if (s.Else is not null) bodies.Add(s.Else.Statements);
        if (!IsBlank(bodies)) return s;
        return new CaseStatement(s.Expression, s.Else is null ? null! : new ElseStatement(NoText(s.Else.Statements)),
            s.Whens.Select(w => new WhenStatement(w.Options, NoText(w.Statements))).ToArray());
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        var s = (ForStatement)base.VisitForStatement(forStatement);
        var bodies = new List<IReadOnlyList<Statement>> { s.Statements };
        if (s.Else is not null) bodies.Add(s.Else.Statements);
        var blank = IsBlank(bodies);
        var statements = blank ? NoText(s.Statements) : s.Statements;
        var elseStatement = blank && s.Else is not null ? new ElseStatement(NoText(s.Else.Statements)) : s.Else;
        var source = (Expression?)s.Source ?? s.Range;
        var changed = blank;
        if (source is RangeExpression range)
        {
            // Materialise the range through a bounded filter instead of letting a huge range exhaust memory.
            source = new FilterExpression(range.From, RangeFilter, [new FilterArgument(null!, range.To)]);
            changed = true;
        }
        Expression? limit = s.Limit, offset = s.Offset;
        if (_sliceLoops && (s.Offset is not null || s.Limit is not null) && !s.OffsetIsContinue)
        {
            source = new FilterExpression(source!, SliceFilter,
            [
                new FilterArgument(null!, s.Offset ?? new LiteralExpression(NilValue.Instance)),
                new FilterArgument(null!, s.Limit ?? new LiteralExpression(NilValue.Instance)),
            ]);
            limit = offset = null;
        }
        else if (!changed)
        {
            return s;
        }
        return new ForStatement(statements, s.Identifier, source!, limit!, offset!, s.Reversed, elseStatement!);
    }

    private static List<Statement> NoText(IReadOnlyList<Statement> statements) => statements.Where(s => s is not TextSpanStatement).ToList();

    private static bool IsBlank(List<IReadOnlyList<Statement>> bodies) => bodies.All(b => b.All(IsBlank));

    /// <summary>Liquid's <c>blank?</c>: whitespace text, assign, capture, comment, and block tags with blank bodies.</summary>
    private static bool IsBlank(Statement statement) => statement switch
    {
        TextSpanStatement text => string.IsNullOrWhiteSpace(text.Text.ToString()),
        AssignStatement or CommentStatement or CaptureStatement => true,
        IfStatement s => s.Statements.All(IsBlank) && s.ElseIfs.All(e => e.Statements.All(IsBlank)) && (s.Else is null || s.Else.Statements.All(IsBlank)),
        UnlessStatement s => s.Statements.All(IsBlank) && (s.Else is null || s.Else.Statements.All(IsBlank)),
        CaseStatement s => s.Whens.All(w => w.Statements.All(IsBlank)) && (s.Else is null || s.Else.Statements.All(IsBlank)),
        ForStatement s => s.Statements.All(IsBlank) && (s.Else is null || s.Else.Statements.All(IsBlank)),
        _ => false,
    };

    private static bool HasContinue(IReadOnlyList<Statement> statements) =>
        statements.Any(s => s switch
        {
            ForStatement f => f.OffsetIsContinue || HasContinue(f.Statements) || (f.Else is not null && HasContinue(f.Else.Statements)),
            IfStatement i => HasContinue(i.Statements) || i.ElseIfs.Any(e => HasContinue(e.Statements)) || (i.Else is not null && HasContinue(i.Else.Statements)),
            CaseStatement c => c.Whens.Any(w => HasContinue(w.Statements)) || (c.Else is not null && HasContinue(c.Else.Statements)),
            UnlessStatement u => HasContinue(u.Statements) || (u.Else is not null && HasContinue(u.Else.Statements)),
            TagStatement t => HasContinue(t.Statements),
            _ => false,
        });
}
