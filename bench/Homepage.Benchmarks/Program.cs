using System.Diagnostics;
using Homepage.Kramdown;

// usage:
//   Homepage.Benchmarks kramdown FILE [RUNS]      converts FILE with Jekyll's kramdown defaults (rouge on) RUNS times after
//                                                 a warm-up; prints "<mean milliseconds> <output bytes>"
//   Homepage.Benchmarks kramdown-dir IN OUT       converts every IN/*.md to OUT/NAME.html with Jekyll's defaults and no
//                                                 syntax highlighter (for bench/kramdown-differential.sh)
switch (args.FirstOrDefault())
{
    case "kramdown" when args.Length >= 2:
    {
        var source = File.ReadAllText(args[1]);
        var runs = args.Length > 2 ? int.Parse(args[2]) : 10;
        var options = KramdownOptions.FromJekyll(null);
        options.Highlighter = Homepage.Engine.Rendering.RougeHighlighter.Instance;
        var html = KramdownConverter.ToHtml(source, options);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) html = KramdownConverter.ToHtml(source, options);
        watch.Stop();
        Console.WriteLine($"{watch.Elapsed.TotalMilliseconds / Math.Max(runs, 1):F2} {System.Text.Encoding.UTF8.GetByteCount(html)}");
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
    default:
        Console.Error.WriteLine("usage: Homepage.Benchmarks kramdown FILE [RUNS] | kramdown-dir IN OUT");
        return 2;
}
