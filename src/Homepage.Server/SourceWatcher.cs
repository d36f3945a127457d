namespace Homepage.Server;

/// <summary>Watches the source folder; after a quiet period, reports the files that changed (the destination and VCS folders excluded).</summary>
public sealed class SourceWatcher : IDisposable
{
    private static readonly string[] Ignored = [".git", ".jekyll-cache", ".sass-cache", "node_modules", "bin", "obj"];

    private readonly string _source;
    private readonly string _destination;
    private readonly TimeSpan _debounce;
    private readonly Action<IReadOnlyCollection<string>> _onChange;
    private readonly FileSystemWatcher _watcher;
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Timer _timer;
    private readonly object _gate = new();

    public SourceWatcher(string source, string destination, TimeSpan debounce, Action<IReadOnlyCollection<string>> onChange)
    {
        _source = Path.GetFullPath(source);
        _destination = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        _debounce = debounce;
        _onChange = onChange;
        _timer = new Timer(_ => Flush());
        _watcher = new FileSystemWatcher(_source)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, e) => Queue(e.FullPath);
        _watcher.Created += (_, e) => Queue(e.FullPath);
        _watcher.Deleted += (_, e) => Queue(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Queue(e.OldFullPath);
            Queue(e.FullPath);
        };
        _watcher.EnableRaisingEvents = true;
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
        _watcher.Dispose();
        _timer.Dispose();
    }
}
