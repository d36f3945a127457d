using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using Homepage.Liquid.Filters;
using Homepage.Liquid.Values;

namespace Homepage.Liquid;

public sealed partial class LiquidEnvironment
{
    internal const string HostKey = "homepage.host";
    internal const string PagePathKey = "homepage.page-path";

    private JekyllParser _parser = null!;
    private TemplateOptions _templateOptions = null!;
    private readonly ConcurrentDictionary<string, Lazy<IFluidTemplate>> _includes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IFluidTemplate> _inline = new(StringComparer.Ordinal);

    internal TemplateOptions TemplateOptions => _templateOptions;

    partial void Initialize()
    {
        _parser = new JekyllParser(this);
        _templateOptions = new TemplateOptions
        {
            ModelNamesComparer = StringComparer.Ordinal,
            MemberAccessStrategy = new UnsafeMemberAccessStrategy(),
            TimeZone = Options.TimeZone ?? TimeZoneInfo.Local,
            MaxRecursion = 100,
            // A runaway loop ends with an error instead of hanging the build (Jekyll has no such limit; real templates stay far below).
            MaxSteps = Options.MaxSteps,
            StrictVariables = Options.StrictVariables,
            StrictFilters = Options.StrictFilters,
        };
        _templateOptions.ValueConverters.Add(value => value switch
        {
            ILiquidDrop or IDictionary<string, object?> or DateTimeOffset or DateOnly or double => LiquidValues.From(value),
            _ => null,
        });
        StandardFilters.Register(_templateOptions.Filters);
        if (Options.Dialect == LiquidDialect.Jekyll) JekyllFilters.Register(_templateOptions.Filters, this);
        FilterArity.Apply(_templateOptions.Filters, Options.Dialect);
    }

    private LiquidTemplate ParseCore(string source, string path) => new(this, ParseFluid(source, path), path);

    internal IFluidTemplate ParseFluid(string source, string? path)
    {
        IFluidTemplate template;
        string? error;
        try
        {
            if (!_parser.TryParse(source, out template, out error))
                throw SyntaxError(error, path);
        }
        catch (LiquidException e) when (e.Path is null)
        {
            throw new LiquidException(Prefix(e.Message, source, null), path, e.Line) { IsSyntaxError = true };
        }
        catch (Parlot.ParseException e)
        {
            throw SyntaxError(e.Message + " at (" + e.Position.Line + ":" + e.Position.Column + ")", path);
        }
        return template;
    }

    private static string Prefix(string message, string source, int? line) =>
        message.StartsWith("Liquid", StringComparison.Ordinal) ? message : "Liquid syntax error: " + message;

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();

    private static LiquidException SyntaxError(string? error, string? path)
    {
        error ??= "invalid template";
        int? line = null;
        var m = Position().Match(error);
        if (m.Success)
        {
            line = int.Parse(m.Groups[1].Value);
            error = error.Remove(m.Index, m.Length).TrimEnd().TrimEnd(',', ' ').Replace(" at ", " ").Trim();
        }
        var message = line is null ? $"Liquid syntax error: {error}" : $"Liquid syntax error (line {line}): {error}";
        return new LiquidException(message, path, line) { IsSyntaxError = true };
    }

    /// <summary>An include's template, parsed once per path for the environment's lifetime.</summary>
    internal IFluidTemplate ParseInclude(string path, string source) =>
        _includes.GetOrAdd(path, _ => new Lazy<IFluidTemplate>(() => ParseFluid(source, path))).Value;

    /// <summary>A small template inside a tag's markup (<c>{% include {{ x }} %}</c>, <c>{% link {{ y }} %}</c>).</summary>
    internal IFluidTemplate ParseInline(string markup) => _inline.GetOrAdd(markup, m => ParseFluid(m, null));

    private readonly ConcurrentDictionary<string, Expression> _conditions = new(StringComparer.Ordinal);

    /// <summary>A where_exp/find_exp condition, parsed once as Liquid reads <c>if</c> markup.</summary>
    internal Expression ParseCondition(string expression) =>
        _conditions.GetOrAdd(expression, e =>
        {
            try
            {
                return _parser.ParseCondition(e, "where_exp", default);
            }
            catch (Parlot.ParseException error)
            {
                throw new LiquidException("Liquid syntax error: " + error.Message) { IsSyntaxError = true };
            }
        });
    /// <summary>Liquid's <c>new_isolated_subcontext</c> for <c>render</c>: no variables, registers or counters of the parent.</summary>
    internal TemplateContext NewIsolatedContext(TemplateContext parent)
    {
        var context = new TemplateContext(_templateOptions, StringComparer.Ordinal);
        foreach (var key in new[] { HostKey, PagePathKey })
            if (parent.AmbientValues.TryGetValue(key, out var value)) context.AmbientValues[key] = value;
        return context;
    }

    internal TemplateContext NewContext(IReadOnlyDictionary<string, object?> globals, LiquidRenderOptions options)
    {
        var context = new TemplateContext(_templateOptions, StringComparer.Ordinal);
        context.AmbientValues[HostKey] = Options.Host;
        if (options.PagePath is not null) context.AmbientValues[PagePathKey] = options.PagePath;
        foreach (var (key, value) in globals) context.SetValue(key, LiquidValues.From(value));
        return context;
    }
}

public sealed partial class LiquidTemplate
{
    private readonly LiquidEnvironment _environment;
    private readonly IFluidTemplate _template;
    private readonly string _path;

    internal LiquidTemplate(LiquidEnvironment environment, IFluidTemplate template, string path)
    {
        _environment = environment;
        _template = template;
        _path = path;
    }

    private string RenderCore(IReadOnlyDictionary<string, object?> globals, LiquidRenderOptions options)
    {
        var context = _environment.NewContext(globals, options);
        try
        {
            using var writer = new BoundedStringWriter(_environment.Options.MaxOutputLength);
            var task = _template.RenderAsync(writer, NullEncoder.Default, context);
            if (!task.IsCompletedSuccessfully) task.AsTask().GetAwaiter().GetResult();
            return writer.ToString();
        }
        catch (LiquidException e)
        {
            var message = e.Message.StartsWith("Liquid", StringComparison.Ordinal) ? e.Message : "Liquid error: " + e.Message;
            throw new LiquidException(message, e.Path ?? _path, e.Line, e) { IsSyntaxError = e.IsSyntaxError };
        }
        catch (Exception e) when (e is FluidException or OverflowException or InvalidOperationException or ArgumentException or FormatException or NullReferenceException or InvalidCastException or IOException)
        {
            throw new LiquidException("Liquid error: " + e.Message, _path, null, e);
        }
    }
}

internal static class FluidTemplateExtensions
{
    public static async ValueTask RenderToAsync(this IFluidTemplate template, TextWriter writer, TextEncoder encoder, TemplateContext context) =>
        await template.RenderAsync(writer, encoder, context);

    public static async ValueTask<string> RenderAsync(this IFluidTemplate template, TemplateContext context)
    {
        using var writer = new StringWriter();
        await template.RenderAsync(writer, NullEncoder.Default, context);
        return writer.ToString();
    }
}

/// <summary>A render's output, which may not grow past a limit (Liquid's <c>render_length_limit</c>): a template that
/// would produce gigabytes fails with an error instead of exhausting the machine's memory.</summary>
internal sealed class BoundedStringWriter(int maxLength) : StringWriter
{
    private void Grow(int count)
    {
        if (GetStringBuilder().Length + (long)count > maxLength)
            throw new LiquidException($"Liquid error: Memory limits exceeded (the output passed {maxLength:N0} characters)");
    }

    public override void Write(char value) { Grow(1); base.Write(value); }
    public override void Write(char[] buffer, int index, int count) { Grow(count); base.Write(buffer, index, count); }
    public override void Write(ReadOnlySpan<char> buffer) { Grow(buffer.Length); base.Write(buffer); }
    public override void Write(string? value) { Grow(value?.Length ?? 0); base.Write(value); }
    public override void Write(System.Text.StringBuilder? value) { Grow(value?.Length ?? 0); base.Write(value); }
    public override Task WriteAsync(char value) { Write(value); return Task.CompletedTask; }
    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }
    public override Task WriteAsync(char[] buffer, int index, int count) { Write(buffer, index, count); return Task.CompletedTask; }
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) { Write(buffer.Span); return Task.CompletedTask; }
    public override Task WriteAsync(System.Text.StringBuilder? value, CancellationToken cancellationToken = default) { Write(value); return Task.CompletedTask; }
}
