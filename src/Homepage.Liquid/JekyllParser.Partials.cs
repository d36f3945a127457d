using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using Fluid.Values;
using Homepage.Liquid.Filters;
using Homepage.Liquid.Tags;
using Homepage.Liquid.Values;
using Parlot;
using ParseException = Parlot.ParseException;

namespace Homepage.Liquid;

/// <summary>Liquid 5.4's <c>render</c> (and, in the plain Liquid dialect, its <c>include</c>).</summary>
internal sealed partial class JekyllParser
{
    [GeneratedRegex(@"(" + QuotedString + @"+)(\s+(with|for)\s+(" + QuotedFragment + @"+))?(\s+(?:as)\s+([\w\-]+))?")]
    private static partial Regex RenderSyntax();

    [GeneratedRegex(@"(" + QuotedFragment + @"+)(\s+(?:with|for)\s+(" + QuotedFragment + @"+))?(\s+(?:as)\s+([\w\-]+))?")]
    private static partial Regex IncludeSyntax();

    private void RegisterPartials() => RegisteredTags["render"] = new MarkupTag(this, "render", ParseRender);

    private List<(string Key, Expression Value)> PartialAttributes(string markup, TextPosition position) =>
        TagAttributes().Matches(markup).Select(m => (m.Groups[1].Value, ParseFragment(m.Groups[2].Value, position))).ToList();

    private Statement ParseRender(string markup, TextPosition position)
    {
        var m = RenderSyntax().Match(markup);
        if (!m.Success) throw new ParseException("Syntax error in tag 'render' - Template name must be a quoted string", position);
        var name = m.Groups[1].Value[1..^1];
        return new RenderStatement(this, name, m.Groups[3].Value == "for", m.Groups[4].Success ? ParseFragment(m.Groups[4].Value, position) : null,
            m.Groups[6].Success ? m.Groups[6].Value : null, PartialAttributes(markup, position));
    }

    private Statement ParseShopifyInclude(string markup, TextPosition position)
    {
        var m = IncludeSyntax().Match(markup);
        if (!m.Success) throw new ParseException("Error in tag 'include' - Valid syntax: include '[template]' (with|for) [object|collection]", position);
        return new ShopifyIncludeStatement(this, ParseFragment(m.Groups[1].Value, position), m.Groups[3].Success ? ParseFragment(m.Groups[3].Value, position) : null,
            m.Groups[5].Success ? m.Groups[5].Value : null, PartialAttributes(markup, position));
    }

    /// <summary>A partial from the host's include folders, parsed once; its statements, to render in any context.</summary>
    internal IReadOnlyList<Statement> LoadPartial(string name, TemplateContext context)
    {
        if (!Host(context).TryReadInclude(name, out var path, out var source))
            throw new LiquidException($"Liquid error: No such template '{name}'");
        return ((FluidTemplate)_environment.ParseInclude(path, source)).Statements;
    }

    private sealed class RenderStatement(JekyllParser parser, string name, bool isFor, Expression? variable, string? alias,
        List<(string Key, Expression Value)> attributes) : Statement
    {
        public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            // Jekyll gives Liquid no file system for render.
            if (parser._environment.Options.Dialect == LiquidDialect.Jekyll)
                throw new LiquidException("Liquid error: This liquid context does not allow includes.");
            var partial = parser.LoadPartial(name, context);
            var variableName = alias ?? name.Split('/')[^1];
            var value = variable is null ? NilValue.Instance : await variable.EvaluateAsync(context);
            var values = new List<(string, FluidValue)>();
            foreach (var (key, expression) in attributes) values.Add((key, await expression.EvaluateAsync(context)));

            async Task RenderOnce(FluidValue item, ForLoop? forloop)
            {
                var inner = parser._environment.NewIsolatedContext(context);
                if (forloop is not null) inner.SetValue("forloop", new DropValue(forloop));
                foreach (var (key, v) in values) inner.SetValue(key, v);
                if (!RubyValue.IsNil(item)) inner.SetValue(variableName, item);
                await Bodies.RenderAsync(partial, writer, encoder, inner);
                if (forloop is not null) forloop.Index++;
            }

            if (isFor && value is ArrayValue items)
            {
                var forloop = new ForLoop(name, items.Values.Count, null);
                foreach (var item in items.Values) await RenderOnce(item, forloop);
            }
            else await RenderOnce(value, null);
            return Completion.Normal;
        }
    }

    /// <summary>Liquid's own <c>include</c>: the partial renders in the including template's variables, in a new scope that
    /// holds the <c>with</c>/<c>for</c> value and the attributes (assignments inside still reach the outer scope).</summary>
    private sealed class ShopifyIncludeStatement(JekyllParser parser, Expression name, Expression? variable, string? alias,
        List<(string Key, Expression Value)> attributes) : Statement
    {
        public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            var nameValue = await name.EvaluateAsync(context);
            if (nameValue is not StringValue)
                throw new LiquidException("Liquid error: Argument error in tag 'include' - Illegal template name");
            var templateName = nameValue.ToStringValue();
            var partial = parser.LoadPartial(templateName, context);
            var variableName = alias ?? templateName.Split('/')[^1];
            var value = variable is null ? context.GetValue(templateName) : await variable.EvaluateAsync(context);
            context.EnterForLoopScope();
            try
            {
                var scope = ScopeAccess.Local(context);
                foreach (var (key, expression) in attributes) scope.SetOwnValue(key, await expression.EvaluateAsync(context));
                var items = value is ArrayValue array ? array.Values : [value];
                foreach (var item in items)
                {
                    scope.SetOwnValue(variableName, item);
                    var completion = await Bodies.RenderAsync(partial, writer, encoder, context);
                    if (completion != Completion.Normal) return completion;
                }
            }
            finally
            {
                context.ReleaseScope();
            }
            return Completion.Normal;
        }
    }
}
