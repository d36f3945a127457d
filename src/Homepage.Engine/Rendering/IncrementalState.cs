using System.Collections.Concurrent;
using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Rendering;

/// <summary>
/// What <c>serve</c> keeps between builds so that a rebuild renders and writes only what a change affects: for every
/// rendered item, the text and front matter it was rendered from, what its render read (<see cref="RenderDependencies"/>)
/// and what it produced; and every file written. An item is rendered again when its own text or front matter changed,
/// a layout or include it used changed, an item it read must be rendered again, it read the site's lists and any
/// item's front matter (or the set of files) changed, or it read <c>site.data</c> and a data file changed.
/// Stylesheets are always compiled; <c>site.time</c> stays that of the first build (see <see cref="Time"/>). A change the records cannot place (a new include, a folder
/// renamed) renders everything, as does a configuration change; unchanged outputs are never rewritten.
/// </summary>
public sealed class IncrementalState
{
    private sealed class ItemRecord
    {
        public required string? RawContent { get; init; }
        public required IDictionary<string, object?> Data { get; init; }
        public required RenderDependencies Dependencies { get; init; }
        public string? Content { get; set; }
        public string? Output { get; set; }
        public string? ExcerptOutput { get; set; }
    }

    /// <summary>A static file as last copied: any difference copies it again.</summary>
    internal sealed record StaticStamp(string Source, DateTime Modified, long Length);

    private readonly object _gate = new();
    private readonly HashSet<string> _changes = new(StringComparer.Ordinal);
    private Dictionary<string, ItemRecord> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ItemRecord> _next = new(StringComparer.Ordinal);
    private HashSet<string> _knownSources = new(StringComparer.Ordinal);
    private Dictionary<string, StaticStamp> _staticFiles = new(StringComparer.Ordinal);
    private bool _everything = true;
    private string[] _planned = [];
    private HashSet<string> _plannedKeys = new(StringComparer.Ordinal), _nextPlannedKeys = new(StringComparer.Ordinal);
    private DateTimeOffset? _time;

    /// <summary>What the last successful build wrote: destination path to its text, or to the static file's stamp.</summary>
    internal Dictionary<string, object> Written { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>How many items the last build rendered and how many it took over unchanged.</summary>
    public int Rendered => _rendered;
    public int Reused => _reused;
    private int _rendered, _reused;

    /// <summary>Source files (absolute paths) changed since the last successful build.</summary>
    public void AddChanges(IEnumerable<string> absolutePaths)
    {
        lock (_gate) _changes.UnionWith(absolutePaths);
    }

    /// <summary>The next build renders everything (the configuration changed).</summary>
    public void RenderEverything()
    {
        lock (_gate) _everything = true;
    }

    /// <summary>
    /// <c>site.time</c> for the next build: the time of the first build, kept while only sources change, so that a
    /// footer printing the year does not make every page render again; a configuration change moves it on.
    /// </summary>
    public DateTimeOffset Time()
    {
        lock (_gate) return _time is { } t && !_everything ? t : (_time = DateTimeOffset.Now).Value;
    }

    /// <summary>The key an item is known by from one build to the next.</summary>
    public static string Key(Convertible item) => item.IncrementalKey ??= item switch
    {
        Excerpt x => Key(x.Doc),
        Document d => "doc " + d.RelativePath,
        Page p => "page " + p.RelativePath + " " + p.Url,
        _ => item.GetType().Name + " " + item.RelativePath,
    };

    private static IDictionary<string, object?> DataOf(Convertible item) => item switch
    {
        Document d => d.Data,
        Page p => p.Data,
        _ => RubyHash.New(),
    };

    private static string SourceOf(Convertible item) => item switch
    {
        Document d => d.AbsolutePath,
        Page p => p.SourcePath,
        _ => "",
    };

    /// <summary>The items of <paramref name="items"/> whose previous render still holds (called before rendering).</summary>
    internal HashSet<Convertible> Plan(Site site, IReadOnlyList<Convertible> items)
    {
        _next.Clear();
        _rendered = _reused = 0;
        var clean = new HashSet<Convertible>(ReferenceEqualityComparer.Instance);
        _nextPlannedKeys = items.Select(Key).ToHashSet(StringComparer.Ordinal);
        string[] changes;
        lock (_gate)
        {
            _planned = changes = _changes.ToArray();
            if (_everything || _records.Count == 0) return clean;
        }
        var byKey = new Dictionary<string, Convertible>(StringComparer.Ordinal);
        foreach (var item in items)
            if (!byKey.TryAdd(Key(item), item)) return clean; // two items one key: render all rather than guess

        var staticFiles = StaticStamps(site);
        var sources = new HashSet<string>(_knownSources, StringComparer.Ordinal);
        sources.UnionWith(items.Select(SourceOf));
        sources.UnionWith(staticFiles.Values.Select(s => s.Source));
        var usedFiles = new HashSet<string>(_records.Values.SelectMany(r => r.Dependencies.Files), StringComparer.Ordinal);
        var dataDirs = DataDirectories(site);
        var dataChanged = false;
        foreach (var change in changes)
        {
            var isData = dataDirs.Any(d => change.StartsWith(d, StringComparison.Ordinal));
            dataChanged |= isData;
            if (!(isData || sources.Contains(change) || usedFiles.Contains(change) || IsStyle(change))) return clean;
        }

        var structureChanged = !_plannedKeys.SetEquals(byKey.Keys)
            || !StaticStampsEqual(staticFiles, _staticFiles)
            || byKey.Any(kv => !_records.TryGetValue(kv.Key, out var r) || !DeepEquals(DataOf(kv.Value), r.Data));
        var changed = new HashSet<string>(changes, StringComparer.Ordinal);

        // Items dirty in themselves, then everything that read them, until nothing more changes.
        var dirty = new HashSet<string>(StringComparer.Ordinal);
        var readers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, item) in byKey)
        {
            if (!_records.TryGetValue(key, out var record)) { dirty.Add(key); continue; }
            var deps = record.Dependencies;
            foreach (var read in deps.Items)
            {
                if (read == key) continue;
                if (!byKey.ContainsKey(read)) dirty.Add(key);
                if (!readers.TryGetValue(read, out var list)) readers[read] = list = new List<string>();
                list.Add(key);
            }
            if (item.IsAssetFile || (deps.Structure && structureChanged) || (deps.Data && dataChanged)
                || deps.Files.Overlaps(changed) || !string.Equals(record.RawContent, item.Content, StringComparison.Ordinal)
                || !DeepEquals(DataOf(item), record.Data))
                dirty.Add(key);
        }
        var queue = new Queue<string>(dirty);
        while (queue.Count > 0)
            if (readers.TryGetValue(queue.Dequeue(), out var list))
                foreach (var reader in list)
                    if (dirty.Add(reader)) queue.Enqueue(reader);

        foreach (var (key, item) in byKey)
            if (!dirty.Contains(key)) clean.Add(item);
        return clean;
    }

    private static bool IsStyle(string path) => Path.GetExtension(path) is ".scss" or ".sass" or ".css";

    private static string[] DataDirectories(Site site)
    {
        var own = site.InSourceDir(site.Config.GetString("data_dir") ?? "_data") + Path.DirectorySeparatorChar;
        return site.Theme?.DataPath is { } theme ? [own, theme + Path.DirectorySeparatorChar] : [own];
    }

    private static Dictionary<string, StaticStamp> StaticStamps(Site site)
    {
        var stamps = new Dictionary<string, StaticStamp>(StringComparer.Ordinal);
        foreach (var file in site.StaticFiles.Concat(site.Collections.Values.SelectMany(c => c.Files)))
            stamps.TryAdd(file.RelativePath, Stamp(file));
        return stamps;
    }

    internal static StaticStamp Stamp(StaticFile file)
    {
        var info = new FileInfo(file.AbsolutePath);
        return new StaticStamp(file.AbsolutePath, info.Exists ? info.LastWriteTimeUtc : default, info.Exists ? info.Length : -1);
    }

    private static bool StaticStampsEqual(Dictionary<string, StaticStamp> a, Dictionary<string, StaticStamp> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && other == kv.Value);

    /// <summary>Front matter compared by value (an excerpt is the item's text, compared as such).</summary>
    internal static bool DeepEquals(object? a, object? b)
    {
        if (ReferenceEquals(a, b)) return true;
        switch (a, b)
        {
            case (null, _) or (_, null): return false;
            case (Excerpt, Excerpt): return true;
            case (IDictionary<string, object?> x, IDictionary<string, object?> y):
                if (x.Count != y.Count) return false;
                foreach (var (k, v) in x)
                    if (!y.TryGetValue(k, out var w) || !DeepEquals(v, w)) return false;
                return true;
            case (IList<object?> x, IList<object?> y):
                if (x.Count != y.Count) return false;
                for (var i = 0; i < x.Count; i++)
                    if (!DeepEquals(x[i], y[i])) return false;
                return true;
            default:
                return a.GetType() == b.GetType() && a.Equals(b);
        }
    }

    /// <summary>Takes over the previous render of a clean item.</summary>
    internal void Reuse(Convertible item)
    {
        var key = Key(item);
        var record = _records[key];
        item.Content = record.Content;
        item.Output = record.Output;
        if (item is Document { Excerpt: { } excerpt } && record.ExcerptOutput is { } excerptOutput) excerpt.Output = excerptOutput;
        _next[key] = record;
        Interlocked.Increment(ref _reused);
    }

    /// <summary>Renders <paramref name="item"/> with <paramref name="render"/>, recording what it reads.</summary>
    internal void Render(Convertible item, Action render)
    {
        var raw = item.Content;
        var dependencies = new RenderDependencies();
        using (RenderDependencies.Record(dependencies)) render();
        _next[Key(item)] = new ItemRecord { RawContent = raw, Data = DataOf(item), Dependencies = dependencies };
        Interlocked.Increment(ref _rendered);
    }

    /// <summary>The build succeeded and wrote <paramref name="written"/>: its records become the next build's.</summary>
    internal void Commit(Site site, Dictionary<string, object> written)
    {
        foreach (var item in site.Collections.Values.SelectMany(c => c.Docs).Cast<Convertible>().Concat(site.Pages))
        {
            if (!_next.TryGetValue(Key(item), out var record)) continue;
            record.Content = item.Content;
            record.Output = item.Output;
            record.ExcerptOutput = (item as Document)?.Excerpt?.Output;
        }
        var staticFiles = StaticStamps(site);
        lock (_gate)
        {
            _records = new Dictionary<string, ItemRecord>(_next, StringComparer.Ordinal);
            _next.Clear();
            _knownSources = site.Collections.Values.SelectMany(c => c.Docs).Select(d => d.AbsolutePath)
                .Concat(site.Pages.Select(p => p.SourcePath)).Concat(staticFiles.Values.Select(s => s.Source))
                .ToHashSet(StringComparer.Ordinal);
            _staticFiles = staticFiles;
            _plannedKeys = _nextPlannedKeys;
            _changes.ExceptWith(_planned); // changes saved during the build wait for the next one
            _everything = false;
            Written = written;
        }
    }
}
