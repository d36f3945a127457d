using System.Text.RegularExpressions;

namespace Homepage.Rouge.Lexers;

/// <summary>
/// rouge 3.30's <c>ConsoleLexer</c> (<c>console</c>, <c>terminal</c>, <c>shell_session</c>) with its default options: a
/// line up to a prompt character (<c>$ # &gt; ;</c>) is a prompt followed by shell code, continuing the shell lexer
/// across prompt lines; other lines are program output, and <c>...</c> lines are snips.
/// </summary>
public sealed class Console : ILexer
{
    private static readonly Shell ShellLexer = new();
    private static readonly Regex Snip = new(@"\A[ \t\n\v\f\r]*(?:<[.]+>|[.]+)[ \t\n\v\f\r]*\z", RegexOptions.CultureInvariant);
    private static readonly Regex Prompt = new(@"^(?s:.*?)(?:\$|\#|>|;)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex LeadingSpace = new(@"\A[ \t\n\v\f\r]*", RegexOptions.CultureInvariant);

    public string Tag => "console";
    public IReadOnlyList<string> Aliases { get; } = ["terminal", "shell_session", "shell-session"];

    public IEnumerable<(Token Token, string Value)> Lex(string text) => RegexLexer.Consolidate(Stream(text));

    private static IEnumerable<(Token, string)> Stream(string text)
    {
        var shell = ShellLexer.StartRun();
        var comment = Token.Get("Comment");
        var prompt = Token.Get("Generic.Prompt");
        var whitespace = Token.Get("Text.Whitespace");
        var output = Token.Get("Generic.Output");
        var pos = 0;
        while (pos < text.Length)
        {
            // (.*?)(\n|$): the line with its newline
            var nl = text.IndexOf('\n', pos);
            var line = nl < 0 ? text[pos..] : text[pos..(nl + 1)];
            pos += line.Length;
            if (line.Length == 0) break;

            if (Snip.IsMatch(line))
            {
                shell.Reset();
                yield return (comment, line);
                continue;
            }
            var m = Prompt.Match(line);
            if (m.Success)
            {
                yield return (prompt, m.Value);
                var rest = line[m.Length..];
                var space = LeadingSpace.Match(rest).Value;
                if (space.Length > 0) yield return (whitespace, space);
                foreach (var token in RegexLexer.Consolidate(shell.Stream(rest[space.Length..])))
                    yield return token;
                continue;
            }
            shell.Reset();
            yield return (output, line);
        }
    }
}
