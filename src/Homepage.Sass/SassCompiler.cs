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
/// The SCSS compiler's entry point. Issue 6 is the managed libsass port; until it lands, <see cref="Compile"/> only
/// accepts plain CSS (which SCSS is a superset of) and reports anything Sass-specific as an error naming the line.
/// </summary>
public static class SassCompiler
{
    public static SassResult Compile(string source, SassOptions options)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (line.StartsWith('$') || line.StartsWith("@import", StringComparison.Ordinal) && !line.Contains(".css") ||
                line.StartsWith("@mixin", StringComparison.Ordinal) || line.StartsWith("@include", StringComparison.Ordinal) ||
                line.StartsWith("//", StringComparison.Ordinal) || line.Contains("#{", StringComparison.Ordinal))
                throw new SassException("Error: this build of Homepage compiles plain CSS only; the SCSS compiler is issue 6.", options.InputPath, i + 1, 1);
        }
        return new SassResult(source, null);
    }
}
