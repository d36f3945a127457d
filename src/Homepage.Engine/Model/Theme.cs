using Homepage.Engine.Configuration;
using Homepage.Engine.Utilities;
using Homepage.Engine.Yaml;

namespace Homepage.Engine.Model;

/// <summary>
/// Jekyll's <c>theme:</c>. Without Ruby gems, a theme is a folder: the value is a path (relative to the source),
/// or a name looked up as <c>_themes/NAME</c> in the source. Its <c>_layouts</c>, <c>_includes</c>, <c>_sass</c>,
/// <c>assets</c> and <c>_data</c> underlie the site's own; its <c>_config.yml</c> supplies defaults.
/// </summary>
public sealed class Theme
{
    private Theme(string name, string root)
    {
        Name = name;
        Root = root;
    }

    public string Name { get; }
    public string Root { get; }
    public string Basename => Path.GetFileName(Root);

    public string? IncludesPath => PathFor("_includes");
    public string? LayoutsPath => PathFor("_layouts");
    public string? SassPath => PathFor("_sass");
    public string? AssetsPath => PathFor("assets");
    public string? DataPath => PathFor("_data");

    private string? PathFor(string folder)
    {
        var path = Path.Combine(Root, folder);
        return Directory.Exists(path) ? path : null;
    }

    public static Theme? Resolve(IDictionary<string, object?> config, string source, Logger log)
    {
        var value = config.Get("theme");
        if (value is null) return null;
        if (value is not string name)
        {
            log.Warn("Theme:", $"value of 'theme' in config should be String to use gem-based themes, but got {value.GetType().Name}");
            return null;
        }
        var candidates = new[] { Path.GetFullPath(name, source), Path.Combine(source, "_themes", name.Trim().ToLowerInvariant()) };
        foreach (var candidate in candidates)
            if (Directory.Exists(candidate)) return new Theme(name.Trim().ToLowerInvariant(), Path.TrimEndingDirectorySeparator(candidate));
        throw new BuildException($"The {name} theme could not be found. Homepage looks for a theme folder at '{name}' or '_themes/{name}' in the source.");
    }

    /// <summary>Jekyll's <c>load_theme_configuration</c>: the theme's <c>_config.yml</c> under the site's, Jekyll's default keys left out.</summary>
    public OrderedDictionary<string, object?> ApplyConfiguration(OrderedDictionary<string, object?> config, Logger log)
    {
        if (config.Get("ignore_theme_config") is true) return config;
        var file = Path.Combine(Root, "_config.yml");
        if (!File.Exists(file) || new FileInfo(file).LinkTarget is not null) return config;
        if (RubyYaml.Load(TextFiles.Read(file)) is not IDictionary<string, object?> themeConfig) return config;
        log.Info("Theme Config file:", file);
        var defaults = SiteConfiguration.Defaults("/");
        var filtered = RubyHash.New();
        foreach (var (k, v) in themeConfig) if (!defaults.ContainsKey(k)) filtered[k] = v;
        return RubyHash.DeepMerge(filtered, config);
    }
}
