using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Writing;

/// <summary>
/// Jekyll's cleanup and write, made atomic: every page, static file and document is written into a staging folder
/// beside the destination; only when all of it is written do the <c>keep_files</c> move over and the staging folder
/// replace the destination. A failure leaves the previous destination whole. Nothing is written or removed outside
/// the destination and its staging folder.
/// </summary>
public static class Writer
{
    /// <summary>The suffix of the staging folder (<c>.NAME.homepage-staging</c> beside the destination); watchers ignore it.</summary>
    public const string StagingSuffix = ".homepage-staging";

    public static string StagingFolder(string destination) =>
        Path.Combine(Path.GetDirectoryName(destination)!, "." + Path.GetFileName(destination) + StagingSuffix);

    public static void Write(Site site)
    {
        var destination = site.Destination;
        var outputs = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var item in SiteFiles(site))
        {
            var path = item switch
            {
                Convertible c => c.DestinationPath(destination),
                StaticFile f => f.DestinationPath(destination),
                _ => throw new InvalidOperationException(),
            };
            EnsureInside(destination, path);
            outputs[path] = item; // a later file writing the same path wins, as it overwrites the earlier in Jekyll
        }
        Commands.DoctorCommand.ConflictingUrls(site); // Jekyll's write warns with doctor's check

        if (site.Options.Incremental is { } incremental)
        {
            var written = outputs.ToDictionary(kv => kv.Key, kv => Stamp(kv.Value), StringComparer.Ordinal);
            if (incremental.Written.Count > 0 && Directory.Exists(destination))
                WriteChanged(site, outputs, written, incremental.Written);
            else
                WriteAll(site, outputs);
            incremental.Commit(site, written);
            return;
        }
        WriteAll(site, outputs);
    }

    /// <summary>What a file was written from: its text, or the static file's stamp.</summary>
    private static object Stamp(object item) => item switch
    {
        Convertible c => c.Output ?? "",
        StaticFile f => Rendering.IncrementalState.Stamp(f),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>
    /// <c>serve</c>'s rebuild: write only the files whose text or static source changed since the last build, each
    /// replaced whole (written beside it, then renamed over it), and remove the files the site no longer writes.
    /// </summary>
    private static void WriteChanged(Site site, Dictionary<string, object> outputs, Dictionary<string, object> written, Dictionary<string, object> previous)
    {
        var destination = site.Destination;
        var changed = written.Where(kv => !(previous.TryGetValue(kv.Key, out var old) && SameStamp(old, kv.Value))).Select(kv => kv.Key).ToList();
        foreach (var path in changed)
        {
            if (site.Log.IsDebug) site.Log.Debug("Writing:", path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".homepage-tmp";
            switch (outputs[path])
            {
                case Convertible c:
                    File.WriteAllBytes(temporary, Utf8.GetBytes(c.Output ?? ""));
                    break;
                case StaticFile f:
                    File.Copy(f.AbsolutePath, temporary, overwrite: true);
                    File.SetLastWriteTimeUtc(temporary, File.GetLastWriteTimeUtc(f.AbsolutePath));
                    break;
            }
            File.Move(temporary, path, overwrite: true);
        }
        foreach (var path in previous.Keys.Where(p => !written.ContainsKey(p)))
        {
            EnsureInside(destination, path);
            if (site.Log.IsDebug) site.Log.Debug("Removing:", path);
            if (File.Exists(path)) File.Delete(path);
        }
    }

    private static bool SameStamp(object a, object b) =>
        a is string x && b is string y ? ReferenceEquals(x, y) || string.Equals(x, y, StringComparison.Ordinal) : a.Equals(b);

    private static void WriteAll(Site site, Dictionary<string, object> outputs)
    {
        var destination = site.Destination;
        var staging = StagingFolder(destination);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            var files = outputs.Select(kv => (Target: Path.Combine(staging, Path.GetRelativePath(destination, kv.Key)), Item: kv.Value)).ToList();
            foreach (var dir in files.Select(f => Path.GetDirectoryName(f.Target)).Distinct()) Directory.CreateDirectory(dir!);
            if (site.Log.IsDebug)
                foreach (var path in outputs.Keys) site.Log.Debug("Writing:", path);
            Parallel.ForEach(files, file =>
            {
                switch (file.Item)
                {
                    case Convertible c:
                        File.WriteAllBytes(file.Target, Utf8.GetBytes(c.Output ?? ""));
                        break;
                    case StaticFile f:
                        File.Copy(f.AbsolutePath, file.Target, overwrite: true);
                        File.SetLastWriteTimeUtc(file.Target, File.GetLastWriteTimeUtc(f.AbsolutePath));
                        break;
                }
            });
            KeepFiles(site, staging, outputs.Keys.Select(k => Path.GetRelativePath(destination, k).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal));
            Swap(destination, staging);
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    private static readonly System.Text.UTF8Encoding Utf8 = new(false);

    /// <summary>Jekyll keeps the destination's <c>keep_files</c> (e.g. <c>.git</c>): they move into the new site unless it writes them itself.</summary>
    private static void KeepFiles(Site site, string staging, HashSet<string> written)
    {
        var destination = site.Destination;
        if (!Directory.Exists(destination)) return;
        foreach (var entry in Directory.EnumerateFileSystemEntries(destination, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(destination, entry).Replace('\\', '/');
            if (!site.KeepFiles.Any(k => k.Length > 0 && relative.StartsWith(k, StringComparison.Ordinal))) continue;
            if (written.Contains(relative)) continue;
            var target = Path.Combine(staging, relative);
            if (Directory.Exists(entry)) Directory.CreateDirectory(target);
            else if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(entry, target);
                File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(entry));
            }
        }
    }

    /// <summary>Replace the destination by the staging folder: two renames, then the old site is removed.</summary>
    private static void Swap(string destination, string staging)
    {
        if (!Directory.Exists(destination))
        {
            if (File.Exists(destination)) throw new BuildException($"The destination {destination} is a file.");
            Directory.Move(staging, destination);
            return;
        }
        var previous = staging + ".previous";
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        Directory.Move(destination, previous);
        try
        {
            Directory.Move(staging, destination);
        }
        catch
        {
            Directory.Move(previous, destination);
            throw;
        }
        Directory.Delete(previous, recursive: true);
    }

    /// <summary><c>Site#each_site_file</c>: pages, static files to write, documents to write; each item once.</summary>
    public static IEnumerable<object> SiteFiles(Site site)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var p in site.Pages) if (seen.Add(p)) yield return p;
        foreach (var f in site.StaticFiles) if (f.Write && seen.Add(f)) yield return f;
        foreach (var d in site.DocsToWrite) if (seen.Add(d)) yield return d;
    }

    private static void EnsureInside(string destination, string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
            throw new BuildException($"Refusing to write outside the destination: {path}");
    }

}
