namespace Homepage.Sass;

/// <summary>A position in a source file, for error messages.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column);

/// <summary>A point of a source file as libsass's source maps count it: 0-based line and column (in characters).</summary>
public readonly record struct SourcePoint(string File, int Line, int Column)
{
    /// <summary>libsass's <c>pstate + offset</c> for a token on one line.</summary>
    public SourcePoint Plus(int columns) => this with { Column = Column + columns };
}

/// <summary>Where a node of the source starts and ends, for source maps.</summary>
public readonly record struct SourceRange(SourcePoint Start, SourcePoint End);

public abstract record Statement(SourceSpan Span);

public sealed record RuleStatement(SourceSpan Span, Interpolated Selector, IReadOnlyList<Statement> Body) : Statement(Span)
{
    /// <summary>The rule from its selector to its closing brace; where its selector text starts (an index into the file);
    /// its block from <c>{</c> to just after <c>}</c>.</summary>
    public SourceRange? Range { get; init; }
    public int SelectorIndex { get; init; } = -1;
    public SourceRange? BlockRange { get; init; }

    /// <summary>Each simple selector of the selector text, by its offset in the text, with the points its source-map
    /// mappings refer to; null when the selector has interpolations (its text is known only when evaluated).</summary>
    public IReadOnlyList<(int Offset, bool Parent, IReadOnlyList<SourcePoint> Points)>? Tokens { get; init; }
}
public sealed record DeclarationStatement(SourceSpan Span, Interpolated Name, string RawValue, Expression Value) : Statement(Span)
{
    public SourceRange? NameRange { get; init; }
    public SourceRange? ValueRange { get; init; }

    /// <summary>A comment was dropped from the value (libsass then prints it computed, not as written).</summary>
    public bool CommentDropped { get; init; }
}
/// <summary>A nested property (<c>font: 12px { family: x; }</c>): its own declaration, if it has a value, and the
/// declarations inside, named with its name and a hyphen before theirs.</summary>
public sealed record NestedPropertyStatement(SourceSpan Span, Interpolated Name, DeclarationStatement? Own, IReadOnlyList<Statement> Body) : Statement(Span);
public sealed record VariableStatement(SourceSpan Span, string Name, Expression Value, bool Default, bool Global) : Statement(Span);
/// <param name="Urls">Each quoted path as written, or a <c>url(...)</c> as written with its expression.</param>
/// <param name="Queries">The media queries after the last one.</param>
public sealed record ImportStatement(SourceSpan Span, IReadOnlyList<(string Raw, Expression? Url)> Urls, Interpolated? Queries) : Statement(Span);
public sealed record MixinStatement(SourceSpan Span, string Name, IReadOnlyList<Parameter> Parameters, IReadOnlyList<Statement> Body) : Statement(Span)
{
    /// <summary>Its body has a <c>@content</c> (it accepts a content block).</summary>
    public bool HasContent { get; init; } = true;
}
public sealed record IncludeStatement(SourceSpan Span, string Name, IReadOnlyList<Argument> Arguments, IReadOnlyList<Statement>? Content) : Statement(Span)
{
    /// <summary>The content block's parameters (<c>using ($a, $b)</c>); null for none.</summary>
    public IReadOnlyList<Parameter>? Using { get; init; }
}
public sealed record ContentStatement(SourceSpan Span) : Statement(Span)
{
    /// <summary>The arguments passed to the content block (<c>@content(a, b)</c>).</summary>
    public IReadOnlyList<Argument> Arguments { get; init; } = [];
}
public sealed record FunctionStatement(SourceSpan Span, string Name, IReadOnlyList<Parameter> Parameters, IReadOnlyList<Statement> Body) : Statement(Span);
public sealed record ReturnStatement(SourceSpan Span, Expression Value) : Statement(Span);
public sealed record IfStatement(SourceSpan Span, IReadOnlyList<(Expression? Condition, IReadOnlyList<Statement> Body)> Clauses) : Statement(Span);
public sealed record EachStatement(SourceSpan Span, IReadOnlyList<string> Variables, Expression List, IReadOnlyList<Statement> Body) : Statement(Span);
public sealed record ForStatement(SourceSpan Span, string Variable, Expression From, Expression To, bool Inclusive, IReadOnlyList<Statement> Body) : Statement(Span);
public sealed record WhileStatement(SourceSpan Span, Expression Condition, IReadOnlyList<Statement> Body) : Statement(Span);
public sealed record MediaStatement(SourceSpan Span, Interpolated Query, IReadOnlyList<Statement> Body) : Statement(Span)
{
    /// <summary>The query as written (its structure is read before its interpolations are evaluated).</summary>
    public string? RawQuery { get; init; }

    /// <summary>The <c>@media</c> keyword; the block from <c>{</c> to just after <c>}</c>.</summary>
    public SourceRange? KeywordRange { get; init; }
    public SourceRange? BlockRange { get; init; }
}
public sealed record AtRuleStatement(SourceSpan Span, string Name, Interpolated Parameters, IReadOnlyList<Statement>? Body) : Statement(Span)
{
    /// <summary>The <c>@name</c> keyword; its parameters as written.</summary>
    public SourceRange? KeywordRange { get; init; }
    public SourceRange? ParametersRange { get; init; }

    /// <summary>For source maps: the block (<c>{</c> to after <c>}</c>).</summary>
    public SourceRange? BlockRange { get; init; }
    /// <summary>An @supports rule's condition, parsed.</summary>
    internal SupportsCondition? Supports { get; init; }
}
public sealed record ExtendStatement(SourceSpan Span, Interpolated Selector, bool Optional) : Statement(Span);
public sealed record CommentStatement(SourceSpan Span, string Text) : Statement(Span)
{
    public SourceRange? Range { get; init; }
    public bool Loud => Text.StartsWith("/*!", StringComparison.Ordinal);
}
public sealed record MessageStatement(SourceSpan Span, string Kind, Expression Value) : Statement(Span);

public sealed record Parameter(string Name, Expression? Default, bool Rest);
public sealed record Argument(string? Name, Expression Value, bool Rest);

/// <summary>Text with <c>#{...}</c> interpolations.</summary>
public sealed record Interpolated(IReadOnlyList<object> Parts)
{
    public bool IsPlain => Parts.All(p => p is string);
    public override string ToString() => string.Concat(Parts.Select(p => p as string ?? "#{...}"));
}

public abstract record Expression
{
    /// <summary>The expression's text in its file, for source maps (a computed value maps to the expression).</summary>
    public SourceRange? Range { get; init; }
}
public sealed record LiteralExpression(SassValue Value) : Expression;
public sealed record VariableExpression(string Name, SourceSpan Span) : Expression;
public sealed record FunctionCallExpression(string Name, IReadOnlyList<Argument> Arguments, SourceSpan Span) : Expression;
/// <param name="Spelling">The operator as written, with a space on either side where the source had one (a slash between
/// two literal numbers prints as written).</param>
public sealed record BinaryExpression(string Operator, Expression Left, Expression Right, string? Spelling = null) : Expression;
public sealed record UnaryExpression(string Operator, Expression Operand) : Expression;
public sealed record ListExpression(IReadOnlyList<Expression> Items, string Separator, bool Bracketed = false) : Expression;
public sealed record MapExpression(IReadOnlyList<(Expression Key, Expression Value)> Entries) : Expression;
public sealed record ParenExpression(Expression Inner) : Expression;
/// <summary><c>&amp;</c> in SassScript: the current selector as a comma list of space lists (null outside a rule).</summary>
public sealed record ParentSelectorExpression : Expression;
public sealed record InterpolatedStringExpression(Interpolated Text, bool Quoted) : Expression;
