using System.Reflection;

namespace Homepage.Engine.Commands;

/// <summary>
/// <c>homepage new PATH</c>: a new academic homepage from the built-in theme (the files under <c>Scaffold/</c>,
/// embedded in this assembly), which both Homepage and Jekyll build. Like <c>jekyll new</c>, it refuses a folder that
/// exists and is not empty unless forced, and dates the first post now.
/// </summary>
public static class NewCommand
{
    private const string Prefix = "Scaffold/";
    private const string FirstPost = "_posts/welcome.md";

    /// <summary>The scaffold's files as relative paths (with <c>/</c>) and their contents.</summary>
    public static IEnumerable<(string Path, string Content)> Files(DateTimeOffset now)
    {
        var assembly = typeof(NewCommand).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Replace('\\', '/').StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var path = name.Replace('\\', '/')[Prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var content = reader.ReadToEnd();
            if (path == FirstPost)
            {
                var invariant = System.Globalization.CultureInfo.InvariantCulture;
                path = "_posts/" + now.ToString("yyyy-MM-dd", invariant) + "-welcome.md";
                // jekyll new's `date: %Y-%m-%d %H:%M:%S %z`: the post is not in the future when the site builds at once.
                var offset = now.Offset;
                var zone = (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", invariant);
                content = content.Replace("%DATE%", now.ToString("yyyy-MM-dd HH:mm:ss", invariant) + " " + zone, StringComparison.Ordinal);
            }
            yield return (path, content);
        }
    }

    /// <summary>Writes the scaffold into <paramref name="path"/>; returns the full path of the new site.</summary>
    public static string Run(string path, bool force, DateTimeOffset now, Logger log)
    {
        var root = Path.GetFullPath(path);
        if (File.Exists(root)) throw new BuildException($"Conflict: {root} exists and is a file.");
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any() && !force)
            throw new BuildException($"Conflict: {root} exists and is not empty. Ensure {path} is empty or else try again with `--force` to proceed and overwrite any files.");
        foreach (var (relative, content) in Files(now))
        {
            var target = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content, new System.Text.UTF8Encoding(false));
        }
        log.Info($"New homepage site installed in {root}.");
        log.Info("Preview it with `homepage serve` from that folder; build it with `homepage build`.");
        return root;
    }
}
