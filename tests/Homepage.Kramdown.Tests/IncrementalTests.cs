namespace Homepage.Kramdown.Tests;

/// <summary>
/// The converter writes each top-level block as soon as its spans are parsed (so a large page's span elements die young);
/// kramdown parses the whole tree first. Both ways must give the same HTML and the same warnings, on every input the
/// other tests hold and on random Markdown full of what reaches across blocks: link, abbreviation, footnote and
/// attribute list definitions below their use, tables of contents, inline options, runs of blank lines.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string Here = AppContext.BaseDirectory;

    public static TheoryData<string> Corpora() => ["Conformance", "Pages", "Pathological", "random"];

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Converting_block_by_block_gives_what_the_whole_tree_gives(string corpus)
    {
        var inputs = corpus == "random" ? RandomDocuments(1500) : Files(corpus);
        Assert.NotEmpty(inputs);
        var differing = new List<string>();
        var incrementalSeen = 0;
        foreach (var (name, text, options) in inputs)
        {
            string Outcome(bool wholeTree)
            {
                try
                {
                    var result = KramdownConverter.Convert(text, options, wholeTree);
                    return result.Html + "\n-- warnings --\n" + string.Join("\n", result.Warnings);
                }
                catch (Exception e)
                {
                    return "error: " + e.GetType().Name + ": " + e.Message;
                }
            }
            if (Outcome(wholeTree: false) != Outcome(wholeTree: true)) differing.Add(name);
            if (!text.Contains("inline {::options", StringComparison.Ordinal)) incrementalSeen++;
        }
        Assert.True(differing.Count == 0, "block by block differs from the whole tree for:\n" + string.Join("\n", differing.Take(30)));
        // most inputs take the incremental way (the others fall back to the whole tree and prove nothing here)
        Assert.True(incrementalSeen * 2 > inputs.Count, $"only {incrementalSeen} of {inputs.Count} inputs were converted block by block");
    }

    private static List<(string Name, string Text, KramdownOptions Options)> Files(string corpus)
    {
        var folder = Path.Combine(Here, corpus);
        var result = new List<(string, string, KramdownOptions)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var extension = Path.GetExtension(file);
            if (extension is not (".md" or ".text")) continue;
            KramdownOptions options;
            if (extension == ".text")
                options = ConformanceTests.Options(file, file.Contains("kramdown-parser-gfm", StringComparison.Ordinal) ? "GFM" : "kramdown");
            else
            {
                options = KramdownOptions.FromJekyll(null);
                options.Highlighter = Homepage.Engine.Rendering.RougeHighlighter.Instance;
            }
            result.Add((Path.GetRelativePath(folder, file), File.ReadAllText(file), options));
        }
        return result;
    }

    /// <summary>Seeded random documents of Markdown pieces, alternately with kramdown's and GFM's parser.</summary>
    private static List<(string Name, string Text, KramdownOptions Options)> RandomDocuments(int count)
    {
        string[] pieces =
        [
            "\n", "\n\n", "\n\n\n", "text ", "*em* ", "**strong** ", "`code` ", "[link][ref] ", "[ref] ", "[^1] ", "[^note] ",
            "HTML ", "W3C ", "\"quoted\" ", "-- ", "... ", "<span>x</span> ", "$$a$$ ", "{:.cls} ", "\\*", "&amp; ",
            "\n[ref]: http://example.com \"Title\"\n", "\n*[HTML]: Hyper Text\n", "\n*[W3C]: World Wide\n{: .abbr}\n",
            "\n[^1]: The note with [ref] and HTML.\n", "\n[^note]:\n    Long note.\n\n    More [^1].\n",
            "\n{:toc}\n", "\n* list\n* items\n", "\n1. one\n2. two\n", "\n> quote [^1]\n", "\n# Head\n", "\n## Sub {#sub}\n",
            "\n    code\n", "\n~~~ ruby\nx = 1\n~~~\n", "\n| a | b |\n|---|---|\n| 1 | 2 |\n", "\n---\n", "\nterm\n: def\n",
            "\n<div markdown=\"1\">\n*in* html\n</div>\n", "\n{:ald: .x #y}\n", "\npara\n{: ald}\n", "\n^\n",
            "\n{::comment}\nhidden\n{:/comment}\n", "\n{::nomarkdown}<b>raw</b>{:/}\n", "\n{::options auto_ids=\"false\" /}\n",
            "\n* TOC\n{:toc}\n", "line  \nbreak ",
        ];
        var random = new Random(20261207);
        var result = new List<(string, string, KramdownOptions)>();
        for (var i = 0; i < count; i++)
        {
            var text = new System.Text.StringBuilder();
            var length = random.Next(3, 40);
            for (var j = 0; j < length; j++) text.Append(pieces[random.Next(pieces.Length)]);
            // options set at span level apply to the whole conversion: such a document is converted as a whole tree
            if (i % 10 == 0) text.Insert(random.Next(text.Length), "inline {::options footnote_nr=\"5\" /} ");
            var options = KramdownOptions.FromJekyll(null);
            if (i % 2 == 1) options.Input = "kramdown";
            result.Add(($"random #{i}", text.ToString(), options));
        }
        return result;
    }
}
