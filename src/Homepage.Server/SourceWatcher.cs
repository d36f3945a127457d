namespace Homepage.Server;

/// <summary>Watches the source folder (and a theme folder outside it); after a quiet period, reports the files that
/// changed (the destination and VCS folders excluded).</summary>
public sealed class SourceWatcher : IDisposable
{
    private static readonly string[] Ignored = [".git", ".jekyll-cache", ".sass-cache", "node_modules", "bin", "obj"];

    private readonly string _source;
    private readonly string _destination;
    private readonly TimeSpan _debounce;
    private readonly Action<IReadOnlyCollection<string>> _onChange;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Timer _timer;
    private readonly object _gate = new();

    /// <param name="extraRoots">Folders outside the source that the site also reads (a theme given by path).</param>
    public SourceWatcher(string source, string destination, TimeSpan debounce, Action<IReadOnlyCollection<string>> onChange,
        IEnumerable<string>? extraRoots = null)
    {
        _source = Path.GetFullPath(source);
        _destination = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        _debounce = debounce;
        _onChange = onChange;
        _timer = new Timer(_ => Flush());
        var sourcePrefix = _source.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var roots = new[] { _source }.Concat((extraRoots ?? []).Select(Path.GetFullPath)
            .Where(r => Directory.Exists(r) && !(r + Path.DirectorySeparatorChar).StartsWith(sourcePrefix, StringComparison.Ordinal)));
        foreach (var root in roots.Distinct(StringComparer.Ordinal))
        {
            var watcher = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Queue(e.FullPath);
            watcher.Created += (_, e) => Queue(e.FullPath);
            watcher.Deleted += (_, e) => Queue(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Queue(e.OldFullPath);
                Queue(e.FullPath);
            };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void Queue(string path)
    {
        var full = Path.GetFullPath(path);
        if ((full + Path.DirectorySeparatorChar).StartsWith(_destination, StringComparison.Ordinal)) return;
        var relative = Path.GetRelativePath(_source, full);
        if (relative.Split(Path.DirectorySeparatorChar).Any(p => Ignored.Contains(p) || p.Contains(Homepage.Engine.Writing.Writer.StagingSuffix, StringComparison.Ordinal))) return;
        lock (_gate)
        {
            _pending.Add(relative.Replace('\\', '/'));
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string[] changes;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            changes = _pending.ToArray();
            _pending.Clear();
        }
        _onChange(changes);
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _timer.Dispose();
    }
}
