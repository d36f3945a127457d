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
    public int Precision { get; init; } = 5;
    public bool SourceMap { get; init; }
    public string? OutputPath { get; init; }
    public bool SourceMapContents { get; init; }
}

public sealed record SassResult(string Css, string? SourceMap)
{
    /// <summary>True while the output is the uncompiled source (the compiler port, issue 6, has not landed).</summary>
    public bool IsPlaceholder { get; init; }
}

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
/// The SCSS compiler's entry point. The managed port of libsass 3.6.5 is issue 6 and has not landed: until it does,
/// <see cref="Compile"/> returns the source unchanged (with <see cref="SassResult.IsPlaceholder"/> set, so callers can
/// say so) and, when asked, a source map with no mappings. Nothing here pretends to be libsass's output.
/// </summary>
public static class SassCompiler
{
    public static SassResult Compile(string source, SassOptions options)
    {
        string? map = null;
        if (options.SourceMap)
        {
            var file = Path.GetFileName(options.OutputPath ?? "stdin.css");
            var input = Path.GetFileName(options.InputPath ?? "stdin");
            map = "{\n\t\"version\": 3,\n\t\"file\": \"" + file + "\",\n\t\"sources\": [\n\t\t\"" + input + "\"\n\t],\n\t\"names\": [],\n\t\"mappings\": \"\"\n}";
        }
        return new SassResult(source, map) { IsPlaceholder = true };
    }
}
