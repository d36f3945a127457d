using System.Diagnostics;
using Homepage.Kramdown;

// usage:
//   Homepage.Benchmarks kramdown FILE [RUNS]      converts FILE with Jekyll's kramdown defaults (rouge on) RUNS times after
//                                                 a warm-up; prints "<median milliseconds> <output bytes>"
//   Homepage.Benchmarks rouge LANG FILE           prints rouge's HTML for FILE (for comparing with rougify)
//   Homepage.Benchmarks rouge-time LANG FILE [RUNS]  times highlighting FILE; prints "<median ms> <chars>"
//   Homepage.Benchmarks liquid DIR [RUNS] [OUT]  renders DIR/page.html inside DIR/layout.html with DIR/data.json and the
//                                                 includes of DIR/_includes, as Jekyll does, RUNS times after a warm-up;
//                                                 prints "<median ms> <output bytes>", writes the output to OUT
//   Homepage.Benchmarks kramdown-growth SMALL LARGE [ROUNDS]  converts ten SMALL then one LARGE, in turns in one
//                                                 process; prints "<median ms small> <median ms large> <ratio>"
//   Homepage.Benchmarks kramdown-dir IN OUT       converts every IN/*.md to OUT/NAME.html with Jekyll's defaults and no
//                                                 syntax highlighter (for bench/kramdown-differential.sh)
// environment, for finding where time goes: BENCH_GC=1 (allocations, collections, GC pauses and CPU time per run),
// BENCH_ALLOC=1 or =large (sampled allocations by type, or only the large object heap's), BENCH_GCLOG=1 (every
// collection: generation, reason, duration, bytes promoted)
using var allocations = Environment.GetEnvironmentVariable("BENCH_ALLOC") is not null ? new AllocationSampler() : null;
using var collections = Environment.GetEnvironmentVariable("BENCH_GCLOG") is not null ? new GcLog() : null;
try
{
    return Run(args);
}
finally
{
    allocations?.Report();
    collections?.Report();
}

static object? Json(System.Text.Json.JsonElement e) => e.ValueKind switch
{
    System.Text.Json.JsonValueKind.Object => e.EnumerateObject().Aggregate(new Dictionary<string, object?>(), (h, p) => { h[p.Name] = Json(p.Value); return h; }),
    System.Text.Json.JsonValueKind.Array => e.EnumerateArray().Select(Json).ToList(),
    System.Text.Json.JsonValueKind.String => e.GetString(),
    System.Text.Json.JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
    System.Text.Json.JsonValueKind.True => true,
    System.Text.Json.JsonValueKind.False => false,
    _ => null,
};

static int Run(string[] args)
{
switch (args.FirstOrDefault())
{
    case "kramdown" when args.Length >= 2:
    {
        var source = File.ReadAllText(args[1]);
        if (Environment.GetEnvironmentVariable("BENCH_LATENCY") is { } mode)
            System.Runtime.GCSettings.LatencyMode = Enum.Parse<System.Runtime.GCLatencyMode>(mode);
        var runs = args.Length > 2 ? int.Parse(args[2]) : 10;
        var options = KramdownOptions.FromJekyll(null);
        options.Highlighter = Homepage.Engine.Rendering.RougeHighlighter.Instance;
        // warm up for two seconds so the JIT has finished tiering up before anything is timed
        var html = KramdownConverter.ToHtml(source, options);
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 2000) html = KramdownConverter.ToHtml(source, options);
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseBefore = GC.GetTotalPauseDuration();
        for (var i = 0; i < runs; i++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            html = KramdownConverter.ToHtml(source, options);
            times.Add(watch.Elapsed.TotalMilliseconds);
            cpuTimes.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
        }
        times.Sort();
        // the median run: steadier than the mean on a shared machine
        Console.WriteLine($"{(times.Count > 0 ? times[times.Count / 2] : double.NaN):F2} {System.Text.Encoding.UTF8.GetByteCount(html)}");
        if (Environment.GetEnvironmentVariable("BENCH_GC") is not null)
            Console.Error.WriteLine($"allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / Math.Max(runs, 1) / 1024.0 / 1024:F1} MB per run; " +
                                    $"collections gen0 {GC.CollectionCount(0) - gcBefore.Item1} gen1 {GC.CollectionCount(1) - gcBefore.Item2} gen2 {GC.CollectionCount(2) - gcBefore.Item3} in {runs} runs; " +
                                    $"GC pauses {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / Math.Max(runs, 1):F1} ms per run; " +
                                    // the process's CPU time (GC threads included): on a loaded machine the wall time of a
                                    // run grows with the other work; this much less
                                    $"CPU time {(cpuTimes.Count > 0 ? cpuTimes.Order().ElementAt(cpuTimes.Count / 2) : double.NaN):F1} ms per run (median)");
        return 0;
    }
    case "liquid" when args.Length >= 2:
    {
        var dir = args[1];
        var runs = args.Length > 2 ? int.Parse(args[2]) : 200;
        var data = (Dictionary<string, object?>)Json(System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "data.json"))).RootElement)!;
        var host = new Homepage.Liquid.DefaultJekyllHost();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir, "_includes")))
            host.Includes[Path.GetFileName(file)] = File.ReadAllText(file);
        var site = (Dictionary<string, object?>)data["site"]!;
        var environment = new Homepage.Liquid.LiquidEnvironment(new Homepage.Liquid.LiquidEnvironmentOptions { Host = host, TimeZone = TimeZoneInfo.Utc });
        var page = environment.Parse(File.ReadAllText(Path.Combine(dir, "page.html")), "page.html");
        var layout = environment.Parse(File.ReadAllText(Path.Combine(dir, "layout.html")), "layout.html");
        string Render()
        {
            var content = page.Render(data);
            return layout.Render(new Dictionary<string, object?>(data) { ["content"] = content });
        }
        var html = Render();
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 2000) html = Render();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            html = Render();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        if (args.Length > 3) File.WriteAllText(args[3], html);
        Console.WriteLine($"{times[times.Count / 2]:F3} {System.Text.Encoding.UTF8.GetByteCount(html)}");
        _ = site;
        return 0;
    }
    case "kramdown-dir" when args.Length >= 3:
    {
        var options = KramdownOptions.FromJekyll(new Dictionary<string, object?> { ["syntax_highlighter"] = "none" });
        Directory.CreateDirectory(args[2]);
        foreach (var file in Directory.EnumerateFiles(args[1], "*.md"))
        {
            string html;
            try { html = KramdownConverter.ToHtml(File.ReadAllText(file), options); }
            catch (Exception e) { html = "error: " + e.Message; }
            File.WriteAllText(Path.Combine(args[2], Path.GetFileNameWithoutExtension(file) + ".html"), html);
        }
        return 0;
    }
    case "rouge-time" when args.Length >= 3:
    {
        // the HTML formatter over LANG's tokens of FILE, RUNS times after a two-second warm-up; prints the median ms
        var code = File.ReadAllText(args[2]);
        var runs = args.Length > 3 ? int.Parse(args[3]) : 10;
        var html = Homepage.Rouge.Rouge.Highlight(code, args[1]);
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 2000) html = Homepage.Rouge.Rouge.Highlight(code, args[1]);
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            html = Homepage.Rouge.Rouge.Highlight(code, args[1]);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{times[times.Count / 2]:F2} {html.Length}");
        return 0;
    }
    case "kramdown-growth" when args.Length >= 3:
    {
        // The two documents converted in turns inside one process, so both see the same machine (a shared machine's
        // speed drifts between processes by a third): the median over the rounds of each and their ratio.
        var small = File.ReadAllText(args[1]);
        var large = File.ReadAllText(args[2]);
        var rounds = args.Length > 3 ? int.Parse(args[3]) : 10;
        var options = KramdownOptions.FromJekyll(null);
        options.Highlighter = Homepage.Engine.Rendering.RougeHighlighter.Instance;
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 2000) { KramdownConverter.ToHtml(small, options); KramdownConverter.ToHtml(large, options); }
        var smallTimes = new List<double>();
        var largeTimes = new List<double>();
        var smallCpu = new List<double>();
        var largeCpu = new List<double>();
        var largePauses = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            // a round: ten small conversions (their mean, collections included: the median of single runs would leave
            // out the few a collection lands in, which the large document pays on every run) and one large
            // the first small conversion after a large one finds the caches full of the large one's memory: untimed
            KramdownConverter.ToHtml(small, options);
            GC.Collect();
            var cpu = Environment.CpuUsage.TotalTime;
            var small10 = Stopwatch.StartNew();
            for (var j = 0; j < 10; j++) KramdownConverter.ToHtml(small, options);
            smallTimes.Add(small10.Elapsed.TotalMilliseconds / 10);
            smallCpu.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / 10);
            GC.Collect();
            cpu = Environment.CpuUsage.TotalTime;
            var pause = GC.GetTotalPauseDuration();
            var large1 = Stopwatch.StartNew();
            KramdownConverter.ToHtml(large, options);
            largeTimes.Add(large1.Elapsed.TotalMilliseconds);
            largeCpu.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
            largePauses.Add((GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
        }
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var s = Median(smallTimes);
        var l = Median(largeTimes);
        // BENCH_GC=1: the same for process CPU time (less moved by other machines' load than the wall clock; includes
        // the background collector's thread), and the large run's median pause for collections
        if (Environment.GetEnvironmentVariable("BENCH_GC") is not null)
            Console.Error.WriteLine($"cpu {Median(smallCpu):F2} {Median(largeCpu):F2} {Median(largeCpu) / Median(smallCpu):F2}; large run's GC pauses {Median(largePauses):F1} ms");
        Console.WriteLine($"{s:F2} {l:F2} {l / s:F2}");
        return 0;
    }
    case "rouge" when args.Length >= 3:
        // read as rougify does (File.new(path, 'rt:bom|utf-8')): a BOM dropped, CRLF read as LF
        Console.Write(Homepage.Rouge.Rouge.Highlight(File.ReadAllText(args[2]).Replace("\r\n", "\n"), args[1]));
        return 0;
    default:
        Console.Error.WriteLine("usage: Homepage.Benchmarks kramdown FILE [RUNS] | kramdown-dir IN OUT");
        return 2;
}
}

/// <summary>Samples the runtime's allocation ticks (one per ~100 KB allocated) by type, for finding what allocates.</summary>
sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    private readonly Dictionary<string, long> _bytes = new();

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (!e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        // BENCH_ALLOC=large: only the large object heap's (what triggers its gen2 collections)
        if (Environment.GetEnvironmentVariable("BENCH_ALLOC") == "large" && Convert.ToInt32(e.Payload[e.PayloadNames!.IndexOf("AllocationKind")]) != 1) return;
        var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")]?.ToString() ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames!.IndexOf("AllocationAmount64")]);
        lock (_bytes) _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
    }

    public void Report()
    {
        lock (_bytes)
        {
            var total = _bytes.Values.Sum();
            foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(25))
                Console.Error.WriteLine($"{bytes * 100.0 / total,5:F1}% {bytes / 1e6,8:F1} MB {type}");
        }
    }
}

/// <summary>Prints each garbage collection (generation, reason, kind, how long, what survived), for finding why GC costs.</summary>
sealed class GcLog : System.Diagnostics.Tracing.EventListener
{
    private DateTime _start;
    private readonly List<string> _lines = [];

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Informational, (System.Diagnostics.Tracing.EventKeywords)0x1);
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.Payload is null) return;
        object? P(string name) => e.PayloadNames!.IndexOf(name) is var i and >= 0 ? e.Payload[i] : null;
        var line = e.EventName switch
        {
            "GCStart_V2" => $"start #{P("Count")} gen{P("Depth")} reason {P("Reason")} type {P("Type")}",
            "GCEnd_V1" => $"end   #{P("Count")} gen{P("Depth")} after {(e.TimeStamp - _start).TotalMilliseconds:F1} ms",
            "GCHeapStats_V2" => $"  promoted gen0 {Convert.ToInt64(P("TotalPromotedSize0")) / 1e6:F1} MB gen1 {Convert.ToInt64(P("TotalPromotedSize1")) / 1e6:F1} MB gen2 {Convert.ToInt64(P("TotalPromotedSize2")) / 1e6:F1} MB; sizes gen0 {Convert.ToInt64(P("GenerationSize0")) / 1e6:F1} gen1 {Convert.ToInt64(P("GenerationSize1")) / 1e6:F1} gen2 {Convert.ToInt64(P("GenerationSize2")) / 1e6:F1} MB",
            _ => null,
        };
        if (e.EventName == "GCStart_V2") _start = e.TimeStamp;
        if (line is not null) lock (_lines) _lines.Add(line);
    }

    public void Report()
    {
        lock (_lines) foreach (var line in _lines) Console.Error.WriteLine(line);
    }
}
