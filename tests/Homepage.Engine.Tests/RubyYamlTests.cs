using Homepage.Engine.Yaml;

namespace Homepage.Engine.Tests;

public class RubyYamlTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("Yes", true)]
    [InlineData("off", false)]
    [InlineData("42", 42L)]
    [InlineData("0x1F", 31L)]
    [InlineData("1_000", 1000L)]
    [InlineData("3.5", 3.5)]
    [InlineData("1e3", "1e3")] // Psych's FLOAT needs a dot
    [InlineData("1.0e+3", 1000.0)]
    [InlineData("hello", "hello")]
    [InlineData("1:30", 5400L)] // Psych weighs the first field by 60^2
    public void Plain_scalars_resolve_as_psych_does(string text, object expected)
    {
        Assert.Equal(expected, RubyYaml.Tokenize(text));
    }

    [Fact]
    public void Null_spellings_and_empty_are_nil()
    {
        Assert.Null(RubyYaml.Tokenize("~"));
        Assert.Null(RubyYaml.Tokenize("null"));
        Assert.Null(RubyYaml.Tokenize("NULL"));
        Assert.Null(RubyYaml.Tokenize(""));
    }

    [Fact]
    public void Dates_and_times_become_dateonly_and_datetimeoffset()
    {
        Assert.Equal(new DateOnly(2020, 1, 2), RubyYaml.Tokenize("2020-01-02"));
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 10, 0, 0, TimeSpan.FromHours(2)), RubyYaml.Tokenize("2020-01-02 10:00:00 +02:00"));
        // No zone: Psych takes UTC.
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 10, 0, 0, TimeSpan.Zero), RubyYaml.Tokenize("2020-01-02 10:00:00"));
    }

    [Fact]
    public void Quoted_scalars_stay_strings_and_mappings_keep_order()
    {
        var doc = (IDictionary<string, object?>)RubyYaml.Load("b: '1'\na: \"true\"\nc: [1, x]\n")!;
        Assert.Equal(["b", "a", "c"], doc.Keys);
        Assert.Equal("1", doc["b"]);
        Assert.Equal("true", doc["a"]);
        Assert.Equal(new List<object?> { 1L, "x" }, doc["c"]);
    }

    [Fact]
    public void Merge_keys_and_aliases_are_resolved()
    {
        var doc = (IDictionary<string, object?>)RubyYaml.Load("base: &b\n  x: 1\nchild:\n  <<: *b\n  y: 2\n")!;
        var child = (IDictionary<string, object?>)doc["child"]!;
        Assert.Equal(1L, child["x"]);
        Assert.Equal(2L, child["y"]);
    }

    [Fact]
    public void Aliases_of_aliases_cost_their_size_not_their_expansion()
    {
        var yaml = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++) yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var doc = (IDictionary<string, object?>)RubyYaml.Load(yaml.ToString())!;
        Assert.Equal(30, doc.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }

    [Fact]
    public void Syntax_errors_carry_the_line()
    {
        var e = Assert.Throws<YamlLoadException>(() => RubyYaml.Load("a: 1\nb: [unclosed\nc: 3\n"));
        Assert.True(e.Line >= 2, "line " + e.Line);
    }
}
