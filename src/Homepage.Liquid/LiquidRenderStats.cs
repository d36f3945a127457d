using System.Diagnostics;

namespace Homepage.Liquid;

/// <summary>
/// Jekyll's Liquid render profile (<c>--profile</c>): for each template file, how often it rendered, how many bytes it
/// produced and how long it took (a render's time includes the includes it renders). Safe to record from many threads.
/// </summary>
public sealed class LiquidRenderStats
{
    private readonly Dictionary<string, Entry> _files = new(StringComparer.Ordinal);

    public sealed record Entry(string File, long Count, long Bytes, TimeSpan Time);

    /// <summary>Record one render of <paramref name="file"/> (a path relative to the site) that produced <paramref name="output"/>.</summary>
    public void Record(string file, string output, TimeSpan time)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(output);
        lock (_files)
        {
            _files[file] = _files.TryGetValue(file, out var e)
                ? e with { Count = e.Count + 1, Bytes = e.Bytes + bytes, Time = e.Time + time }
                : new Entry(file, 1, bytes, time);
        }
    }

    /// <summary>The files rendered so far, slowest first.</summary>
    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_files) return _files.Values.OrderByDescending(e => e.Time).ToList();
        }
    }

    public static long Timestamp() => Stopwatch.GetTimestamp();

    public static TimeSpan Since(long timestamp) => Stopwatch.GetElapsedTime(timestamp);
}
