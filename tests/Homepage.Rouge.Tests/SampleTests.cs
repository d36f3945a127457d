namespace Homepage.Rouge.Tests;

/// <summary>Each sample highlighted byte-identical to rougify 3.30 (goldens from regen-goldens.sh).</summary>
public sealed class SampleTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Samples");

    public static IEnumerable<object[]> Samples() =>
        Directory.EnumerateFiles(Folder).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.Contains(".expected.")).Order().Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Samples))]
    public void Html_formatter_matches_rougify(string sample)
    {
        var lang = sample.Split('.')[0];
        var code = File.ReadAllText(Path.Combine(Folder, sample));
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, Expected(sample, "html"))), Rouge.Highlight(code, lang, "html"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Table_formatter_matches_rougify(string sample)
    {
        var lang = sample.Split('.')[0];
        var code = File.ReadAllText(Path.Combine(Folder, sample));
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, Expected(sample, "table.html"))), Rouge.Highlight(code, lang, "html-table"));
    }

    /// <summary>LANG[.NAME].EXT has its expected output in LANG[.NAME].expected.KIND.</summary>
    private static string Expected(string sample, string kind) => Path.GetFileNameWithoutExtension(sample) + ".expected." + kind;

    [Theory]
    [InlineData("plaintext")]
    [InlineData("py")]
    [InlineData("TEXT")]
    public void Lexers_are_found_by_tag_or_alias_case_insensitively(string name) => Assert.NotNull(Rouge.FindLexer(name));

    [Fact]
    public void An_unknown_language_has_no_lexer() => Assert.Null(Rouge.FindLexer("no-such-language"));
}

/// <summary>
/// The first-character filters only ever skip rules that cannot match: at every position of every sample, every rule of
/// every lexer whose pattern matches there starts with a character its filter admits.
/// </summary>
public sealed class RuleFilterTests
{
    [Fact]
    public void A_rule_is_never_skipped_where_its_pattern_matches()
    {
        // Each lexer's rules are tried at every position of its own samples (the text they were written for; trying
        // every lexer on every sample grows with the square of the samples' size).
        var folder = Path.Combine(AppContext.BaseDirectory, "Samples");
        var samples = Directory.EnumerateFiles(folder).Where(f => !f.Contains(".expected."))
            .GroupBy(f => Rouge.FindLexer(Path.GetFileName(f).Split('.')[0])?.Tag ?? "")
            .ToDictionary(g => g.Key, g => g.Select(File.ReadAllText).ToList());
        var checkedRules = 0;
        foreach (var lexer in Rouge.AllLexers.OfType<RegexLexer>())
        {
            Assert.True(samples.TryGetValue(lexer.Tag, out var texts), $"{lexer.Tag} has no sample");
            foreach (var rule in lexer.AllRules())
            {
                if (rule.First is null) continue;
                checkedRules++;
                foreach (var text in texts!)
                    for (var pos = 0; pos < text.Length; pos++)
                        if (!rule.MayStartWith(text[pos]) && rule.Regex.Anchored.IsMatch(text.AsSpan(pos)))
                            Assert.Fail($"{lexer.Tag}: /{rule.Regex.Source}/ matches at '{text[pos]}' but its filter skips it");
            }
        }
        Assert.True(checkedRules > 100, $"only {checkedRules} rules have filters");
    }
}
