using Homepage.Engine.Utilities;
using Homepage.Engine.Yaml;

namespace Homepage.Engine.Configuration;

/// <summary>Jekyll's configuration: its defaults, the config files merged in order, then command-line overrides.</summary>
public static class SiteConfiguration
{
    public static readonly string[] DefaultExcludes =
    [
        ".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
        "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/",
    ];

    private static readonly Dictionary<string, string> StyleToPermalink = new()
    {
        ["none"] = "/:categories/:title:output_ext",
        ["date"] = "/:categories/:year/:month/:day/:title:output_ext",
        ["ordinal"] = "/:categories/:year/:y_day/:title:output_ext",
        ["pretty"] = "/:categories/:year/:month/:day/:title/",
        ["weekdate"] = "/:categories/:year/W:week/:short_day/:title:output_ext",
    };

    /// <summary>Jekyll's <c>Configuration::DEFAULTS</c> with <paramref name="workingDirectory"/> as <c>Dir.pwd</c>.</summary>
    public static OrderedDictionary<string, object?> Defaults(string workingDirectory)
    {
        var d = RubyHash.New();
        d["source"] = workingDirectory;
        d["destination"] = Path.Combine(workingDirectory, "_site");
        d["collections_dir"] = "";
        d["cache_dir"] = ".jekyll-cache";
        d["plugins_dir"] = "_plugins";
        d["layouts_dir"] = "_layouts";
        d["data_dir"] = "_data";
        d["includes_dir"] = "_includes";
        d["collections"] = RubyHash.New();
        d["safe"] = false;
        d["include"] = new List<object?> { ".htaccess" };
        d["exclude"] = new List<object?>();
        d["keep_files"] = new List<object?> { ".git", ".svn" };
        d["encoding"] = "utf-8";
        d["markdown_ext"] = "markdown,mkdown,mkdn,mkd,md";
        d["strict_front_matter"] = false;
        d["show_drafts"] = null;
        d["limit_posts"] = 0L;
        d["future"] = false;
        d["unpublished"] = false;
        d["whitelist"] = new List<object?>();
        d["plugins"] = new List<object?>();
        d["markdown"] = "kramdown";
        d["highlighter"] = "rouge";
        d["lsi"] = false;
        d["excerpt_separator"] = "\n\n";
        d["incremental"] = false;
        d["detach"] = false;
        d["port"] = "4000";
        d["host"] = "127.0.0.1";
        d["baseurl"] = null;
        d["show_dir_listing"] = false;
        d["permalink"] = "date";
        d["paginate_path"] = "/page:num";
        d["timezone"] = null;
        d["quiet"] = false;
        d["verbose"] = false;
        d["defaults"] = new List<object?>();
        var liquid = RubyHash.New();
        liquid["error_mode"] = "warn";
        liquid["strict_filters"] = false;
        liquid["strict_variables"] = false;
        d["liquid"] = liquid;
        var kramdown = RubyHash.New();
        kramdown["auto_ids"] = true;
        kramdown["toc_levels"] = new List<object?> { 1L, 2L, 3L, 4L, 5L, 6L };
        kramdown["entity_output"] = "as_char";
        kramdown["smart_quotes"] = "lsquo,rsquo,ldquo,rdquo";
        kramdown["input"] = "GFM";
        kramdown["hard_wrap"] = false;
        kramdown["guess_lang"] = true;
        kramdown["footnote_nr"] = 1L;
        kramdown["show_warnings"] = false;
        d["kramdown"] = kramdown;
        return d;
    }

    /// <summary>
    /// <c>Jekyll.configuration(override)</c>: the config files (from <c>override["config"]</c>, else <c>_config.yml</c>
    /// in the source), merged over each other, then the overrides, then over the defaults.
    /// </summary>
    public static OrderedDictionary<string, object?> Load(IDictionary<string, object?> overrides, string workingDirectory, Logger log)
    {
        var defaults = Defaults(workingDirectory);
        var source = overrides.GetString("source") ?? workingDirectory;
        var config = RubyHash.New();
        foreach (var file in ConfigFiles(overrides, source))
        {
            var loaded = ReadConfigFile(file.Path, file.IsDefault, log);
            config = RubyHash.DeepMerge(config, loaded);
        }
        Validate(config);
        config = RubyHash.DeepMerge(config, overrides);
        var result = RubyHash.DeepMerge(defaults, config);
        AddDefaultCollections(result);
        AddDefaultExcludes(result);
        result["source"] = Path.GetFullPath(result.GetString("source") ?? workingDirectory, workingDirectory);
        result["destination"] = Path.GetFullPath(result.GetString("destination") ?? Path.Combine(workingDirectory, "_site"), workingDirectory);
        return result;
    }

    private static IEnumerable<(string Path, bool IsDefault)> ConfigFiles(IDictionary<string, object?> overrides, string source)
    {
        var configured = overrides.Get("config");
        var list = configured switch
        {
            string s when s.Length > 0 => s.Split(',').Select(p => p.Trim()).ToList(),
            IEnumerable<object?> e => e.Select(RubyValue.ToS).ToList(),
            _ => null,
        };
        if (list is { Count: > 0 })
        {
            foreach (var f in list) if (f.Length > 0) yield return (f, false);
            yield break;
        }
        var ext = new[] { "yml", "yaml", "toml" }.FirstOrDefault(e => File.Exists(Path.Combine(source, "_config." + e))) ?? "yml";
        yield return (Path.Combine(source, "_config." + ext), true);
    }

    private static IDictionary<string, object?> ReadConfigFile(string file, bool isDefault, Logger log)
    {
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            if (isDefault)
            {
                log.Warn("Configuration file:", "none");
                return RubyHash.New();
            }
            log.Error("Fatal:", $"The configuration file '{full}' could not be found.");
            throw new BuildException($"The Configuration file '{full}' could not be found.");
        }
        if (!full.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) && !full.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            throw new BuildException($"No parser for '{full}' is available. Use a .y(a)ml or .toml file instead.");
        object? loaded;
        try
        {
            loaded = RubyYaml.Load(TextFiles.Read(full));
        }
        catch (YamlLoadException e)
        {
            throw new BuildException($"{full}: {e.Message} at line {e.Line} column {e.Column}", full, e.Line);
        }
        if (loaded is null) loaded = RubyHash.New();
        if (loaded is not IDictionary<string, object?> hash)
        {
            log.Warn("WARNING:", "Error reading configuration. Using defaults (and options).");
            log.Raw($"Configuration file: (INVALID) {full}");
            return RubyHash.New();
        }
        log.Info("Configuration file:", full);
        return hash;
    }

    private static void Validate(IDictionary<string, object?> config)
    {
        foreach (var option in new[] { "include", "exclude" })
            if (config.TryGetValue(option, out var v) && v is not IList<object?>)
                throw new BuildException($"'{option}' should be set as an array, but was: {Inspect(v)}.");
        if (config.TryGetValue("plugins", out var plugins) && plugins is not IList<object?>)
            throw new BuildException($"'plugins' should be set as an array, but was: {Inspect(plugins)}.");
    }

    private static string Inspect(object? v) => v switch { null => "nil", string s => "\"" + s + "\"", _ => RubyValue.ToS(v) };

    private static void AddDefaultCollections(OrderedDictionary<string, object?> config)
    {
        var collections = config.Get("collections");
        if (collections is null) return;
        if (collections is IList<object?> names)
        {
            var hash = RubyHash.New();
            foreach (var n in names) hash[RubyValue.ToS(n)] = RubyHash.New();
            collections = hash;
        }
        var posts = RubyHash.New();
        posts["posts"] = RubyHash.New();
        var merged = RubyHash.DeepMerge(posts, (IDictionary<string, object?>)collections);
        var postsMeta = merged["posts"] as IDictionary<string, object?> ?? RubyHash.New();
        postsMeta = RubyHash.Copy(postsMeta);
        postsMeta["output"] = true;
        if (config.Get("permalink") is { } permalink && postsMeta.Get("permalink") is null)
            postsMeta["permalink"] = StylePermalink(RubyValue.ToS(permalink));
        merged["posts"] = postsMeta;
        config["collections"] = merged;
    }

    public static string StylePermalink(string style) => StyleToPermalink.TryGetValue(style, out var t) ? t : style;

    private static void AddDefaultExcludes(OrderedDictionary<string, object?> config)
    {
        if (config.Get("exclude") is not IList<object?> exclude) return;
        var list = new List<object?>(exclude);
        foreach (var e in DefaultExcludes) if (!list.Contains(e)) list.Add(e);
        var unique = new List<object?>();
        foreach (var e in list) if (!unique.Contains(e)) unique.Add(e);
        config["exclude"] = unique;
    }
}
