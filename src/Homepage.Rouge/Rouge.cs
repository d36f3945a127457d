using Homepage.Rouge.Formatters;

namespace Homepage.Rouge;

/// <summary>rouge 3.30's entry points: lexer lookup and the HTML formatters Jekyll and kramdown use.</summary>
public static class Rouge
{
    private static readonly ILexer[] Lexers = [new Lexers.PlainText(), new Lexers.Python(), new Lexers.Shell(), new Lexers.Json(), new Lexers.Ruby(), new Lexers.Javascript(), new Lexers.Diff(), new Lexers.Css(), new Lexers.Html(), new Lexers.Tex(), new Lexers.Ini(), new Lexers.Xml(), new Lexers.Java(), new Lexers.R(), new Lexers.Matlab(), new Lexers.Yaml(), new Lexers.C(), new Lexers.Cpp(), new Lexers.Toml(), new Lexers.Console(), new Lexers.Sql(), new Lexers.Make(), new Lexers.CSharp(), new Lexers.Go(), new Lexers.Typescript(), new Lexers.Scss(), new Lexers.Rust(), new Lexers.Julia(), new Lexers.Docker(), new Lexers.Liquid(), new Lexers.Markdown(), new Lexers.Powershell(), new Lexers.Sass()];

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

    /// <summary>rouge's <c>Lexer.find_fancy</c>: a lexer by name (options after a <c>?</c> are ignored), or the guess
    /// from the code for <c>guess</c>, an empty name or none; null for a name rouge does not know.</summary>
    public static ILexer? FindFancy(string? name, string? code)
    {
        var lexerName = name?.Split('?', 2)[0];
        return lexerName is null or "" or "guess" ? Guess(code) : FindLexer(lexerName);
    }

    /// <summary>
    /// rouge's <c>Lexer.guess(source:)</c>: the lexers whose <c>detect?</c> accepts the source (a shebang, a doctype,
    /// <c>&lt;?xml</c>, <c>%YAML</c>, a diff header...), the first of them in rouge's order when several do; plain text
    /// when none does (or when the one that does is a lexer we do not have).
    /// </summary>
    public static ILexer Guess(string? source)
    {
        if (source is not null)
            foreach (var (tag, detect) in Detectors)
                if (detect(source)) return FindLexer(tag) ?? FindLexer("plaintext")!;
        return FindLexer("plaintext")!;
    }

    private static string? Shebang(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text, @"\A[ \t\n\v\f\r]*#!(.*)$", System.Text.RegularExpressions.RegexOptions.Multiline);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static bool ShebangIs(string text, string pattern) =>
        Shebang(text) is { } line && System.Text.RegularExpressions.Regex.IsMatch(line, @"\b" + pattern + @"(\s|$)");

    private static string? Doctype(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text, @"\A[ \t\n\v\f\r]*(?:<\?.*?\?>[ \t\n\v\f\r]*)?<!DOCTYPE[ \t\n\v\f\r]+(.+?)>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        return m.Success ? m.Groups[1].Value : null;
    }

    // rouge's detectable lexers in its load order (alphabetical by file); those we lack still claim their sources.
    private static readonly (string Tag, Func<string, bool> Detect)[] Detectors =
    [
        ("awk", t => ShebangIs(t, "awk")),
        ("diff", t => t.StartsWith("Index: ", StringComparison.Ordinal)
                      || System.Text.RegularExpressions.Regex.IsMatch(t, @"\Adiff[^\n]*?\ba/[^\n]*\bb/")
                      || System.Text.RegularExpressions.Regex.IsMatch(t, @"---.*?\n[+][+][+]|[+][+][+].*?\n---")),
        ("html", t => Doctype(t) is { } d ? System.Text.RegularExpressions.Regex.IsMatch(d, @"\bhtml\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                      : !t.StartsWith("<?xml", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(t, @"<[ \t\n\v\f\r]*html\b")),
        ("javascript", t => ShebangIs(t, "node") || ShebangIs(t, "jsc")),
        ("julia", t => ShebangIs(t, "julia")),
        ("lua", t => ShebangIs(t, "lua")),
        ("perl", t => ShebangIs(t, "perl")),
        ("php", t => ShebangIs(t, "php") || t.StartsWith("<?php", StringComparison.Ordinal)),
        ("python", t => ShebangIs(t, @"pythonw?(?:[23](?:\.\d+)?)?")),
        ("r", t => ShebangIs(t, "Rscript")),
        ("ruby", t => ShebangIs(t, "ruby")),
        ("rust", t => ShebangIs(t, "rustc")),
        ("shell", t => ShebangIs(t, "(ba|z|k)?sh")),
        ("tcl", t => ShebangIs(t, "(tcl|wish)")),
        ("tex", t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\A[ \t\n\v\f\r]*\\(documentclass|input|documentstyle|relax|ProvidesPackage|ProvidesClass)")),
        ("xml", t => Doctype(t) is { } d ? !d.Contains("html", StringComparison.Ordinal) : t.StartsWith("<?xml", StringComparison.Ordinal)),
        ("yaml", t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\A[ \t\n\v\f\r]*%YAML")),
    ];

    /// <summary><c>Rouge::Formatters::HTML</c> over the lexer's tokens.</summary>
    public static string FormatHtml(string code, ILexer lexer) => HtmlFormatter.Format(lexer.Lex(code), code.Length);

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
