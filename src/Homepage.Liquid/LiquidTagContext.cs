using Fluid;
using Homepage.Liquid.Values;

namespace Homepage.Liquid;

/// <summary>What a plugin's tag sees of the template it renders in: its variables, read as the data model.</summary>
public sealed class LiquidTagContext
{
    private readonly TemplateContext _context;

    internal LiquidTagContext(TemplateContext context) => _context = context;

    /// <summary>A variable by dotted path (<c>site.title</c>, <c>page.url</c>), or null.</summary>
    public object? Get(string path) => LiquidValues.ToClr(JekyllParser.LookupAsync(path, _context).AsTask().GetAwaiter().GetResult());
}
