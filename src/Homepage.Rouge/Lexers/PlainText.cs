namespace Homepage.Rouge.Lexers;

/// <summary>rouge's <c>PlainText</c> lexer (<c>plaintext</c>, <c>text</c>): the whole input as one Text token.</summary>
public sealed class PlainText : ILexer
{
    public string Tag => "plaintext";
    public IReadOnlyList<string> Aliases { get; } = ["text"];

    public IEnumerable<(Token Token, string Value)> Lex(string text)
    {
        yield return (Token.Text, text);
    }
}
