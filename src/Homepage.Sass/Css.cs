namespace Homepage.Sass;

/// <summary>The CSS tree the evaluator produces and the emitter prints.</summary>
internal abstract class CssNode;

internal sealed class CssRule : CssNode
{
    public CssRule(List<string> selectors) => Selectors = selectors;
    public List<string> Selectors { get; set; }

    /// <summary>The selectors written after a line break (printed on a line of their own in the nested and expanded styles).</summary>
    public IReadOnlySet<string>? Breaks { get; set; }
    public List<(string Property, string Value)> Declarations { get; } = new();
}

internal sealed class CssMedia : CssNode
{
    public CssMedia(string query) => Query = query;
    public string Query { get; }
    public List<CssNode> Children { get; } = new();
}

internal sealed class CssAtRule : CssNode
{
    public CssAtRule(string name, string parameters, bool hasBody)
    {
        Name = name;
        Parameters = parameters;
        HasBody = hasBody;
    }

    public string Name { get; }
    public string Parameters { get; }
    public bool HasBody { get; }
    public List<CssNode> Children { get; } = new();
    public List<(string Property, string Value)> Declarations { get; } = new();
}

internal sealed class CssComment : CssNode
{
    public CssComment(string text) => Text = text;
    public string Text { get; }
}
