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
        if (template is FluidTemplate fluid) Visit(fluid.Statements);
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
