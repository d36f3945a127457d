using Homepage.Kramdown.Converting;
using Homepage.Kramdown.Parsing;

namespace Homepage.Kramdown;

/// <summary>Markdown kramdown cannot convert.</summary>
public sealed class KramdownException(string message) : Exception(message);

/// <summary>The result of a conversion: the HTML and kramdown's warnings.</summary>
public sealed record KramdownResult(string Html, IReadOnlyList<string> Warnings);

/// <summary>
/// Markdown to HTML exactly as kramdown 2.4 writes it: kramdown's parser (or kramdown-parser-gfm's, as Jekyll uses by
/// default) builds kramdown's element tree, and kramdown's HTML converter writes it.
/// </summary>
public static class KramdownConverter
{
    public static string ToHtml(string markdown, KramdownOptions options) => Convert(markdown, options).Html;

    public static KramdownResult Convert(string markdown, KramdownOptions options)
    {
        try
        {
            return ConvertUnguarded(markdown, options);
        }
        catch (InsufficientExecutionStackException)
        {
            // kramdown itself dies with "stack level too deep" here; say so instead of crashing the process
            throw new KramdownException("the Markdown is nested too deeply to convert (lists, quotes or HTML inside each other)");
        }
    }

    /// <summary>
    /// <see cref="Convert(string, KramdownOptions)"/>, optionally always through the whole tree at once (for the tests
    /// that hold the two ways to the same output).
    /// </summary>
    internal static KramdownResult Convert(string markdown, KramdownOptions options, bool wholeTree) =>
        ConvertUnguarded(markdown, options, wholeTree);

    private static KramdownResult ConvertUnguarded(string markdown, KramdownOptions options, bool wholeTree = false)
    {
        var parser = CreateParser(markdown, options);
        var incremental = parser.ParseBlockLevel() && !wholeTree;
        var converterOptions = options;
        if (parser.InlineOptions.Count > 0)
        {
            converterOptions = options.Clone();
            foreach (var (k, v) in parser.InlineOptions) converterOptions.Set(k, v);
        }
        var converter = new HtmlConverter(parser.Root, converterOptions, parser);
        // each top-level block converted as soon as its spans are parsed, and then let go of (a large page's span elements
        // die young), or the whole tree at once when span-level options may change the conversion of what came before
        var html = incremental
            ? converter.Convert(parser.Root, parser.UpdateIncrementally())
            : converter.Convert(parser.UpdateWholeTree());
        return new KramdownResult(html, [.. parser.Warnings, .. converter.Warnings]);
    }

    private static KramdownParser CreateParser(string markdown, KramdownOptions options) =>
        options.Input.ToLowerInvariant() switch
        {
            "gfm" => new GfmParser(markdown, options),
            "smartypants" => new SmartyPantsParser(markdown, options),
            "kramdown" or "markdown" => new KramdownParser(markdown, options),
            _ => throw new KramdownOptionException($"kramdown has no parser to handle the specified input format: {options.Input}"),
        };

    /// <summary>
    /// Jekyll's <c>smartify</c> filter: kramdown's SmartyPants parser (HTML kept, quotes, dashes and ellipses made
    /// typographic) with the site's kramdown options, trailing newline removed.
    /// </summary>
    public static string Smartify(string input, KramdownOptions? options = null)
    {
        var o = (options ?? KramdownOptions.FromJekyll(null)).Clone();
        o.Input = "SmartyPants";
        var html = ToHtml(input, o);
        return html.EndsWith('\n') ? html[..^1] : html;
    }
}
