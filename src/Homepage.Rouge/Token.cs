namespace Homepage.Rouge;

/// <summary>A rouge token type: its qualified name (<c>Name.Function</c>) and Pygments short class (<c>nf</c>).</summary>
public sealed class Token
{
    private Token(string qualname, string shortname)
    {
        Qualname = qualname;
        Shortname = shortname;
    }

    public string Qualname { get; }
    public string Shortname { get; }

    public override string ToString() => Qualname;

    public static readonly Token Text = new("Text", "");
    public static readonly Token Error = new("Error", "err");
    public static readonly Token Comment = new("Comment", "c");
    public static readonly Token Keyword = new("Keyword", "k");
    public static readonly Token Name = new("Name", "n");
    public static readonly Token Literal = new("Literal", "l");
    public static readonly Token LiteralString = new("Literal.String", "s");
    public static readonly Token LiteralNumber = new("Literal.Number", "m");
    public static readonly Token Operator = new("Operator", "o");
    public static readonly Token Punctuation = new("Punctuation", "p");
}
