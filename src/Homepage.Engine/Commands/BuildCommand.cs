using System.Diagnostics;
using System.Globalization;
using Homepage.Engine.Configuration;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Commands;

/// <summary>The options of <c>homepage build</c>, as Jekyll's command line names them.</summary>
public sealed class BuildOptions
{
    public string? Source { get; set; }
    public string? Destination { get; set; }
    public List<string> ConfigFiles { get; } = new();
    public string? BaseUrl { get; set; }
    public bool Drafts { get; set; }
    public bool Future { get; set; }
    public bool Unpublished { get; set; }
    public bool Quiet { get; set; }
    public bool Verbose { get; set; }
    public bool Trace { get; set; }

    /// <summary>Set by <c>serve</c>: what the previous build rendered and wrote, so a rebuild redoes only what changed.</summary>
    public Rendering.IncrementalState? Incremental { get; set; }

    /// <summary>Set by <c>serve</c>, which watches the source itself.</summary>
    public bool Watching { get; set; }
    public bool Safe { get; set; }

    /// <summary>Homepage's <c>--theme NAME|PATH</c>: build (or preview) the site with another theme than its
    /// <c>_config.yml</c> names, without editing it.</summary>
    public string? Theme { get; set; }

    /// <summary>Jekyll's <c>--profile</c>: time each phase and each Liquid template.</summary>
    public bool Profile { get; set; }
    public int? LimitPosts { get; set; }
    public string WorkingDirectory { get; set; } = Directory.GetCurrentDirectory();

    /// <summary>The build's clock; null: <c>SOURCE_DATE_EPOCH</c>, else now.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>The zone when the site sets no <c>timezone</c>; null: <c>TZ</c>, else the machine's.</summary>
    public TimeZoneInfo? TimeZone { get; set; }

    /// <summary>The command-line overrides as Jekyll's option hash.</summary>
    public OrderedDictionary<string, object?> ToOverrides()
    {
        var o = RubyHash.New();
        if (Source is not null) o["source"] = Source;
        if (Destination is not null) o["destination"] = Destination;
        if (ConfigFiles.Count > 0) o["config"] = ConfigFiles.Cast<object?>().ToList();
        if (BaseUrl is not null) o["baseurl"] = BaseUrl;
        if (Drafts) o["show_drafts"] = true;
        if (Future) o["future"] = true;
        if (Unpublished) o["unpublished"] = true;
        if (Quiet) o["quiet"] = true;
        if (Verbose) o["verbose"] = true;
        if (Safe) o["safe"] = true;
        if (Profile) o["profile"] = true;
        if (Theme is not null) o["theme"] = Theme;
        if (LimitPosts is { } l) o["limit_posts"] = (long)l;
        return o;
    }
}

/// <summary><c>jekyll build</c>: configuration, then <see cref="Site.Process"/>, with Jekyll's log lines.</summary>
public static class BuildCommand
{
    public static Site Run(BuildOptions options, Logger log)
    {
        log.Level = options.Quiet ? LogLevel.Error : options.Verbose ? LogLevel.Debug : LogLevel.Info;
        log.Debug("Logging at level:", "debug");
        log.Debug("Homepage Version:", $"{typeof(Site).Assembly.GetName().Version?.ToString(3)} (Jekyll {Drops.JekyllDrop.Version})");
        var overrides = options.ToOverrides();
        var config = SiteConfiguration.Load(overrides, options.WorkingDirectory, log);
        var site = new Site(config, log, new SiteOptions { Now = options.Now ?? PinnedClock() ?? options.Incremental?.Time(), TimeZone = options.TimeZone, Incremental = options.Incremental });
        var stopwatch = Stopwatch.StartNew();
        log.Info("Source:", site.Source);
        log.Info("Destination:", site.Destination);
        log.Info("Incremental build:", options.Incremental is null ? "disabled. Enable with --incremental" : "enabled");
        log.Info("Generating...");
        site.Process();
        if (options.Incremental is { Reused: > 0 } incremental)
            log.Debug("Incremental build:", $"rendered {incremental.Rendered}, reused {incremental.Reused}");
        log.Info("", $"done in {Math.Round(stopwatch.Elapsed.TotalSeconds, 3).ToString(CultureInfo.InvariantCulture)} seconds.");
        if (!options.Watching) log.Info("Auto-regeneration:", "disabled. Use --watch to enable.");
        return site;
    }

    /// <summary><c>SOURCE_DATE_EPOCH</c>, the reproducible-builds convention, pins <c>site.time</c>.</summary>
    public static DateTimeOffset? PinnedClock()
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        return long.TryParse(epoch, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }
}

/// <summary><c>jekyll clean</c>: removes the destination, the metadata file and the caches, nothing else.</summary>
public static class CleanCommand
{
    public static void Run(BuildOptions options, Logger log)
    {
        var config = SiteConfiguration.Load(options.ToOverrides(), options.WorkingDirectory, log);
        var source = config.GetString("source")!;
        var destination = config.GetString("destination")!;
        if (Path.GetFullPath(source).StartsWith(Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.GetFullPath(source) == Path.GetFullPath(destination))
            throw new BuildException("Destination directory cannot be or contain the Source directory.");
        Remove(destination, "destination", log);
        Remove(Path.Combine(source, ".jekyll-metadata"), "metadata file", log);
        Remove(Path.Combine(source, config.GetString("cache_dir") ?? ".jekyll-cache"), "cache", log);
        Remove(Path.Combine(source, ".sass-cache"), "sass cache", log);
    }

    private static void Remove(string path, string what, Logger log)
    {
        if (Directory.Exists(path))
        {
            log.Info("Cleaner:", $"Removing {path}...");
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            log.Info("Cleaner:", $"Removing {path}...");
            File.Delete(path);
        }
        else
        {
            log.Info("Cleaner:", $"Nothing to do for {path}.");
        }
    }
}
