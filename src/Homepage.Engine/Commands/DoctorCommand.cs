using System.Text.RegularExpressions;
using Homepage.Engine.Configuration;
using Homepage.Engine.Model;
using Homepage.Engine.Plugins;
using Homepage.Engine.Utilities;
using Homepage.Engine.Writing;

namespace Homepage.Engine.Commands;

/// <summary>
/// <c>jekyll doctor</c>: reads and generates the site (no rendering, nothing written) and prints Jekyll's checks:
/// relative permalinks, destinations shared by several files, URLs that differ only by case, the site's <c>url</c>, and
/// <c>_posts</c> outside a custom <c>collections_dir</c>. Ours on top: plugins the site asks for that Homepage lacks.
/// Returns whether the site is healthy (the command exits 1 otherwise, as Jekyll's <c>abort</c> does).
/// </summary>
public static class DoctorCommand
{
    public static bool Run(BuildOptions options, Logger log)
    {
        log.Level = options.Quiet ? LogLevel.Error : options.Verbose ? LogLevel.Debug : LogLevel.Info;
        var config = SiteConfiguration.Load(options.ToOverrides(), options.WorkingDirectory, log);
        var site = new Site(config, log, new SiteOptions { Now = options.Now ?? BuildCommand.PinnedClock(), TimeZone = options.TimeZone });
        site.Reset();
        site.Read();
        site.Generate();
        var healthy = new[]
        {
            !DeprecatedRelativePermalinks(site),
            !ConflictingUrls(site),
            !UrlsOnlyDifferByCase(site),
            ProperSiteUrl(site),
            ProperlyGatheredPosts(site),
            site.Plugins.Unsupported.Count == 0,
        }.All(ok => ok);
        if (healthy) log.Info("Your test results", "are in. Everything looks fine.");
        return healthy;
    }

    private static bool DeprecatedRelativePermalinks(Site site)
    {
        if (!RubyValue.Truthy(site.Config.Get("relative_permalinks"))) return false;
        site.Log.Warn("Deprecation:", "Your site still uses relative permalinks, which was removed in Jekyll v3.0.0.");
        return true;
    }

    /// <summary>Jekyll's <c>Doctor.conflicting_urls</c>, which its build runs too: every destination two files write.</summary>
    public static bool ConflictingUrls(Site site)
    {
        var map = new OrderedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var item in Writer.SiteFiles(site))
        {
            if (item is RedirectPage) continue;
            var (destination, path) = item switch
            {
                Page p => (p.DestinationPath(site.Destination), p.PathForLiquid),
                Document d => (d.DestinationPath(site.Destination), d.AbsolutePath),
                StaticFile f => (f.DestinationPath(site.Destination), f.AbsolutePath),
                _ => throw new InvalidOperationException(),
            };
            if (!map.TryGetValue(destination, out var paths)) map[destination] = paths = new List<string>();
            paths.Add(path);
        }
        var conflicting = false;
        foreach (var (destination, paths) in map)
        {
            if (paths.Count < 2) continue;
            conflicting = true;
            site.Log.Warn("Conflict:", "The following destination is shared by multiple files.");
            site.Log.Warn("", "The written file may end up with unexpected contents.");
            site.Log.Warn("", destination);
            foreach (var path in paths) site.Log.Warn("", " - " + path);
            site.Log.Warn("");
        }
        return conflicting;
    }

    private static bool UrlsOnlyDifferByCase(Site site)
    {
        var byLowerCase = new OrderedDictionary<string, List<string>>(StringComparer.Ordinal);
        IEnumerable<Convertible> things = site.Pages.Concat<Convertible>(site.DocsToWrite);
        foreach (var thing in things)
        {
            var destination = thing.DestinationPath(site.Destination);
            var key = destination.ToLowerInvariant();
            if (!byLowerCase.TryGetValue(key, out var list)) byLowerCase[key] = list = new List<string>();
            list.Add(destination);
        }
        var differ = false;
        foreach (var urls in byLowerCase.Values)
        {
            if (urls.Distinct(StringComparer.Ordinal).Count() < 2) continue;
            differ = true;
            site.Log.Warn("Warning:", "The following URLs only differ by case. On a case-insensitive file system one of the URLs will be overwritten by the other: " + string.Join(", ", urls));
        }
        return differ;
    }

    private static bool ProperSiteUrl(Site site)
    {
        var url = site.Config.Get("url");
        var exists = url is string { Length: > 0 } || (url is not null and not string);
        if (!exists)
            site.Log.Warn("Warning:", "You didn't set an URL in the config file, you may encounter problems with some plugins.");
        // Addressable::URI.parse raises TypeError only for what is neither nil nor a string.
        var valid = url is null or string;
        if (!valid)
            site.Log.Warn("Warning:", "The site URL does not seem to be valid, check the value of `url` in your config file.");
        var absolute = url is string s && Scheme.IsMatch(s);
        if (!absolute)
            site.Log.Warn("Warning:", "Your site URL does not seem to be absolute, check the value of `url` in your config file.");
        return exists && valid && absolute;
    }

    /// <summary>Addressable's URI is absolute when it has a scheme: letters, then letters, digits, <c>+ - .</c>, then a colon.</summary>
    private static readonly Regex Scheme = new(@"^[A-Za-z][A-Za-z0-9+\-.]*:", RegexOptions.CultureInvariant);

    private static bool ProperlyGatheredPosts(Site site)
    {
        var collectionsDir = site.Config.GetString("collections_dir") ?? "";
        if (collectionsDir.Length == 0) return true;
        var postsAtRoot = site.InSourceDir("_posts");
        if (!Directory.Exists(postsAtRoot)) return true;
        site.Log.Warn("Warning:", "Detected '_posts' directory outside custom `collections_dir`!");
        site.Log.Warn("", $"Please move '{postsAtRoot}' into the custom directory at '{site.InSourceDir(collectionsDir)}'");
        return false;
    }
}
