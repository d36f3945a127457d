namespace Homepage.Liquid;

/// <summary>Options of a <see cref="LiquidEnvironment"/>: Jekyll's <c>liquid:</c> configuration and the site host.</summary>
public enum LiquidDialect
{
    Jekyll,
    Liquid,
}

public sealed class LiquidEnvironmentOptions
{
    /// <summary>The site the tags and filters call back into.</summary>
    public IJekyllHost Host { get; init; } = new DefaultJekyllHost();

    /// <summary>Jekyll's <c>liquid.error_mode</c>: warn (Jekyll's default: markup the strict grammar refuses is read by
    /// Liquid's lax patterns, with a warning), lax (the same, silently) or strict (an error).</summary>
    public string ErrorMode { get; init; } = "warn";

    /// <summary>Jekyll's <c>liquid.strict_variables</c> and <c>liquid.strict_filters</c>.</summary>
    public bool StrictVariables { get; init; }
    public bool StrictFilters { get; init; }

    /// <summary>The site's time zone (Jekyll's <c>timezone:</c>), used when a date filter parses a string without offset.
    /// Null: the process's local zone, as Ruby does.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Tags a site's plugins add (<c>feed_meta</c>...): the tag's markup and the render context in, the output out.</summary>
    public IReadOnlyDictionary<string, Func<string, LiquidTagContext, string>> Tags { get; init; } = new Dictionary<string, Func<string, LiquidTagContext, string>>();

    /// <summary>jekyll-include-cache's <c>{% include_cached %}</c>: Jekyll's include (which is cached here anyway).</summary>
    public bool IncludeCached { get; init; }

    /// <summary>Jekyll's Liquid (the default: Jekyll's include, filters and tags over Liquid 5.4) or Liquid 5.4 as it comes
    /// (Liquid's own include; <c>render</c> reads the host's includes; no Jekyll filters).</summary>
    public LiquidDialect Dialect { get; init; } = LiquidDialect.Jekyll;

    /// <summary>Jekyll's <c>--profile</c>: where include renders are recorded (null: not profiling).</summary>
    public LiquidRenderStats? RenderStats { get; init; }

    /// <summary>The most characters one render may produce (a guard against runaway output; Jekyll sets no limit, this one
    /// is far above any real page).</summary>
    public int MaxOutputLength { get; init; } = 256 * 1024 * 1024;

    /// <summary>The most statements one render may execute before it fails (a guard against runaway loops).</summary>
    public int MaxSteps { get; init; } = 50_000_000;
}

/// <summary>
/// Jekyll 4.3's Liquid (Liquid 5.4 and Jekyll's own tags and filters) on Fluid. One environment per site build,
/// shared by every thread; <see cref="Parse"/> caches nothing itself, include templates are cached inside.
/// </summary>
public sealed partial class LiquidEnvironment
{
    public LiquidEnvironment(LiquidEnvironmentOptions? options = null)
    {
        Options = options ?? new LiquidEnvironmentOptions();
        Initialize();
    }

    public LiquidEnvironmentOptions Options { get; }

    /// <summary>Parse a template; <paramref name="path"/> names it in errors (site-relative, e.g. <c>_layouts/default.html</c>).
    /// Throws <see cref="LiquidException"/> with <see cref="LiquidException.IsSyntaxError"/> for invalid markup.</summary>
    public LiquidTemplate Parse(string source, string path) => ParseCore(source, path);

    partial void Initialize();
}
