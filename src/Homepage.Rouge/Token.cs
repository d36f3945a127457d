namespace Homepage.Rouge;

/// <summary>A rouge token type: its qualified name (<c>Name.Function</c>) and Pygments short class (<c>nf</c>).</summary>
public sealed partial class Token
{
    private static readonly Dictionary<string, Token> ByName = Table.ToDictionary(t => t.Qualname, t => new Token(t.Qualname, t.Shortname), StringComparer.Ordinal);

    private Token(string qualname, string shortname)
    {
        Qualname = qualname;
        Shortname = shortname;
    }

    public string Qualname { get; }
    public string Shortname { get; }

    public override string ToString() => Qualname;

    /// <summary>The token of a qualified name (<c>Literal.String.Double</c>); rouge's short aliases (<c>Str</c>, <c>Num</c>) are accepted.</summary>
    public static Token Get(string qualname)
    {
        if (ByName.TryGetValue(qualname, out var token)) return token;
        var expanded = qualname.Replace("Str.", "Literal.String.").Replace("Num.", "Literal.Number.");
        if (qualname == "Str") expanded = "Literal.String";
        if (qualname == "Num") expanded = "Literal.Number";
        return ByName.TryGetValue(expanded, out token) ? token : throw new ArgumentException("unknown rouge token " + qualname);
    }

    public static readonly Token Text = Get("Text");
    public static readonly Token Error = Get("Error");
    public static readonly Token Comment = Get("Comment");
    public static readonly Token Keyword = Get("Keyword");
    public static readonly Token Name = Get("Name");
    public static readonly Token Literal = Get("Literal");
    public static readonly Token LiteralString = Get("Literal.String");
    public static readonly Token LiteralNumber = Get("Literal.Number");
    public static readonly Token Operator = Get("Operator");
    public static readonly Token Punctuation = Get("Punctuation");
}
