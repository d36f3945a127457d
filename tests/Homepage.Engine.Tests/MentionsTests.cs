namespace Homepage.Engine.Tests;

/// <summary>jekyll-mentions 1.6 where the reference fails (its successful builds are the mentions* whole-site fixtures).
/// The message is the one Jekyll 4.3.1 printed for the same site.</summary>
public class MentionsTests
{
    [Theory]
    [InlineData("42", "Integer")]
    [InlineData("[a, b]", "Array")]
    [InlineData("true", "TrueClass")]
    public void A_setting_that_is_neither_a_url_nor_a_hash_fails_the_build(string value, string rubyClass)
    {
        using var site = new TempSite()
            .With("_config.yml", $"plugins: [jekyll-mentions]\njekyll-mentions: {value}\n")
            .With("index.html", "---\n---\nhi @there\n");
        var e = Assert.Throws<BuildException>(() => site.Build());
        Assert.Equal($"Your jekyll-mentions config has to either be a string or a hash. It's a {rubyClass} right now.", e.Message);
    }

    [Fact]
    public void The_setting_is_only_read_for_an_output_with_an_at_sign()
    {
        using var site = new TempSite()
            .With("_config.yml", "plugins: [jekyll-mentions]\njekyll-mentions: 42\n")
            .With("index.html", "---\n---\nno mention here<br />\n");
        site.Build();
        Assert.Equal("no mention here<br />\n", site.Read("index.html"));
    }
}
