namespace Homepage.Liquid.Tests;

/// <summary>Runaway templates end with a Liquid error, never a hang.</summary>
public sealed class LimitsTests
{
    [Fact]
    public void A_huge_range_fails_with_a_liquid_error()
    {
        var environment = new LiquidEnvironment();
        var template = environment.Parse("{% for i in (1..2000000000) %}x{% endfor %}", "loop.html");
        var e = Assert.Throws<LiquidException>(() => template.Render(new Dictionary<string, object?>()));
        Assert.Equal("loop.html", e.Path);
        Assert.Contains("(1..2000000000)", e.Message);
    }

    [Fact]
    public void A_runaway_loop_fails_with_a_liquid_error()
    {
        var environment = new LiquidEnvironment(new LiquidEnvironmentOptions { MaxSteps = 100_000 });
        var template = environment.Parse("{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}", "loop.html");
        var e = Assert.Throws<LiquidException>(() => template.Render(new Dictionary<string, object?>()));
        Assert.Equal("loop.html", e.Path);
    }

    [Fact]
    public void Ordinary_ranges_still_loop()
    {
        var environment = new LiquidEnvironment();
        Assert.Equal("1,2,3,", environment.Parse("{% for i in (1..3) %}{{ i }},{% endfor %}", "t").Render(new Dictionary<string, object?>()));
        Assert.Equal("3,4,", environment.Parse("{% assign n = 4 %}{% for i in (3..n) %}{{ i }},{% endfor %}", "t").Render(new Dictionary<string, object?>()));
    }

    [Fact]
    public void An_include_that_includes_itself_fails_with_a_liquid_error()
    {
        var host = new DefaultJekyllHost();
        host.Includes["self.html"] = "a{% include self.html %}";
        var environment = new LiquidEnvironment(new LiquidEnvironmentOptions { Host = host });
        var e = Assert.Throws<LiquidException>(() => environment.Parse("{% include self.html %}", "page.html").Render(new Dictionary<string, object?>()));
        Assert.Contains("self.html", e.Message + e.Path);
    }

    [Fact]
    public void Output_past_the_limit_fails_with_a_liquid_error()
    {
        var environment = new LiquidEnvironment(new LiquidEnvironmentOptions { MaxOutputLength = 10_000 });
        // Doubling a string in a loop: a few steps, exponential output.
        var template = environment.Parse("{% assign s = 'ab' %}{% for i in (1..40) %}{% assign s = s | append: s %}{{ s }}{% endfor %}", "big.html");
        var e = Assert.Throws<LiquidException>(() => template.Render(new Dictionary<string, object?>()));
        Assert.Equal("big.html", e.Path);
        Assert.Contains("Memory limits exceeded", e.Message);
        Assert.Equal(8188, environment.Parse("{% assign s = 'ab' %}{% for i in (1..11) %}{% assign s = s | append: s %}{{ s }}{% endfor %}", "ok.html")
            .Render(new Dictionary<string, object?>()).Length);
    }
}
