namespace Homepage.Sass;

public enum SassOutputStyle { Nested, Expanded, Compact, Compressed }

public enum SassSyntax { Scss, Sass }

/// <summary>libsass's options as jekyll-sass-converter passes them.</summary>
public sealed class SassOptions
{
    public SassOutputStyle Style { get; init; } = SassOutputStyle.Nested;
    public SassSyntax Syntax { get; init; } = SassSyntax.Scss;
    public IReadOnlyList<string> LoadPaths { get; init; } = [];
    public string? InputPath { get; init; }
    public bool SourceMap { get; init; }
    public string? OutputPath { get; init; }
    public bool SourceMapContents { get; init; }

    /// <summary>The source map goes into the CSS as a data URL (sassc -m without an output file).</summary>
    public bool SourceMapEmbed { get; init; }
}

public sealed record SassResult(string Css, string? SourceMap);

/// <summary>A Sass error as libsass words it, with where it happened.</summary>
public sealed class SassException : Exception
{
    public SassException(string message, string? file = null, int line = 0, int column = 0) : base(message)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string? File { get; }
    public int Line { get; }
    public int Column { get; }
}

/// <summary>
/// The SCSS compiler: parse, evaluate, emit. This first version covers what theme stylesheets commonly use
/// (variables, nesting, imports, mixins and functions, control flow, maps, colour functions, media bubbling,
/// placeholders and @extend) in the compressed and expanded styles; source maps are not written yet, and byte-identity
/// with libsass 3.6.5 is what issue 6 measures with sass-spec.
/// </summary>
public static class SassCompiler
{
    public static SassResult Compile(string source, SassOptions options)
    {
        var written = source;
        if (options.Syntax == SassSyntax.Sass) source = IndentedSyntax.ToScss(source);
        var file = options.InputPath ?? "stdin";
        string css;
        MappedOutput? mapped = options.SourceMap ? new MappedOutput(new System.Text.StringBuilder()) : null;
        List<(string Path, string Text)> files = [(file, written)];
        try
        {
            var statements = new Parser(source, file, options.SourceMap).ParseStylesheet();
            var evaluator = new Evaluator(options);
            evaluator.Run(statements, file);
            css = Emitter.Emit(evaluator.Root, options.Style, mapped);
            // a file imported again is the same source (libsass loads it once)
            foreach (var imported in evaluator.ImportedFiles)
                if (!files.Any(f => f.Path == imported.Path)) files.Add(imported);
            // CSS with characters beyond ASCII says it is UTF-8: a @charset rule, or a byte-order mark when compressed
            if (css.Any(c => c > 127))
            {
                var compressed = options.Style == SassOutputStyle.Compressed;
                css = (compressed ? "\uFEFF" : "@charset \"UTF-8\";\n") + css;
                if (!compressed) mapped?.ShiftLines(1); // a byte-order mark takes no column
            }
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidCastException or NullReferenceException
                                      or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            // Input this compiler does not understand yet: reported as a Sass error, never a crash.
            throw new SassException($"Error: Invalid CSS: {e.Message}\n        in {file}", file, 0, 0);
        }
        string? map = null;
        if (mapped is not null)
        {
            map = SourceMapJson(options, files, mapped);
            css += "\n/*# sourceMappingURL=" + (options.SourceMapEmbed
                ? "data:application/json;base64," + System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(map))
                : Path.GetFileName(options.OutputPath ?? "stdin.css") + ".map") + " */";
        }
        return new SassResult(css, map);
    }

    /// <summary>The source map as libsass writes it (tab-indented JSON): the CSS file's name, every source relative to the
    /// map's folder (the output's), their contents when asked, and the mappings.</summary>
    private static string SourceMapJson(SassOptions options, List<(string Path, string Text)> files, MappedOutput mapped)
    {
        var outputPath = options.OutputPath ?? "stdin.css";
        var mapFolder = Path.GetDirectoryName(Path.GetFullPath(outputPath)) ?? ".";
        string Link(string path) => path == "stdin" ? "stdin" : Path.GetRelativePath(mapFolder, Path.GetFullPath(path)).Replace('\\', '/');
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++) index.TryAdd(files[i].Path, i);
        var sb = new System.Text.StringBuilder("{\n\t\"version\": 3,\n\t\"file\": ");
        SourceMaps.JsonString(sb, Path.GetFileName(outputPath));
        sb.Append(",\n\t\"sources\": [");
        for (var i = 0; i < files.Count; i++)
        {
            sb.Append(i == 0 ? "\n\t\t" : ",\n\t\t");
            SourceMaps.JsonString(sb, Link(files[i].Path));
        }
        sb.Append(files.Count > 0 ? "\n\t]" : "]");
        if (options.SourceMapContents)
        {
            sb.Append(",\n\t\"sourcesContent\": [");
            for (var i = 0; i < files.Count; i++)
            {
                sb.Append(i == 0 ? "\n\t\t" : ",\n\t\t");
                SourceMaps.JsonString(sb, files[i].Text);
            }
            sb.Append("\n\t]");
        }
        sb.Append(",\n\t\"names\": [],\n\t\"mappings\": ");
        SourceMaps.JsonString(sb, SourceMaps.Mappings(mapped.Mappings, f => index.GetValueOrDefault(f)));
        return sb.Append("\n}").ToString();
    }
}
