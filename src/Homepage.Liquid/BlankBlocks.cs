using Fluid;
using Fluid.Ast;
using Fluid.Parser;

namespace Homepage.Liquid;

/// <summary>
/// Liquid's blank-block rule: a block tag (if, unless, case, for...) whose bodies hold nothing but whitespace and
/// blank tags (assign, capture, comment, other blank blocks) renders none of that whitespace.
/// Fluid keeps it, so the parsed tree is pruned the way Liquid's <c>remove_blank_strings</c> does.
/// </summary>
internal static class BlankBlocks
{
    public static void Strip(IFluidTemplate template)
    {
        if (template is not FluidTemplate fluid) return;
        ForLoopSlices.Rewrite(fluid.Statements);
        Visit(fluid.Statements);
    }

    private static void Visit(IReadOnlyList<Statement> statements)
    {
        foreach (var statement in statements) StripBlock(statement);
    }

    /// <summary>Visits children first; returns whether the statement is blank in Liquid's sense.</summary>
    private static bool StripBlock(Statement statement)
    {
        switch (statement)
        {
            case IfStatement s:
            {
                var bodies = new List<IReadOnlyList<Statement>> { s.Statements };
                bodies.AddRange(s.ElseIfs.Select(e => e.Statements));
                if (s.Else is not null) bodies.Add(s.Else.Statements);
                return StripBodies(bodies);
            }
            case UnlessStatement s:
            {
                var bodies = new List<IReadOnlyList<Statement>> { s.Statements };
                if (s.Else is not null) bodies.Add(s.Else.Statements);
                return StripBodies(bodies);
            }
            case CaseStatement s:
            {
                var bodies = s.Whens.Select(w => w.Statements).ToList();
                if (s.Else is not null) bodies.Add(s.Else.Statements);
                return StripBodies(bodies);
            }
            case ForStatement s:
            {
                var bodies = new List<IReadOnlyList<Statement>> { s.Statements };
                if (s.Else is not null) bodies.Add(s.Else.Statements);
                return StripBodies(bodies);
            }
            case UnlessStatement or TableRowStatement or IfChangedStatement:
                Visit(((TagStatement)statement).Statements);
                return false;
            case CaptureStatement c:
                Visit(c.Statements);
                return true;
            case TagStatement t:
                Visit(t.Statements);
                return false;
            case AssignStatement or CommentStatement:
                return true;
            case TextSpanStatement text:
                return string.IsNullOrWhiteSpace(text.Text.ToString());
            default:
                return false;
        }
    }

    private static bool StripBodies(List<IReadOnlyList<Statement>> bodies)
    {
        var blank = true;
        foreach (var body in bodies)
            foreach (var child in body)
                blank &= StripBlock(child);
        if (!blank) return false;
        foreach (var body in bodies)
            if (body is List<Statement> list)
                list.RemoveAll(s => s is TextSpanStatement);
        return true;
    }
}

/// <summary>
/// Liquid slices a for loop's collection by <c>offset</c> and <c>limit</c> before iterating, so <c>forloop.index</c>
/// starts at 1; Fluid counts from the offset. Loops with a literal-free offset/limit (not <c>offset: continue</c>)
/// get their collection pre-sliced by the <c>homepage_slice</c> filter instead.
/// </summary>
internal static class ForLoopSlices
{
    public const string FilterName = "homepage_slice";

    public static void Rewrite(IReadOnlyList<Statement> statements)
    {
        if (statements is not List<Statement> list)
        {
            foreach (var s in statements) RewriteChildren(s);
            return;
        }
        for (var i = 0; i < list.Count; i++)
        {
            RewriteChildren(list[i]);
            if (list[i] is ForStatement f && (f.Offset is not null || f.Limit is not null) && !f.OffsetIsContinue)
            {
                var source = (Expression?)f.Source ?? f.Range;
                var sliced = new FilterExpression(source!, FilterName,
                [
                    new FilterArgument(null!, f.Offset ?? new LiteralExpression(Fluid.Values.NilValue.Instance)),
                    new FilterArgument(null!, f.Limit ?? new LiteralExpression(Fluid.Values.NilValue.Instance)),
                ]);
                list[i] = new ForStatement(f.Statements, f.Identifier, sliced, null!, null!, f.Reversed, f.Else);
            }
        }
    }

    private static void RewriteChildren(Statement statement)
    {
        switch (statement)
        {
            case IfStatement s:
                Rewrite(s.Statements);
                foreach (var e in s.ElseIfs) Rewrite(e.Statements);
                if (s.Else is not null) Rewrite(s.Else.Statements);
                break;
            case CaseStatement c:
                foreach (var w in c.Whens) Rewrite(w.Statements);
                if (c.Else is not null) Rewrite(c.Else.Statements);
                break;
            case ForStatement f:
                Rewrite(f.Statements);
                if (f.Else is not null) Rewrite(f.Else.Statements);
                break;
            case UnlessStatement u:
                Rewrite(u.Statements);
                if (u.Else is not null) Rewrite(u.Else.Statements);
                break;
            case TagStatement t:
                Rewrite(t.Statements);
                break;
        }
    }
}
