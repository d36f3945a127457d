namespace Homepage.Kramdown.Tests;

/// <summary>
/// Realistic academic-homepage pages (Pages/*.md), converted with Jekyll's kramdown defaults; the expected HTML comes
/// from Debian's Jekyll through Pages/regen-goldens.sh. Pages in Pages/known-misses.txt wait on another issue.
/// </summary>
public sealed class PagesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Pages");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var md in Directory.EnumerateFiles(Folder, "*.md").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(md));
        return data;
    }

    private static HashSet<string> KnownMisses() =>
        File.ReadAllLines(Path.Combine(Folder, "known-misses.txt")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

    [Theory]
    [MemberData(nameof(Names))]
    public void Page_is_converted_as_jekyll_does(string name)
    {
        var options = KramdownOptions.FromJekyll(null);
        options.Highlighter = Homepage.Engine.Rendering.RougeHighlighter.Instance;
        var actual = KramdownConverter.ToHtml(File.ReadAllText(Path.Combine(Folder, name)), options);
        var expected = File.ReadAllText(Path.Combine(Folder, Path.ChangeExtension(name, ".html")));
        if (KnownMisses().Contains(name))
            Assert.NotEqual(expected, actual); // remove it from known-misses.txt once it passes
        else
            Assert.Equal(expected, actual);
    }

    [Fact]
    public void There_are_at_least_thirty_pages() => Assert.True(Names().Count >= 30);
}
