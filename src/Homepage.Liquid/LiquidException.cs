namespace Homepage.Liquid;

/// <summary>
/// A Liquid syntax or render error. <see cref="Exception.Message"/> reads as Liquid 5.4's own
/// (e.g. <c>Liquid syntax error (line 3): Unknown tag 'foo'</c>); <see cref="Path"/> is the template's
/// path as given to <see cref="LiquidEnvironment.Parse"/> (or the include it happened in).
/// </summary>
public class LiquidException : Exception
{
    public LiquidException(string message, string? path = null, int? line = null, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
        Line = line;
    }

    public string? Path { get; }
    public int? Line { get; }
    public bool IsSyntaxError { get; init; }
}
