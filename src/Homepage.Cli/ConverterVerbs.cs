using Homepage.Engine.Utilities;
using Homepage.Engine.Yaml;
using Homepage.Kramdown;
using Homepage.Sass;

namespace Homepage.Cli;

/// <summary>The converters on their own: <c>homepage kramdown</c> and <c>homepage sass</c>.</summary>
internal static class ConverterVerbs
{
    public static int Run(string verb, string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return verb == "kramdown" ? Kramdown(args, stdout) : Sass(args, stdout);
        }
        catch (Exception e) when (e is SassException or IOException or ArgumentException or YamlLoadException)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
    }

    private static int Kramdown(string[] args, TextWriter stdout)
    {
        string? file = null;
        IReadOnlyDictionary<string, object?>? settings = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--config" && i + 1 < args.Length)
            {
                var config = RubyYaml.Load(TextFiles.Read(args[++i])) as IDictionary<string, object?>;
                if (config?.GetHash("kramdown") is { } kramdown) settings = new Dictionary<string, object?>(kramdown);
            }
            else file = args[i];
        }
        var markdown = file is null ? Console.In.ReadToEnd() : TextFiles.Read(file);
        var options = KramdownOptions.FromJekyll(settings);
        options.Highlighter = new Engine.Rendering.RougeHighlighter();
        stdout.Write(KramdownConverter.ToHtml(markdown, options));
        return 0;
    }

    private static int Sass(string[] args, TextWriter stdout)
    {
        string? file = null;
        var style = SassOutputStyle.Nested;
        var loadPaths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--style" or "-t" when i + 1 < args.Length:
                    style = Enum.Parse<SassOutputStyle>(args[++i], ignoreCase: true);
                    break;
                case "-I" or "--load-path" when i + 1 < args.Length:
                    loadPaths.Add(args[++i]);
                    break;
                default:
                    file = args[i];
                    break;
            }
        }
        var source = file is null ? Console.In.ReadToEnd() : TextFiles.Read(file);
        var result = SassCompiler.Compile(source, new SassOptions { Style = style, LoadPaths = loadPaths, InputPath = file ?? "stdin" });
        stdout.Write(result.Css);
        return 0;
    }
}
