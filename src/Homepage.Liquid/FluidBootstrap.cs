using Fluid;
using Fluid.Values;

namespace Homepage.Liquid;

// A first, plain-Fluid implementation so the engine can run end to end; the dialect issue replaces it.
public sealed partial class LiquidEnvironment
{
    private FluidParser _parser = null!;
    private TemplateOptions _templateOptions = null!;

    internal FluidParser Parser => _parser;
    internal TemplateOptions TemplateOptions => _templateOptions;

    partial void Initialize()
    {
        _parser = new FluidParser(new FluidParserOptions { AllowFunctions = false });
        _templateOptions = new TemplateOptions { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
    }

    private LiquidTemplate ParseCore(string source, string path)
    {
        if (!_parser.TryParse(source, out var template, out var error))
            throw new LiquidException("Liquid syntax error: " + error, path) { IsSyntaxError = true };
        return new LiquidTemplate(this, template, path);
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
        var context = new TemplateContext(_environment.TemplateOptions);
        foreach (var (key, value) in globals) context.SetValue(key, FluidValue.Create(value, _environment.TemplateOptions));
        try
        {
            return _template.Render(context);
        }
        catch (Exception e) when (e is not LiquidException)
        {
            throw new LiquidException("Liquid error: " + e.Message, _path, null, e);
        }
    }
}
