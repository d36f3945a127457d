using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Writing;

/// <summary>
/// Jekyll's cleanup and write: obsolete files under the destination are removed (except <c>keep_files</c>), then every
/// page, static file and document is written. Nothing is ever written or removed outside the destination.
/// </summary>
public static class Writer
{
    public static void Write(Site site)
    {
        var destination = site.Destination;
        var items = SiteFiles(site).ToList();
        var outputs = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var path = item switch
            {
                Convertible c => c.DestinationPath(destination),
                StaticFile f => f.DestinationPath(destination),
                _ => throw new InvalidOperationException(),
            };
            EnsureInside(destination, path);
            if (outputs.TryGetValue(path, out var existing) && !ReferenceEquals(existing, item))
                ConflictWarning(site, path, existing, item);
            outputs[path] = item;
        }
        Cleanup(site, outputs.Keys.ToHashSet(StringComparer.Ordinal));
        foreach (var dir in outputs.Keys.Select(Path.GetDirectoryName).Distinct()) Directory.CreateDirectory(dir!);
        Parallel.ForEach(outputs, entry =>
        {
            switch (entry.Value)
            {
                case Convertible c:
                    WriteIfChanged(entry.Key, c.Output ?? "");
                    break;
                case StaticFile f:
                    CopyStatic(f, entry.Key);
                    break;
            }
        });
    }

    private static void ConflictWarning(Site site, string path, object a, object b)
    {
        string Describe(object o) => o switch { Convertible c => c.RelativePath, StaticFile f => f.RelativePath.TrimStart('/'), _ => "" };
        site.Log.Warn("Conflict:", $"The following destination is shared by multiple files.");
        site.Log.Warn("", "The written file may end up with unexpected contents.");
        site.Log.Warn("", path);
        site.Log.Warn("", " - " + Describe(a));
        site.Log.Warn("", " - " + Describe(b));
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

    private static void WriteIfChanged(string path, string content)
    {
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(content);
        if (File.Exists(path))
        {
            var info = new FileInfo(path);
            if (info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return;
            File.Delete(path);
        }
        File.WriteAllBytes(path, bytes);
    }

    private static void CopyStatic(StaticFile file, string path)
    {
        var source = file.AbsolutePath;
        var mtime = File.GetLastWriteTimeUtc(source);
        if (File.Exists(path) && File.GetLastWriteTimeUtc(path) == mtime && new FileInfo(path).Length == new FileInfo(source).Length) return;
        if (File.Exists(path)) File.Delete(path);
        File.Copy(source, path);
        File.SetLastWriteTimeUtc(path, mtime);
    }

    /// <summary><c>Cleaner#cleanup!</c>: remove what the build no longer produces, keeping <c>keep_files</c> and dot files.</summary>
    private static void Cleanup(Site site, HashSet<string> newFiles)
    {
        var dest = site.Destination;
        if (!Directory.Exists(dest)) return;
        var newDirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in newFiles)
            for (var dir = Path.GetDirectoryName(file); dir is not null && dir != dest && dir.Length > dest.Length; dir = Path.GetDirectoryName(dir))
                newDirs.Add(dir);
        var keepDirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keep in site.KeepFiles)
            for (var dir = Path.GetDirectoryName(site.InDestDir(dest, keep)); dir is not null && dir.Length > dest.Length; dir = Path.GetDirectoryName(dir))
                keepDirs.Add(dir);
        var obsolete = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(dest, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(dest, entry).Replace('\\', '/');
            if (site.KeepFiles.Any(k => rel.StartsWith(k, StringComparison.Ordinal))) continue;
            if (keepDirs.Contains(entry)) continue;
            if (newFiles.Contains(entry) || newDirs.Contains(entry)) continue;
            obsolete.Add(entry);
        }
        // A file where a folder must now be.
        obsolete.AddRange(newDirs.Where(File.Exists));
        foreach (var path in obsolete.OrderByDescending(p => p.Length))
        {
            EnsureInside(dest, path);
            if (File.Exists(path)) File.Delete(path);
            else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
    }
}
