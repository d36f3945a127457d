using System.Diagnostics;
using Homepage.Kramdown;

// usage: Homepage.Benchmarks kramdown FILE [RUNS]
// Converts FILE with Jekyll's kramdown defaults (rouge on) RUNS times after a warm-up and prints
// "<mean milliseconds> <output bytes>" to standard output.
if (args.Length < 2 || args[0] != "kramdown")
{
    Console.Error.WriteLine("usage: Homepage.Benchmarks kramdown FILE [RUNS]");
    return 2;
}
var source = File.ReadAllText(args[1]);
var runs = args.Length > 2 ? int.Parse(args[2]) : 10;
var options = KramdownOptions.FromJekyll(null);
options.Highlighter = Homepage.Engine.Rendering.RougeHighlighter.Instance;
var html = KramdownConverter.ToHtml(source, options);
var watch = Stopwatch.StartNew();
for (var i = 0; i < runs; i++) html = KramdownConverter.ToHtml(source, options);
watch.Stop();
Console.WriteLine($"{watch.Elapsed.TotalMilliseconds / runs:F2} {System.Text.Encoding.UTF8.GetByteCount(html)}");
return 0;
