using Homepage.Rouge.Formatters;

namespace Homepage.Rouge;

/// <summary>rouge 3.30's entry points: lexer lookup and the HTML formatters Jekyll and kramdown use.</summary>
public static class Rouge
{
    private static readonly ILexer[] Lexers = [new Lexers.PlainText(), new Lexers.Python(), new Lexers.Shell(), new Lexers.Json(), new Lexers.Ruby(), new Lexers.Javascript(), new Lexers.Diff(), new Lexers.Css(), new Lexers.Html(), new Lexers.Tex(), new Lexers.Ini(), new Lexers.Xml(), new Lexers.Java(), new Lexers.R(), new Lexers.Matlab(), new Lexers.Yaml(), new Lexers.C(), new Lexers.Cpp(), new Lexers.Toml(), new Lexers.Console(), new Lexers.Sql(), new Lexers.Make(), new Lexers.CSharp(), new Lexers.Go(), new Lexers.Typescript(), new Lexers.Scss(), new Lexers.Rust(), new Lexers.Julia(), new Lexers.Docker(), new Lexers.Liquid()];

    /// <summary>Every lexer we have.</summary>
    public static IReadOnlyList<ILexer> AllLexers => Lexers;

    /// <summary>rouge's <c>Lexer.find</c>: by tag or alias, case-insensitively; null when there is none.</summary>
    public static ILexer? FindLexer(string nameOrAlias)
    {
        var name = nameOrAlias.ToLowerInvariant();
        foreach (var lexer in Lexers)
            if (lexer.Tag == name || lexer.Aliases.Contains(name)) return lexer;
        return null;
    }

    /// <summary><c>Rouge::Formatters::HTML</c> over the lexer's tokens.</summary>
    public static string FormatHtml(string code, ILexer lexer) => HtmlFormatter.Format(lexer.Lex(code));

    /// <summary>Like <c>rougify highlight -l LANG -f FORMATTER</c>; the language falls back to plain text.</summary>
    public static string Highlight(string code, string language, string formatter = "html", IReadOnlyDictionary<string, object?>? options = null)
    {
        var lexer = FindLexer(language) ?? FindLexer("plaintext")!;
        return formatter switch
        {
            "html" => FormatHtml(code, lexer),
            "html-table" => HtmlTableFormatter.Format(lexer.Lex(code), options),
            _ => throw new ArgumentException($"unknown formatter '{formatter}'", nameof(formatter)),
        };
    }
}
