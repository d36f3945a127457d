using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Homepage.Kramdown;

/// <summary>The result of a conversion: the HTML and kramdown's warnings.</summary>
public sealed record KramdownResult(string Html, IReadOnlyList<string> Warnings);

/// <summary>
/// Markdown to HTML as kramdown does. This first version renders through Markdig with kramdown's header ids
/// (GFM style) and code-block wrapper; the full port of kramdown's parser and converter is issue 4.
/// </summary>
public static partial class KramdownConverter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseFootnotes()
        .UseAutoLinks()
        .UseTaskLists()
        .Build();

    public static string ToHtml(string markdown, KramdownOptions options) => Convert(markdown, options).Html;

    public static KramdownResult Convert(string markdown, KramdownOptions options)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        if (options.AutoIds) AssignHeaderIds(document, options);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.LiteralInlineRenderer>(new TypographicTextRenderer());
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.CodeInlineRenderer>(new CodeSpanRenderer());
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.HtmlInlineRenderer>(new RequotedHtmlInlineRenderer());
        string RenderInline(ContainerInline inline)
        {
            var sb = writer.GetStringBuilder();
            sb.Clear();
            renderer.WriteChildren(inline);
            writer.Flush();
            return sb.ToString();
        }
        var html = new KramdownBlockRenderer(markdown, options, RenderInline).Render(document);
        return new KramdownResult(html, []);
    }

    [GeneratedRegex(@"[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]")]
    private static partial Regex NonWord();

    /// <summary>kramdown-parser-gfm's <c>generate_gfm_header_id</c>: lower-cased, non-word characters dropped, blanks as hyphens, numbered when repeated.</summary>
    public static string GfmHeaderId(string text, Dictionary<string, int> counter, string prefix)
    {
        var result = NonWord().Replace(text.ToLowerInvariant(), "").Replace(' ', '-').Replace('\t', '-');
        counter[result] = counter.TryGetValue(result, out var n) ? n + 1 : 0;
        if (counter[result] > 0) result += "-" + counter[result];
        return prefix + result;
    }

    private static void AssignHeaderIds(MarkdownDocument document, KramdownOptions options)
    {
        var counter = new Dictionary<string, int>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = new StringBuilder();
            if (heading.Inline is not null) AppendText(heading.Inline, text);
            var id = GfmHeaderId(text.ToString(), counter, options.AutoIdPrefix);
            Markdig.Renderers.Html.HtmlAttributesExtensions.GetAttributes(heading).Id = id;
        }
    }

    private static void AppendText(ContainerInline container, StringBuilder sb)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: sb.Append(literal.Content.ToString()); break;
                case CodeInline code: sb.Append(code.Content); break;
                case ContainerInline nested: AppendText(nested, sb); break;
            }
        }
    }

    /// <summary>kramdown's SmartyPants conversion (the <c>smartify</c> filter): HTML special characters escaped,
    /// then quotes, dashes and ellipses as typographic characters.</summary>
    public static string Smartify(string input) => Typography.Apply(System.Net.WebUtility.HtmlEncode(input).Replace("&quot;", "\"").Replace("&#39;", "'"));
}

/// <summary>kramdown's typographic symbols and smart quotes over text (a close approximation of its SmartQuotes rules).</summary>
internal static partial class Typography
{
    [GeneratedRegex(@"(?<=^|[\s(\[{\u2014\u2013-])""")]
    private static partial Regex OpeningDouble();

    [GeneratedRegex(@"(?<=^|[\s(\[{\u2014\u2013-])'(?=\S)")]
    private static partial Regex OpeningSingle();

    public static string Apply(string text)
    {
        var s = text.Replace("---", "\u2014").Replace("--", "\u2013").Replace("...", "\u2026");
        s = OpeningDouble().Replace(s, "\u201C").Replace("\"", "\u201D");
        s = OpeningSingle().Replace(s, "\u2018").Replace("'", "\u2019");
        return s;
    }
}

/// <summary>Text with HTML escaped and kramdown's typography applied.</summary>
internal sealed class TypographicTextRenderer : HtmlObjectRenderer<LiteralInline>
{
    protected override void Write(HtmlRenderer renderer, LiteralInline obj)
    {
        var text = obj.Content.ToString();
        var escaped = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        renderer.Write(Typography.Apply(escaped));
    }
}

/// <summary>Code spans as kramdown writes them with rouge and Jekyll's default language (plaintext).</summary>
internal sealed class CodeSpanRenderer : HtmlObjectRenderer<CodeInline>
{
    protected override void Write(HtmlRenderer renderer, CodeInline obj)
    {
        renderer.Write("<code class=\"language-plaintext highlighter-rouge\">");
        renderer.WriteEscape(obj.Content);
        renderer.Write("</code>");
    }
}

/// <summary>Inline HTML as kramdown re-serialises it (attribute values in double quotes).</summary>
internal sealed class RequotedHtmlInlineRenderer : HtmlObjectRenderer<HtmlInline>
{
    protected override void Write(HtmlRenderer renderer, HtmlInline obj) => renderer.Write(KramdownBlockRenderer.Requote(obj.Tag));
}
