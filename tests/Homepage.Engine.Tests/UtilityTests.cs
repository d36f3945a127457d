using Homepage.Engine.Utilities;

namespace Homepage.Engine.Tests;

public class UtilityTests
{
    [Theory]
    [InlineData("/src/*.md", "/src/a.md", true)]
    [InlineData("/src/*.md", "/src/sub/a.md", true)] // no FNM_PATHNAME: * crosses slashes
    [InlineData("/src/a?c", "/src/abc", true)]
    [InlineData("/src/[ab]x", "/src/bx", true)]
    [InlineData("/src/[!ab]x", "/src/bx", false)]
    [InlineData("/src/*.md", "/src/a.txt", false)]
    public void FnMatch_follows_ruby_without_flags(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, FnMatch.IsMatch(pattern, path));
    }

    [Theory]
    [InlineData("Hello, World!", null, "hello-world")]
    [InlineData("The _config.yml file", "default", "the-config-yml-file")]
    [InlineData("The _config.yml file", "pretty", "the-_config.yml-file")]
    [InlineData("The _cönfig.yml file", "ascii", "the-c-nfig-yml-file")]
    [InlineData("The _config.yml file", "raw", "the-_config.yml-file")]
    [InlineData("The _config.yml file?", "none", "the _config.yml file?")]
    public void Slugify_modes(string input, string? mode, string expected)
    {
        Assert.Equal(expected, Slug.Slugify(input, mode));
    }

    [Theory]
    [InlineData("my-first-post", "My First Post")]
    [InlineData("ÉTÉ-ok", "Été Ok")]
    public void Titleize_capitalizes_each_word(string slug, string expected) => Assert.Equal(expected, Slug.Titleize(slug));

    [Theory]
    [InlineData("a//b/../c/./d", "/a/b/c/d")]
    [InlineData("/x/", "/x/")]
    public void Sanitize_url_as_jekyll(string input, string expected) => Assert.Equal(expected, UrlUtil.Sanitize(input));

    [Theory]
    [InlineData("/a b/ü", "/a%20b/%C3%BC")]
    [InlineData("/plain/path.html", "/plain/path.html")]
    [InlineData("/c#/x", "/c%23/x")]
    public void Escape_path_as_addressable(string input, string expected) => Assert.Equal(expected, UrlUtil.EscapePath(input));

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e20, "1.0e+20")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1.0e-05")]
    [InlineData(-2.5, "-2.5")]
    public void Floats_print_as_ruby(double value, string expected) => Assert.Equal(expected, RubyValue.FloatToS(value));

    [Theory]
    [InlineData("/about/", "/base", "/base/about/")]
    [InlineData("about", "/base/", "/base/about")]
    [InlineData("/a b", null, "/a%20b")]
    [InlineData("https://x.org/a", "/base", "https://x.org/a")]
    public void Relative_url(string input, string? baseurl, string expected) => Assert.Equal(expected, Homepage.Liquid.JekyllUrl.Relative(input, baseurl));

    [Fact]
    public void Absolute_url_normalizes_host_and_default_path()
    {
        Assert.Equal("https://example.com/base/", Homepage.Liquid.JekyllUrl.Absolute("/", "https://Example.com", "/base"));
        Assert.Equal("/x", Homepage.Liquid.JekyllUrl.Absolute("/x", "", null));
    }
}

public sealed class LoggerTests
{
    [Fact]
    public void Warnings_and_errors_are_coloured_as_jekyll_colours_them_only_when_asked()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var log = new Logger(stdout, stderr) { Colors = true };
        log.Info("Source:", "site");
        log.Warn("Build Warning:", "careful");
        log.Error("Error:", "broken");
        var (source, warning, error) = (Logger.Format("Source:", "site"), Logger.Format("Build Warning:", "careful"), Logger.Format("Error:", "broken"));
        Assert.Equal(source + Environment.NewLine, stdout.ToString());
        Assert.Equal("\u001b[33m" + warning + "\u001b[0m" + Environment.NewLine + "\u001b[31m" + error + "\u001b[0m" + Environment.NewLine, stderr.ToString());
        Assert.Equal([source, warning, error], log.Messages);

        var plain = new StringWriter();
        new Logger(new StringWriter(), plain).Warn("Build Warning:", "careful");
        Assert.Equal(warning + Environment.NewLine, plain.ToString());
    }
}

