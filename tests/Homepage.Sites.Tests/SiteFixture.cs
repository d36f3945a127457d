using Homepage.Engine;
using Homepage.Engine.Commands;

namespace Homepage.Sites.Tests;

/// <summary>
/// One whole-site golden: a source tree under <c>tests/Sites/NAME</c> (or the repository's own site for <c>homepage</c>)
/// and the reference Jekyll's output in <c>tests/Sites/_expected/NAME</c>, made by <c>tests/Sites/regen-goldens.sh</c>.
/// The build here repeats the script's conditions: a copy of the source, every mtime at 2024-01-01 00:00:00 UTC,
/// the clock pinned to that instant, the zone UTC, and the flags of the site's <c>.jekyll-args</c>.
/// </summary>
public sealed class SiteFixture
{
    public static readonly DateTimeOffset PinnedTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Top-level entries of the repository that are not the site (the site's <c>_config.yml</c> excludes them too).</summary>
    private static readonly HashSet<string> NotSite = [".git", "src", "tests", "_site", "bin", "obj", ".jekyll-cache", "artifacts", "TestResults"];

    public SiteFixture(string name)
    {
        Name = name;
        Expected = Path.Combine(Repository.SitesDirectory, "_expected", name);
        Source = name == "homepage" ? Repository.Root : Path.Combine(Repository.SitesDirectory, name);
    }

    /// <summary>The site <c>homepage new</c> writes (at the pinned time): its sources come from the command, not a folder.</summary>
    public const string NewSite = "new-site";

    public string Name { get; }
    public string Source { get; }
    public string Expected { get; }

    public static IEnumerable<string> All() =>
        Directory.Exists(Path.Combine(Repository.SitesDirectory, "_expected"))
            ? Directory.EnumerateDirectories(Path.Combine(Repository.SitesDirectory, "_expected")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];

    /// <summary>Build the site with the engine into a fresh folder; returns the folder and what the build logged.</summary>
    public (string Output, Logger Log) Build()
    {
        var work = Path.Combine(Path.GetTempPath(), "homepage-sites", Name + "-" + Guid.NewGuid().ToString("N")[..8]);
        var source = Path.Combine(work, "src");
        if (Name == NewSite)
        {
            NewCommand.Run(source, force: false, PinnedTime, new Logger(TextWriter.Null, TextWriter.Null));
            foreach (var entry in Directory.EnumerateFileSystemEntries(source, "*", SearchOption.AllDirectories).Append(source))
                if (Directory.Exists(entry)) Directory.SetLastWriteTimeUtc(entry, PinnedTime.UtcDateTime);
                else File.SetLastWriteTimeUtc(entry, PinnedTime.UtcDateTime);
        }
        else CopyTree(Source, source, top: true);
        var output = Path.Combine(work, "site");
        var options = new BuildOptions
        {
            Source = source,
            Destination = output,
            WorkingDirectory = source,
            Now = PinnedTime,
            TimeZone = TimeZoneInfo.Utc,
        };
        ApplyArgs(options, Path.Combine(Source, ".jekyll-args"));
        var log = new Logger(TextWriter.Null, TextWriter.Null);
        BuildCommand.Run(options, log);
        return (output, log);
    }

    private static void ApplyArgs(BuildOptions options, string argsFile)
    {
        if (!File.Exists(argsFile)) return;
        foreach (var arg in File.ReadAllText(argsFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            switch (arg)
            {
                case "--drafts" or "-D": options.Drafts = true; break;
                case "--future": options.Future = true; break;
                case "--unpublished": options.Unpublished = true; break;
                default: throw new InvalidOperationException($"{argsFile}: unsupported flag {arg}");
            }
        }
    }

    private void CopyTree(string from, string to, bool top)
    {
        Directory.CreateDirectory(to);
        Directory.SetLastWriteTimeUtc(to, PinnedTime.UtcDateTime);
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            var name = Path.GetFileName(entry);
            if (top && Name == "homepage" && NotSite.Contains(name)) continue;
            var target = Path.Combine(to, name);
            if (Directory.Exists(entry))
            {
                CopyTree(entry, target, top: false);
                Directory.SetLastWriteTimeUtc(target, PinnedTime.UtcDateTime);
            }
            else
            {
                File.Copy(entry, target);
                File.SetLastWriteTimeUtc(target, PinnedTime.UtcDateTime);
            }
        }
    }
}

internal static class Repository
{
    public static readonly string Root = FindRoot();
    public static string SitesDirectory => Path.Combine(Root, "tests", "Sites");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Homepage.sln"))) return dir.FullName;
        throw new InvalidOperationException("Homepage.sln not found above " + AppContext.BaseDirectory);
    }
}
