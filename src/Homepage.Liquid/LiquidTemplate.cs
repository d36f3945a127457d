namespace Homepage.Liquid;

/// <summary>Per-render settings: what Jekyll keeps in Liquid's registers.</summary>
public sealed class LiquidRenderOptions
{
    /// <summary>Site-relative path of the page or document being rendered (for <c>include_relative</c> and messages).</summary>
    public string? PagePath { get; init; }
}

/// <summary>A parsed template; render it any number of times, from any thread.</summary>
public sealed partial class LiquidTemplate
{
    /// <summary>
    /// Render with these global variables (<c>site</c>, <c>page</c>, <c>layout</c>, <c>content</c>, <c>paginator</c>, <c>jekyll</c>...).
    /// The data model is plain CLR values, as YAML and JSON give them:
    /// <c>null</c> (Ruby nil), <c>bool</c>, <c>long</c>/<c>int</c> (Integer), <c>double</c> (Float), <c>string</c>,
    /// <c>DateTimeOffset</c> (Time), <c>DateOnly</c> (Date), <c>IList&lt;object?&gt;</c> or any <c>IEnumerable</c> (Array),
    /// <c>IDictionary&lt;string, object?&gt;</c> in insertion order (Hash), and <see cref="ILiquidDrop"/> (Jekyll's drops).
    /// Throws <see cref="LiquidException"/> for render errors Jekyll would raise.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, object?> globals, LiquidRenderOptions? options = null)
        => RenderCore(globals, options ?? new LiquidRenderOptions());
}
