using System.Diagnostics;
using System.Globalization;
using System.Text;
using Homepage.Liquid;

namespace Homepage.Engine;

/// <summary>
/// Jekyll's <c>--profile</c>: the time of each build phase, then the Liquid render stats (the 50 slowest files), as
/// tables in terminal-table's style. Homepage's cleanup happens inside its atomic write (the staging folder replaces
/// the destination), so CLEANUP is part of WRITE here.
/// </summary>
public static class Profiler
{
    public static void ProfileProcess(Site site)
    {
        var rows = new List<string[]> { new[] { "PHASE", "TIME" } };
        var total = 0.0;
        foreach (var (name, run) in site.Phases)
        {
            var started = Stopwatch.GetTimestamp();
            run();
            var seconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 4);
            rows.Add([name, Format("{0:F4}", seconds)]);
            total += seconds;
        }
        rows.Add(["TOTAL TIME", Format("{0:F4}", total)]);
        site.Log.Info("\nBuild Process Summary:");
        site.Log.Info(Tabulate(rows));
        site.Log.Info("\nSite Render Stats:");
        site.Log.Info(StatsTable(site.RenderStats?.Entries ?? []));
    }

    /// <summary>Jekyll's <c>LiquidRenderer::Table</c>: the slowest files first, at most <paramref name="rows"/>, and their totals.</summary>
    public static string StatsTable(IReadOnlyList<LiquidRenderStats.Entry> entries, int rows = 50)
    {
        var shown = entries.OrderByDescending(e => e.Time).Take(rows).ToList();
        var table = new List<string[]> { new[] { "Filename", "Count", "Bytes", "Time" } };
        foreach (var e in shown)
            table.Add([e.File, e.Count.ToString(CultureInfo.InvariantCulture), Bytes(e.Bytes), Format("{0:F3}", e.Time.TotalSeconds)]);
        table.Add([
            $"TOTAL (for {shown.Count} files)",
            shown.Sum(e => e.Count).ToString(CultureInfo.InvariantCulture),
            Bytes(shown.Sum(e => e.Bytes)),
            Format("{0:F3}", shown.Sum(e => e.Time.TotalSeconds)),
        ]);
        return Tabulate(table);
    }

    /// <summary>Jekyll's <c>Profiler.tabulate</c>: a header, a separator, the rows; the first column left-aligned, the
    /// others right-aligned; no top or bottom border; a newline before and after.</summary>
    public static string Tabulate(IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        string Line(string[] row) =>
            "| " + string.Join(" | ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))) + " |";
        var text = new StringBuilder("\n");
        text.Append(Line(rows[0])).Append('\n');
        text.Append('+').Append(string.Join("+", widths.Select(w => new string('-', w + 2)))).Append("+\n");
        for (var i = 1; i < rows.Count; i++) text.Append(Line(rows[i])).Append(i + 1 < rows.Count ? "\n" : "");
        return text.Append('\n').ToString();
    }

    private static string Bytes(long bytes) => Format("{0:F2}K", bytes / 1024.0);

    private static string Format(string format, double value) => string.Format(CultureInfo.InvariantCulture, format, value);
}
