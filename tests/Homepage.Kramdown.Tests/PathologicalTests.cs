namespace Homepage.Kramdown.Tests;

/// <summary>
/// The pathological shapes bench/kramdown-pathological.sh times (deep lists and quotes, runs of '*' and '[', a long
/// table), at sizes the reference converts in seconds: the output must stay kramdown's while the parser takes shortcuts
/// for them. Inputs and expected HTML come from Debian's Jekyll through Pathological/regen-goldens.sh.
/// </summary>
public sealed class PathologicalTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Pathological");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var md in Directory.EnumerateFiles(Folder, "*.md").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(md));
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Pathological_input_is_converted_as_jekyll_does(string name)
    {
        var options = KramdownOptions.FromJekyll(null);
        options.Highlighter = Homepage.Engine.Rendering.RougeHighlighter.Instance;
        var actual = KramdownConverter.ToHtml(File.ReadAllText(Path.Combine(Folder, name)), options);
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, Path.ChangeExtension(name, ".html"))), actual);
    }
}
