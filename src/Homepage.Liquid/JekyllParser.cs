using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Homepage.Liquid.Tags;
using Homepage.Liquid.Values;
using Parlot;
using Parlot.Fluent;
using static Parlot.Fluent.Parsers;

namespace Homepage.Liquid;

/// <summary>Fluid's Liquid grammar with Jekyll's tags: include (Jekyll's syntax), include_relative, link, post_url, highlight.</summary>
internal sealed partial class JekyllParser : FluidParser
{
    private readonly LiquidEnvironment _environment;

    public JekyllParser(LiquidEnvironment environment) : base(new FluidParserOptions { AllowFunctions = false, AllowParentheses = false })
    {
        _environment = environment;
        var markup = AnyCharBefore(TagEnd, canBeEmpty: true);

        RegisteredTags.Remove("include");
        if (environment.Options.Dialect == LiquidDialect.Liquid) RegisteredTags["include"] = new MarkupTag(this, "include", ParseShopifyInclude);
        else RegisterParserTag("include", markup.Then(span => IncludeMarkup.Parse("include", span.ToString())),
            (include, writer, encoder, context) => RenderIncludeAsync("include", include, writer, encoder, context));
        RegisterParserTag("include_relative", markup.Then(span => IncludeMarkup.Parse("include_relative", span.ToString())),
            (include, writer, encoder, context) => RenderIncludeAsync("include_relative", include, writer, encoder, context));

        if (environment.Options.IncludeCached)
            RegisterParserTag("include_cached", markup.Then(span => IncludeMarkup.Parse("include_cached", span.ToString())),
                (include, writer, encoder, context) => RenderIncludeAsync("include", include, writer, encoder, context));
        foreach (var (name, tag) in environment.Options.Tags)
        {
            var render = tag;
            RegisterParserTag(name, markup.Then(span => span.ToString().Trim()), async (text, writer, encoder, context) =>
            {
                await writer.WriteAsync(render(text, new LiquidTagContext(context)));
                return Completion.Normal;
            });
        }

        RegisterLiquidBlocks();
        RegisterPartials();
        RegisterLookups();

        RegisterParserTag("link", markup.Then(span => span.ToString().Trim()), async (path, writer, encoder, context) =>
        {
            var relative = await RenderInlineAsync(path, context);
            var url = Host(context).Link(relative)
                      ?? throw new LiquidException($"Could not find document '{relative}' in tag 'link'.\n\nMake sure the document exists and the path is correct.\n");
            await writer.WriteAsync(url);
            return Completion.Normal;
        });

        RegisterParserTag("post_url", markup.Then(span => span.ToString().Trim()), async (name, writer, encoder, context) =>
        {
            var url = Host(context).PostUrl(name)
                      ?? throw new LiquidException($"Could not find post \"{name}\" in tag 'post_url'.\n\nMake sure the post exists and the name is correct.\n");
            await writer.WriteAsync(url);
            return Completion.Normal;
        });

        RegisterParserBlock("highlight", markup.Then(span => HighlightMarkup.Parse(span.ToString())), async (highlight, statements, writer, encoder, context) =>
        {
            using var body = new StringWriter();
            foreach (var statement in statements) await statement.WriteToAsync(body, encoder, context);
            // The page's converter wraps the markup: Jekyll's Markdown converter sets highlighter_prefix/suffix to "\n".
            await writer.WriteAsync(Filters.RubyValue.ToS(context.GetValue("highlighter_prefix")));
            await writer.WriteAsync(Host(context).Highlight(body.ToString(), highlight.Language, highlight.Options));
            await writer.WriteAsync(Filters.RubyValue.ToS(context.GetValue("highlighter_suffix")));
            return Completion.Normal;
        });
    }

    internal static IJekyllHost Host(TemplateContext context) => (IJekyllHost)context.AmbientValues[LiquidEnvironment.HostKey];

    private async ValueTask<string> RenderInlineAsync(string markup, TemplateContext context)
    {
        if (!markup.Contains("{{") && !markup.Contains("{%")) return markup;
        var template = _environment.ParseInline(markup);
        return await template.RenderAsync(context);
    }

    private async ValueTask<Completion> RenderIncludeAsync(string tagName, IncludeMarkup include, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var file = include.FileIsTemplate ? await RenderInlineAsync(include.File, context) : include.File;
        IncludeMarkup.ValidateFileName(tagName, file);
        var host = Host(context);
        string path, source;
        bool found;
        if (tagName == "include")
            found = host.TryReadInclude(file, out path, out source);
        else
            found = host.TryReadRelativeInclude(context.AmbientValues.TryGetValue(LiquidEnvironment.PagePathKey, out var p) ? (string)p : "", file, out path, out source);
        if (!found)
            throw new LiquidException(tagName == "include"
                ? $"Could not locate the included file '{file}' in any of [\"{IncludeDirectory(path, file)}\"]. Ensure it exists in one of those directories and, if it is a symlink, does not point outside your site source."
                : $"Could not locate the included file '{file}' in any of [\"{IncludeDirectory(path, file)}\"]. Ensure it exists in one of those directories and, if it is a symlink, does not point outside your site source.");
        var partial = _environment.ParseInclude(path, source);

        var depth = context.AmbientValues.TryGetValue(DepthKey, out var d) ? (int)d : 0;
        if (depth >= MaxIncludeDepth)
            throw new LiquidException($"Nesting too deep: '{path}' includes itself (or includes nest more than {MaxIncludeDepth} levels)", path);
        context.AmbientValues[DepthKey] = depth + 1;
        FluidValue? previous = null;
        if (include.Parameters is not null)
        {
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var parameter in include.Parameters)
                parameters[parameter.Name] = parameter.Literal ?? (object?)await LookupAsync(parameter.Variable!, context);
            previous = context.GetValue("include");
            // The values stay Fluid values: LiquidValues.From passes them through when include.x is read.
            context.SetValue("include", new HashValue(parameters));
        }
        try
        {
            if (_environment.Options.RenderStats is { } stats)
            {
                // Profiling: the include's own output is measured, then passed on.
                var started = LiquidRenderStats.Timestamp();
                using var buffer = new StringWriter();
                await partial.RenderToAsync(buffer, encoder, context);
                var output = buffer.ToString();
                stats.Record(path, output, LiquidRenderStats.Since(started));
                await writer.WriteAsync(output);
            }
            else await partial.RenderToAsync(writer, encoder, context);
        }
        catch (LiquidException e) when (e.Path is null)
        {
            throw new LiquidException(e.Message, path, e.Line, e) { IsSyntaxError = e.IsSyntaxError };
        }
        finally
        {
            context.AmbientValues[DepthKey] = depth;
            if (include.Parameters is not null) context.SetValue("include", previous ?? NilValue.Instance);
        }
        return Completion.Normal;
    }

    private const string DepthKey = "homepage.include-depth";
    private const int MaxIncludeDepth = 100;

    private static string IncludeDirectory(string path, string file) =>
        path.EndsWith(file, StringComparison.Ordinal) ? path[..^file.Length].TrimEnd('/') : path;

    /// <summary>Jekyll's <c>context[variable]</c> for include parameters: a dotted path with optional <c>[n]</c>.</summary>
    internal static async ValueTask<FluidValue> LookupAsync(string path, TemplateContext context)
    {
        // Liquid's context[markup] evaluates literals too.
        if (long.TryParse(path, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var integer))
            return NumberValue.Create(integer);
        if (System.Text.RegularExpressions.Regex.IsMatch(path, @"^-?\d+\.\d+$"))
            return NumberValue.Create(decimal.Parse(path, System.Globalization.CultureInfo.InvariantCulture));
        switch (path)
        {
            case "true": return BooleanValue.True;
            case "false": return BooleanValue.False;
            case "nil" or "null": return NilValue.Instance;
        }
        var segments = path.Split('.');
        var value = context.GetValue(segments[0]);
        for (var i = 1; i < segments.Length && !value.IsNil(); i++)
        {
            var segment = segments[i];
            value = segment switch
            {
                "size" when value is ArrayValue a => NumberValue.Create(a.Values.Count),
                "first" when value is ArrayValue a => a.Values.Count > 0 ? a.Values[0] : NilValue.Instance,
                "last" when value is ArrayValue a => a.Values.Count > 0 ? a.Values[^1] : NilValue.Instance,
                _ => await value.GetValueAsync(segment, context),
            };
        }
        return value;
    }
}

/// <summary>The markup of Jekyll's <c>{% highlight LANG [linenos] [mark_lines="1 2"] %}</c>.</summary>
internal sealed partial class HighlightMarkup
{
    [System.Text.RegularExpressions.GeneratedRegex("""^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$""")]
    private static partial System.Text.RegularExpressions.Regex Syntax();

    [System.Text.RegularExpressions.GeneratedRegex("""(?:\w="[^"]*"|\w=\w|\w)+""")]
    private static partial System.Text.RegularExpressions.Regex OptionPattern();

    public required string Language { get; init; }
    public required IReadOnlyDictionary<string, object?> Options { get; init; }

    public static HighlightMarkup Parse(string markup)
    {
        var m = Syntax().Match(markup.Trim());
        if (!m.Success)
            throw new LiquidException("Syntax Error in tag 'highlight' while parsing the following markup:\n\n  " + markup + "\n\nValid syntax: highlight <lang> [linenos]\n") { IsSyntaxError = true };
        var options = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match o in OptionPattern().Matches(m.Groups[2].Value))
        {
            var parts = o.Value.Split('=', 2);
            object? value = parts.Length > 1 ? parts[1] : true;
            if (value is string s && s.Contains('"')) value = s.Replace("\"", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToList();
            options[parts[0]] = value;
        }
        if (options.TryGetValue("linenos", out var l) && l is true) options["linenos"] = "inline";
        return new HighlightMarkup { Language = m.Groups[1].Value.ToLowerInvariant(), Options = options };
    }
}
