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
        string? output = null;
        var sourceMap = false;
        var indented = false;
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
                case "-m" or "--sourcemap":
                    sourceMap = true;
                    break;
                case "-a" or "--sass":
                    indented = true;
                    break;
                default:
                    if (file is null) file = args[i];
                    else output = args[i];
                    break;
            }
        }
        var source = file is null ? Console.In.ReadToEnd() : TextFiles.Read(file);
        // as sassc: with OUTPUT the map goes to OUTPUT.map, without it into the CSS as a data URL
        var result = SassCompiler.Compile(source, new SassOptions
        {
            Style = style, LoadPaths = loadPaths, InputPath = file ?? "stdin", SourceMap = sourceMap,
            Syntax = indented || file?.EndsWith(".sass", StringComparison.OrdinalIgnoreCase) == true ? SassSyntax.Sass : SassSyntax.Scss,
            OutputPath = output ?? (file is null ? "stdin.css" : Path.ChangeExtension(file, ".css")), SourceMapEmbed = sourceMap && output is null,
        });
        if (output is null)
        {
            stdout.Write(result.Css);
            return 0;
        }
        File.WriteAllText(output, result.Css);
        if (result.SourceMap is not null) File.WriteAllText(output + ".map", result.SourceMap);
        return 0;
    }
}
