namespace Homepage.Rouge;

/// <summary>A rouge lexer: a tag, aliases, and the token stream of a text.</summary>
public interface ILexer
{
    string Tag { get; }
    IReadOnlyList<string> Aliases { get; }
    IEnumerable<(Token Token, string Value)> Lex(string text);
}
