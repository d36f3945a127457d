using Fluid;
using Fluid.Values;
using Homepage.Liquid.Values;

namespace Homepage.Liquid;

/// <summary>What a plugin's tag sees of the template it renders in: its variables, read as the data model, and its filters.</summary>
public sealed class LiquidTagContext
{
    private readonly TemplateContext _context;

    internal LiquidTagContext(TemplateContext context) => _context = context;

    /// <summary>A variable by dotted path (<c>site.title</c>, <c>page.url</c>), or null.</summary>
    public object? Get(string path) => LiquidValues.ToClr(JekyllParser.LookupAsync(path, _context).AsTask().GetAwaiter().GetResult());

    /// <summary>Site-relative path of the page or document being rendered (Jekyll's <c>registers[:page]["path"]</c>), if known.</summary>
    public string? PagePath => _context.AmbientValues.TryGetValue(LiquidEnvironment.PagePathKey, out var p) ? (string)p : null;

    /// <summary>Apply one of the environment's filters as a template here would (<c>{{ input | name: arguments }}</c>),
    /// as plugins call Jekyll's filter modules from Ruby.</summary>
    public object? Filter(string name, object? input, params object?[] arguments)
    {
        if (!_context.Options.Filters.TryGetValue(name, out var filter))
            throw new ArgumentException($"No filter named '{name}'", nameof(name));
        var args = new FilterArguments();
        foreach (var a in arguments) args.Add(LiquidValues.From(a));
        var task = filter(LiquidValues.From(input), args, _context);
        var value = task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
        return LiquidValues.ToClr(value);
    }
}
