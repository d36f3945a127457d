namespace Homepage.Sass;

/// <summary>The CSS tree the evaluator produces and the emitter prints.</summary>
internal abstract class CssNode
{
    /// <summary>The nested style's extra indentation: one level for each enclosing rule that has declarations of its
    /// own (libsass's tabs).</summary>
    public int Tabs { get; set; }
}

internal sealed class CssRule : CssNode
{
    public CssRule(List<string> selectors) => Selectors = selectors;
    public List<string> Selectors { get; set; }

    /// <summary>The selectors written after a line break (printed on a line of their own in the nested and expanded styles).</summary>
    public IReadOnlySet<string>? Breaks { get; set; }
    public List<CssDeclaration> Declarations { get; } = new();

    /// <summary>For source maps: the rule in its file (selector to closing brace) and its block (<c>{</c> to after <c>}</c>).</summary>
    public SourceRange? Range { get; set; }
    public SourceRange? BlockRange { get; set; }

    /// <summary>For source maps: for each selector, the points its simple selectors' mappings refer to.</summary>
    public Dictionary<string, IReadOnlyList<IReadOnlyList<SourcePoint>>>? SelectorTokens { get; set; }

    /// <summary>A keyframe of <c>@keyframes</c> (libsass maps its selector, not its block).</summary>
    public bool IsKeyframe { get; set; }

    /// <summary>A rule of the same selectors, positions and tokens (a rule bubbled into a media block).</summary>
    public CssRule Copy() => new(Selectors.ToList()) { Breaks = Breaks, Range = Range, BlockRange = BlockRange, SelectorTokens = SelectorTokens };
}

/// <summary>A declaration; for source maps, where its property name was written and the source of each token of its value
/// (a token's start and end in <see cref="Value"/>).</summary>
internal sealed record CssDeclaration(string Property, string Value)
{
    /// <summary>A comment inside the rule (its text in <see cref="Value"/>), printed among the declarations.</summary>
    public bool IsComment { get; init; }

    /// <summary>The nested style's extra indentation of a nested property (<c>font: bold { family: x }</c>).</summary>
    public int Tabs { get; init; }

    /// <summary>For source maps: a comment's place.</summary>
    public SourceRange? CommentRange { get; init; }

    public SourceRange? NameRange { get; init; }
    public IReadOnlyList<(int Start, int End, SourceRange Range)>? ValueTokens { get; init; }

    /// <summary>A custom property: its value holds its own whitespace (printed after a bare colon).</summary>
    public bool IsCustomProperty { get; init; }

    /// <summary>What separates the property from the value in the expanded, nested and compact styles.</summary>
    public string Colon => IsCustomProperty ? ":" : ": ";
}

internal sealed class CssMedia : CssNode
{
    public CssMedia(string query) => Query = query;
    public string Query { get; }
    public List<CssNode> Children { get; } = new();

    /// <summary>For source maps: the <c>@media</c> keyword, and the block (the enclosing rule's, when the media block bubbled out of one).</summary>
    public SourceRange? KeywordRange { get; set; }
    public SourceRange? BlockRange { get; set; }
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
    public List<CssDeclaration> Declarations { get; } = new();

    /// <summary>For source maps: the <c>@name</c> keyword and the parameters.</summary>
    public SourceRange? KeywordRange { get; init; }
    public SourceRange? ParametersRange { get; init; }
}

internal sealed class CssComment : CssNode
{
    public CssComment(string text) => Text = text;
    public string Text { get; }
    public SourceRange? Range { get; init; }
}
