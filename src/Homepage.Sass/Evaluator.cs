using System.Text;

namespace Homepage.Sass;

/// <summary>
/// Evaluates a stylesheet: variables and scopes, imports, mixins and functions, control flow, nesting with
/// <c>&amp;</c>, media bubbling and <c>@extend</c>, producing the CSS tree.
/// </summary>
internal sealed partial class Evaluator
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\(\s*([\w-]+)\s*:\s*([^()]*(?:\([^()]*\)[^()]*)*)\)")]
    private static partial System.Text.RegularExpressions.Regex MediaFeatures();

    private readonly SassOptions _options;
    private readonly bool _compressed;
    /// <summary>The variable scopes visible here, global first. A mixin or function body sees the global scope and its
    /// own (Sass scopes are lexical), not its caller's; a <c>@content</c> block sees its caller's again.</summary>
    private List<Dictionary<string, SassValue>> _scopes = [new(StringComparer.Ordinal)];
    private readonly Dictionary<string, MixinStatement> _mixins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionStatement> _functions = new(StringComparer.Ordinal);
    private readonly Stack<(IReadOnlyList<Statement>? Content, List<Dictionary<string, SassValue>> Scopes)> _contentStack = new();
    private readonly List<string> _importStack = new();
    private int _depth;

    public Evaluator(SassOptions options)
    {
        _options = options;
        _compressed = options.Style == SassOutputStyle.Compressed;
    }

    public List<CssNode> Root { get; } = new();

    /// <summary>Where output goes while evaluating: the container, the parent selectors and the rule collecting declarations.</summary>
    /// <param name="Breaks">The selectors of <paramref name="Selectors"/> written after a line break (libsass keeps the break
    /// in the nested and expanded styles).</param>
    /// <param name="AtRootParents">Inside <c>@at-root { }</c>: the selectors it left, which <c>&amp;</c> still means.</param>
    /// <param name="Owner">The rule whose selectors <paramref name="Selectors"/> are (its source-map positions go to the rules
    /// made for them in media blocks and at-rules).</param>
    private sealed record Context(List<CssNode> Container, List<string> Selectors, CssRule? Rule, string? Media, string File, IReadOnlySet<string>? Breaks = null,
        List<string>? AtRootParents = null, CssRule? Owner = null);

    /// <summary>A rule of the context's selectors (with their source-map positions), for declarations inside a media block or at-rule.</summary>
    private static CssRule RuleOfContext(Context context) =>
        context.Owner is { } owner && owner.Selectors.SequenceEqual(context.Selectors)
            ? new CssRule(context.Selectors.ToList()) { Breaks = context.Breaks, Range = owner.Range, BlockRange = owner.BlockRange, SelectorTokens = owner.SelectorTokens }
            : new CssRule(context.Selectors.ToList()) { Breaks = context.Breaks };

    /// <summary>The files imported, in the order they were read, with their text (a source map's sources).</summary>
    public List<(string Path, string Text)> ImportedFiles { get; } = new();

    public void Run(IReadOnlyList<Statement> statements, string file)
    {
        try
        {
            Evaluate(statements, new Context(Root, [], null, null, file));
        }
        catch (ReturnSignal)
        {
            throw new SassException($"Error: @return may only be used within a function\n        in {file}", file, 0, 0);
        }
        ApplyExtends(Root);
        if (_options.SourceMap) MapExtendedSelectors(Root);
    }

    /// <summary>A selector @extend added to a rule maps to where the extending rule's selector was written.</summary>
    private static void MapExtendedSelectors(List<CssNode> root)
    {
        var known = new Dictionary<string, IReadOnlyList<IReadOnlyList<SourcePoint>>>(StringComparer.Ordinal);
        var rules = new List<CssRule>();
        void Collect(List<CssNode> nodes)
        {
            foreach (var node in nodes)
                switch (node)
                {
                    case CssRule rule:
                        rules.Add(rule);
                        if (rule.SelectorTokens is { } tokens)
                            foreach (var (selector, ranges) in tokens) known.TryAdd(selector, ranges);
                        break;
                    case CssMedia media: Collect(media.Children); break;
                    case CssAtRule at: Collect(at.Children); break;
                }
        }
        Collect(root);
        foreach (var rule in rules)
        {
            foreach (var selector in rule.Selectors)
            {
                if (rule.SelectorTokens?.ContainsKey(selector) == true || !known.TryGetValue(selector, out var ranges)) continue;
                rule.SelectorTokens = new Dictionary<string, IReadOnlyList<IReadOnlyList<SourcePoint>>>(rule.SelectorTokens ?? [], StringComparer.Ordinal) { [selector] = ranges };
            }
        }
    }

    private void Evaluate(IReadOnlyList<Statement> statements, Context context)
    {
        var outer = _selectors;
        _selectors = context.Selectors;
        try
        {
            foreach (var statement in statements)
                if (EvaluateStatement(statement, context) is { } returned)
                    throw new ReturnSignal(returned);
        }
        finally
        {
            _selectors = outer;
        }
    }

    /// <summary>Inside a control directive, mixin or function: no @mixin or @function may be defined there (libsass).</summary>
    private int _definitionsForbidden;

    private static SassException Located(string message, SourceSpan span) => LocatedAs($"Error: {message}", span);

    /// <summary>An error (its message starting <c>Error:</c>) placed where libsass names it: line, column and file.</summary>
    internal static SassException LocatedAs(string error, SourceSpan span) =>
        new($"{error}\n        on line {span.Line}:{span.Column} of {span.File}", span.File, span.Line, span.Column);

    /// <summary>The selectors of the rule being evaluated (what <c>&amp;</c> means in SassScript).</summary>
    private List<string> _selectors = [];

    /// <summary>@if, @each, @for and @while (no mixin or function may be defined inside them).</summary>
    private SassValue? EvaluateControl(Statement statement, Context context)
    {
        switch (statement)
        {
            case IfStatement ifs:
                foreach (var (condition, body) in ifs.Clauses)
                {
                    if (condition is not null && !Eval(condition).IsTruthy) continue;
                    return EvaluateScoped(body, context);
                }
                return null;
            case EachStatement each:
            {
                var list = Strip(Eval(each.List));
                IEnumerable<SassValue> items = list switch
                {
                    SassMap map => map.Entries.Select(e => (SassValue)new SassList([e.Key, e.Value], " ")),
                    SassList l => l.Items,
                    _ => [list],
                };
                foreach (var item in items)
                {
                    PushScope();
                    try
                    {
                        if (each.Variables.Count == 1) SetLocal(each.Variables[0], item);
                        else
                        {
                            var parts = item is SassList pl ? pl.Items : [item];
                            for (var k = 0; k < each.Variables.Count; k++) SetLocal(each.Variables[k], k < parts.Count ? parts[k] : SassNull.Instance);
                        }
                        foreach (var s in each.Body)
                            if (EvaluateStatement(s, context) is { } r) return r;
                    }
                    finally { PopScope(); }
                }
                return null;
            }
            case ForStatement f:
            {
                var fromNumber = Number(Eval(f.From));
                var toNumber = Number(Eval(f.To));
                // libsass: both ends in the same units, which the counter keeps
                if (fromNumber.Unit != toNumber.Unit)
                    throw new SassException($"Error: Incompatible units: '{fromNumber.Unit}' and '{toNumber.Unit}'.\n        on line {f.Span.Line}:{f.Span.Column} of {f.Span.File}", f.Span.File, f.Span.Line, f.Span.Column);
                var fromValue = fromNumber.Value;
                var toValue = toNumber.Value;
                // libsass would loop for ever over a range this long; stop with an error instead, as @while does.
                if (Math.Abs(toValue - fromValue) > 100_000 || Math.Abs(fromValue) > int.MaxValue / 2 || Math.Abs(toValue) > int.MaxValue / 2)
                    throw new SassException($"Error: @for would run more than 100000 times ({fromValue} to {toValue})", f.Span.File, f.Span.Line, f.Span.Column);
                var from = (int)fromValue;
                var to = (int)toValue;
                var step = from <= to ? 1 : -1;
                var end = f.Inclusive ? to + step : to;
                for (var i = from; i != end; i += step)
                {
                    PushScope();
                    try
                    {
                        SetLocal(f.Variable, new SassNumber(i, fromNumber.Unit));
                        foreach (var s in f.Body)
                            if (EvaluateStatement(s, context) is { } r) return r;
                    }
                    finally { PopScope(); }
                }
                return null;
            }
            case WhileStatement w:
            {
                var guard = 0;
                while (Eval(w.Condition).IsTruthy)
                {
                    if (++guard > 100_000) throw new SassException("Error: @while ran more than 100000 times", w.Span.File, w.Span.Line, w.Span.Column);
                    foreach (var s in w.Body)
                        if (EvaluateStatement(s, context) is { } r) return r;
                }
                return null;
            }
        }
        return null;
    }

    private sealed class ReturnSignal(SassValue value) : Exception
    {
        public SassValue Value { get; } = value;
    }

    private SassValue? EvaluateStatement(Statement statement, Context context)
    {
        if (++_depth > 512) throw new SassException("Error: stack level too deep", statement.Span.File, statement.Span.Line, statement.Span.Column);
        try
        {
            switch (statement)
            {
                case VariableStatement v:
                    Assign(v);
                    return null;
                case CommentStatement c:
                    if (_compressed && !c.Loud) return null;
                    // a comment inside a rule stays there, among its declarations
                    if (context.Rule is not null) context.Rule.Declarations.Add(new CssDeclaration("", c.Text) { IsComment = true, CommentRange = c.Range });
                    else context.Container.Add(new CssComment(c.Text) { Range = c.Range });
                    return null;
                case DeclarationStatement d:
                    Declare(d, context);
                    return null;
                case RuleStatement r:
                    Rule(r, context);
                    return null;
                case MediaStatement m:
                    Media(m, context);
                    return null;
                case ImportStatement i:
                    Import(i, context);
                    return null;
                case MixinStatement m:
                    if (_definitionsForbidden > 0) throw Located("Mixins may not be defined within control directives or other mixins.", m.Span);
                    _mixins[m.Name.Replace('_', '-')] = m;
                    return null;
                case FunctionStatement f:
                    if (_definitionsForbidden > 0) throw Located("Functions may not be defined within control directives or other mixins.", f.Span);
                    // libsass's check_nesting: no rules, declarations, at-rules or includes directly in a function
                    if (NotInFunction(f.Body) is { } child) throw Located("Functions can only contain variable declarations and control directives.", child.Span);
                    _functions[f.Name.Replace('_', '-')] = f;
                    return null;
                case IfStatement or EachStatement or ForStatement or WhileStatement:
                    _definitionsForbidden++;
                    try
                    {
                        return EvaluateControl(statement, context);
                    }
                    finally
                    {
                        _definitionsForbidden--;
                    }
                case IncludeStatement inc:
                    Include(inc, context);
                    return null;
                case ContentStatement:
                    if (_contentStack.Count > 0 && _contentStack.Peek().Content is { } content)
                    {
                        var (_, callerScopes) = _contentStack.Pop();
                        var mixinScopes = _scopes;
                        _scopes = callerScopes;
                        try { EvaluateScoped(content, context); }
                        finally
                        {
                            _scopes = mixinScopes;
                            _contentStack.Push((content, callerScopes));
                        }
                    }
                    return null;
                case ReturnStatement ret:
                    return VariableValue(Eval(ret.Value)); // a colour literal keeps its spelling through @return
                case ExtendStatement e:
                    RecordExtend(e, Interpolate(e.Selector), context);
                    return null;
                case MessageStatement m:
                    if (m.Kind == "error") throw new SassException("Error: " + Eval(m.Value).ToCss(false), m.Span.File, m.Span.Line, m.Span.Column);
                    Eval(m.Value); // @warn and @debug print nothing here, but their errors stop the compile
                    return null;
                case AtRuleStatement { Name: "at-root", Body: { } body } at:
                {
                    // @at-root leaves the enclosing rules (not the media query): its rules resolve from the root
                    var root = context with { Selectors = [], Rule = null, Breaks = null, AtRootParents = context.Selectors.Count > 0 ? context.Selectors : context.AtRootParents };
                    var query = Interpolate(at.Parameters).Trim();
                    if (query.Length == 0 || query.StartsWith('('))
                        EvaluateScoped(body, root);
                    else
                        Rule(new RuleStatement(at.Span, new Interpolated([query]), body), root);
                    return null;
                }
                case AtRuleStatement at:
                    AtRule(at, context);
                    return null;
            }
            return null;
        }
        finally
        {
            _depth--;
        }
    }

    private SassValue? EvaluateScoped(IReadOnlyList<Statement> body, Context context)
    {
        foreach (var s in body)
            if (EvaluateStatement(s, context) is { } r) return r;
        return null;
    }

    // ---- variables -----------------------------------------------------------------------------------------------

    private void PushScope() => _scopes.Add(new Dictionary<string, SassValue>(StringComparer.Ordinal));
    private void PopScope() => _scopes.RemoveAt(_scopes.Count - 1);
    private void SetLocal(string name, SassValue value) => _scopes[^1][name.Replace('_', '-')] = value;

    private void Assign(VariableStatement v)
    {
        var name = v.Name.Replace('_', '-');
        if (v.Default && Lookup(name) is { } existing && existing is not SassNull) return;
        var value = VariableValue(Eval(v.Value));
        if (v.Global || _scopes.Count == 1) { _scopes[0][name] = value; return; }
        for (var i = _scopes.Count - 1; i >= 1; i--)
            if (_scopes[i].ContainsKey(name)) { _scopes[i][name] = value; return; }
        if (_scopes[0].ContainsKey(name) && !v.Default) { _scopes[0][name] = value; return; }
        _scopes[^1][name] = value;
    }

    private SassValue? Lookup(string name)
    {
        name = name.Replace('_', '-');
        for (var i = _scopes.Count - 1; i >= 0; i--)
            if (_scopes[i].TryGetValue(name, out var v)) return v;
        return null;
    }

    /// <summary>A value as a variable holds it: computed, except that libsass keeps a colour literal's spelling
    /// when it does not minimise colours (outside compressed output), and inside a list even then.</summary>
    private SassValue VariableValue(SassValue value) => _compressed && value is OriginalColor c ? c.Color : StripNumbers(value);

    private static SassValue StripNumbers(SassValue value) => value switch
    {
        OriginalNumber n => n.Number,
        SassList l => new SassList(l.Items.Select(StripNumbers).ToList(), l.Separator, l.Bracketed),
        _ => value,
    };

    /// <summary>Values read from variables or returned by functions print as computed values, not as written.</summary>
    internal static SassValue Strip(SassValue value) => value switch
    {
        OriginalNumber n => n.Number,
        OriginalColor c => c.Color,
        SassList l => new SassList(l.Items.Select(Strip).ToList(), l.Separator, l.Bracketed),
        _ => value,
    };

    // ---- rules, declarations, media -------------------------------------------------------------------------------

    private void Rule(RuleStatement r, Context context)
    {
        var own = Selectors.CheckAttributes(Interpolate(r.Selector));
        var selectors = ResolveSelectors(context.Selectors, own, context.Breaks, out var breaks, context.AtRootParents);
        var rule = new CssRule(selectors) { Breaks = breaks, Range = r.Range, BlockRange = r.BlockRange };
        if (_options.SourceMap) rule.SelectorTokens = MappedSelectorTokens(r, own, context);
        RecordRule(rule, selectors, context.Media);
        context.Container.Add(rule);
        PushScope();
        try
        {
            Evaluate(r.Body, context with { Selectors = selectors, Rule = rule, Breaks = breaks, AtRootParents = null, Owner = rule });
        }
        finally { PopScope(); }
    }

    internal static List<string> ResolveSelectors(List<string> parents, string own) => ResolveSelectors(parents, own, null, out _);

    private static SourcePoint TextPoint(string text, int index, string file)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0) lineStart = 0;
        return new SourcePoint(file, text.AsSpan(0, lineStart).Count('\n'), index - lineStart);
    }

    /// <summary>For source maps: where the simple selectors of each selector of rule <paramref name="r"/> were written, the
    /// parent's tokens standing in for <c>&amp;</c> (as <see cref="ResolveSelectors(List{string}, string, IReadOnlySet{string}?, out HashSet{string}, List{string}?)"/>
    /// joins the texts).</summary>
    private static Dictionary<string, IReadOnlyList<IReadOnlyList<SourcePoint>>>? MappedSelectorTokens(RuleStatement r, string own, Context context)
    {
        var tokens = r.Tokens;
        if (tokens is null && r.SelectorIndex >= 0)
        {
            // libsass parses an interpolated selector again from its evaluated text, as a file of its own: its simple
            // selectors are placed at their line and column in that text (a source map points into line 1 of the file)
            tokens = SourceMaps.SimpleSelectors(own).Select(t => (t.Start, t.Parent,
                (IReadOnlyList<SourcePoint>)t.Marks.Select(m => TextPoint(own, m.Point, r.Span.File)).ToList())).ToList();
        }
        if (tokens is null) return null;
        var result = new Dictionary<string, IReadOnlyList<IReadOnlyList<SourcePoint>>>(StringComparer.Ordinal);
        var offset = 0;
        foreach (var part in Parser.SplitTopLevel(own, ','))
        {
            var partStart = offset;
            offset += part.Length + 1;
            var text = part.Trim();
            if (text.Length == 0) continue;
            var mine = tokens.Where(t => t.Offset >= partStart && t.Offset < partStart + part.Length).ToList();
            if (context.Selectors.Count == 0)
            {
                if (!text.Contains('&')) result.TryAdd(text, mine.Select(t => t.Points).ToList());
                continue;
            }
            foreach (var parent in context.Selectors)
            {
                if (context.Owner?.SelectorTokens?.GetValueOrDefault(parent) is not { } parentTokens) continue;
                if (!text.Contains('&'))
                {
                    result.TryAdd(parent + " " + text, [.. parentTokens, .. mine.Select(t => t.Points)]);
                    continue;
                }
                // as SubstituteParents: the first & is this parent, any later one each of the parents in turn
                var segments = text.Split('&');
                var choices = new List<List<string>> { new() { parent } };
                for (var n = 2; n < segments.Length; n++)
                    choices = choices.SelectMany(c => context.Selectors.Select(p => new List<string>(c) { p })).ToList();
                foreach (var choice in choices)
                {
                    if (choice.Any(p => context.Owner?.SelectorTokens?.ContainsKey(p) != true)) continue;
                    var joinedText = new System.Text.StringBuilder(segments[0]);
                    for (var n = 0; n < choice.Count; n++) joinedText.Append(choice[n]).Append(segments[n + 1]);
                    var joined = new List<IReadOnlyList<SourcePoint>>();
                    var reference = 0;
                    foreach (var t in mine)
                    {
                        if (t.Parent) joined.AddRange(context.Owner!.SelectorTokens![choice[Math.Min(reference++, choice.Count - 1)]]);
                        else joined.Add(t.Points);
                    }
                    result.TryAdd(joinedText.ToString(), joined);
                }
            }
        }
        return result;
    }

    /// <summary>The selectors of a rule inside <paramref name="parents"/>; <paramref name="breaks"/> gets those to print after a
    /// line break: libsass keeps a break written before its parent, and one written before a selector without <c>&amp;</c>.</summary>
    private static List<string> ResolveSelectors(List<string> parents, string own, IReadOnlySet<string>? parentBreaks, out HashSet<string> breaks,
        List<string>? atRootParents = null)
    {
        breaks = new HashSet<string>(StringComparer.Ordinal);
        var children = new List<(string Text, bool Break)>();
        foreach (var part in Parser.SplitTopLevel(own, ','))
        {
            var text = part.Trim();
            if (text.Length == 0) continue;
            var leading = part[..part.IndexOf(text[0])];
            children.Add((text, leading.Contains('\n')));
        }
        var result = new List<string>();
        if (parents.Count == 0)
        {
            foreach (var (text, lineBreak) in children)
            {
                if (text.Contains('&') && atRootParents is { Count: > 0 })
                {
                    // inside @at-root { }, & still means the selector left behind
                    result.AddRange(SubstituteParents(text, atRootParents));
                    continue;
                }
                if (text.Contains('&')) throw new SassException("Error: Top-level selectors may not contain the parent selector \"&\".");
                result.Add(text);
                if (lineBreak) breaks.Add(text);
            }
            return result;
        }
        foreach (var parent in parents)
            foreach (var (text, lineBreak) in children)
            {
                if (ParentsOnlyInsideParentheses(text))
                {
                    // :not(&-c) in .a, .b is :not(.a-c, .b-c), once, with no parent before it
                    if (ReferenceEquals(parent, parents[0])) result.Add(ResolveInnerParents(text, parents));
                    continue;
                }
                var parentBreak = parentBreaks?.Contains(parent) == true;
                // a selector with & takes its parent's line break; one without keeps its own as well
                if (!text.Contains('&'))
                {
                    var descendant = parent + " " + text;
                    result.Add(descendant);
                    if (parentBreak || lineBreak) breaks.Add(descendant);
                    continue;
                }
                foreach (var selector in SubstituteParents(text, [parent], parents))
                {
                    result.Add(selector);
                    if (parentBreak) breaks.Add(selector);
                }
            }
        return result;
    }

    private static bool ParentsOnlyInsideParentheses(string text)
    {
        var depth = 0;
        var inside = false;
        foreach (var c in text)
        {
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '&')
            {
                if (depth == 0) return false;
                inside = true;
            }
        }
        return inside;
    }

    /// <summary>The selector lists in parentheses that hold <c>&amp;</c>, resolved against all the parents.</summary>
    private static string ResolveInnerParents(string text, List<string> parents)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '(')
            {
                sb.Append(text[i]);
                continue;
            }
            var depth = 0;
            var end = i;
            for (; end < text.Length; end++)
            {
                if (text[end] == '(') depth++;
                else if (text[end] == ')' && --depth == 0) break;
            }
            var inner = text[(i + 1)..Math.Min(end, text.Length)];
            sb.Append('(').Append(inner.Contains('&') ? string.Join(", ", ResolveSelectors(parents, inner)) : inner).Append(')');
            i = end;
        }
        return sb.ToString();
    }

    /// <summary>Each <c>&amp;</c> of <paramref name="text"/> replaced: the first by each of <paramref name="first"/>, any later one
    /// by each of <paramref name="all"/> (<c>ul, ol { &amp; &amp; {} }</c> gives <c>ul ul, ul ol, ol ul, ol ol</c>).</summary>
    private static IEnumerable<string> SubstituteParents(string text, List<string> first, List<string>? all = null)
    {
        var at = text.IndexOf('&');
        var rest = text[(at + 1)..];
        foreach (var parent in first)
        {
            if (!rest.Contains('&'))
            {
                yield return text[..at] + parent + rest;
                continue;
            }
            foreach (var tail in SubstituteParents(rest, all ?? first, all))
                yield return text[..at] + parent + tail;
        }
    }

    private void Declare(DeclarationStatement d, Context context)
    {
        try
        {
            DeclareUnlocated(d, context);
        }
        catch (SassException e) when (e.Line == 0)
        {
            throw LocatedAs(e.Message, d.Span);
        }
    }

    private void DeclareUnlocated(DeclarationStatement d, Context context)
    {
        var name = Interpolate(d.Name);
        string text;
        IReadOnlyList<(int, int, SourceRange)>? tokens = null;
        // (a name that starts with -- only once interpolated is an ordinary declaration, as libsass parses it)
        var custom = d.Name.Parts.Count > 0 && d.Name.Parts[0] is string written && written.StartsWith("--", StringComparison.Ordinal);
        if (custom)
        {
            // a custom property's value is kept as written, with only its interpolations evaluated
            text = Interpolate(new Parser(d.RawValue, d.Span.File).ParseInterpolated(d.RawValue, d.Span));
            if (text.Length == 0) throw new SassException($"Error: Custom property values may not be empty.\n        on line {d.Span.Line}:{d.Span.Column} of {d.Span.File}", d.Span.File, d.Span.Line, d.Span.Column);

        }
        else
        {
            _slashKeeps = true;
            SassValue value;
            try
            {
                value = Eval(d.Value);
            }
            finally
            {
                _slashKeeps = false;
            }
            if (value is SassNull || value is SassList { Items.Count: 0, Bracketed: false }) return;
            // libsass prints a value of literals only as written; in any other value a number prints as computed
            if (IsStatic(d.Value))
            {
                text = StaticCss(d.RawValue);
                if (d.ValueRange is { } whole) tokens = [(0, text.Length, whole)];
            }
            else
            {
                var css = StripNumbers(value);
                text = ValueToCss(css);
                if (_options.SourceMap) tokens = SourceMaps.ValueTokens(css, _compressed, text);
            }
        }
        if (text.Length == 0) return;
        var declaration = new CssDeclaration(name, text) { NameRange = d.NameRange, ValueTokens = tokens, IsCustomProperty = custom };
        if (context.Rule is null)
        {
            // a declaration at the top of a media block or at-rule: attach to the nearest rule-less container
            var rule = RuleOfContext(context);
            RecordRule(rule, context.Selectors, context.Media);
            context.Container.Add(rule);
            rule.Declarations.Add(declaration);
            return;
        }
        context.Rule.Declarations.Add(declaration);
    }

    /// <summary>libsass's static declaration value: literals, lists of them and slashes between them, nothing to evaluate.</summary>
    private static bool IsStatic(Expression expression) => expression switch
    {
        LiteralExpression => true,
        ListExpression list => list.Items.All(IsStatic),
        BinaryExpression { Operator: "/" } b => b.Left is LiteralExpression or BinaryExpression { Operator: "/" } && IsStatic(b.Left) && b.Right is LiteralExpression,
        _ => false,
    };

    /// <summary>A static value as libsass prints it: as written, a line break and the spaces around it made one space.</summary>
    /// <summary>A media query as an import's condition: a type (after only/not) or a feature in parentheses, then
    /// <c>and (feature)</c>s; no function calls, strings or stray words.</summary>
    private static bool ValidMediaQuery(string query)
    {
        var tokens = new List<string>();
        for (var k = 0; k < query.Length;)
        {
            var c = query[k];
            if (char.IsWhiteSpace(c)) { k++; continue; }
            if (c == '(')
            {
                k = Parser.ParenEnd(query, k);
                tokens.Add("()");
                continue;
            }
            if (!char.IsLetter(c) && c is not '-' and not '_') return false;
            var start = k;
            while (k < query.Length && (char.IsLetterOrDigit(query[k]) || query[k] is '-' or '_')) k++;
            var word = query[start..k].ToLowerInvariant();
            if (k < query.Length && query[k] == '(' && word != "and") return false;
            tokens.Add(word == "and" ? "and" : "word");
        }
        var t = 0;
        if (t < tokens.Count && tokens[t] == "()") t++;
        else
        {
            var words = 0;
            while (t < tokens.Count && tokens[t] == "word" && words < 2) { t++; words++; }
            if (words == 0) return false;
        }
        while (t + 1 < tokens.Count && tokens[t] == "and" && tokens[t + 1] == "()") t += 2;
        return t == tokens.Count;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex ImportSpaces();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\s)and\(")]
    private static partial System.Text.RegularExpressions.Regex MediaAnd();

    private static string StaticCss(string raw) => StaticLineBreaks().Replace((raw.Contains("/*", StringComparison.Ordinal) ? WithoutLoudComments(raw) : raw).Trim(), " ");

    /// <summary>A value's loud comments dropped as libsass drops them (<c>c /* d */ e</c> is <c>c e</c>), strings kept whole.</summary>
    private static string WithoutLoudComments(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is '"' or '\'')
            {
                var end = Parser.StringEnd(raw, i);
                sb.Append(raw, i, end - i);
                i = end - 1;
            }
            else if (c == '/' && i + 1 < raw.Length && raw[i + 1] == '*' && raw.IndexOf("*/", i + 2, StringComparison.Ordinal) is var close and >= 0)
            {
                while (sb.Length > 0 && char.IsWhiteSpace(sb[^1])) sb.Length--;
                i = close + 1;
                while (i + 1 < raw.Length && char.IsWhiteSpace(raw[i + 1])) i++;
                if (i + 1 < raw.Length && raw[i + 1] != ',') sb.Append(' ');
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[ \t]*(\r?\n)[ \t\r\n]*")]
    private static partial System.Text.RegularExpressions.Regex StaticLineBreaks();

    private string ValueToCss(SassValue value)
    {
        if (value is SassMap map) throw new SassException($"Error: {Inspect(map)} isn't a valid CSS value.");
        RequireCssUnits(value);
        return value.ToCss(_compressed);
    }

    /// <summary>libsass prints a number of several units or a denominator (1px*rad, 1/px) only through inspect().</summary>
    private static void RequireCssUnits(SassValue value)
    {
        if (value is SassNumber n && Units.IsCompound(n.Unit)) throw new SassException($"Error: {n.ToCss(false)} isn't a valid CSS value.");
        if (value is SassList list)
            foreach (var item in list.Items) RequireCssUnits(item);
    }

    private void Media(MediaStatement m, Context context)
    {
        var query = MediaFeatures().Replace(Interpolate(m.Query), match =>
        {
            var value = match.Groups[2].Value;
            if (!value.Contains('$') && !value.Contains('(')) return match.Value;
            var evaluated = Strip(Eval(new Parser(value, context.File).ParseExpression(value, m.Span)));
            return "(" + match.Groups[1].Value.Trim() + ": " + evaluated.ToCss(false) + ")";
        });
        if (context.Media is not null) query = context.Media + " and " + query;
        var media = new CssMedia(query) { KeywordRange = m.KeywordRange, BlockRange = m.BlockRange };
        // The media block follows the enclosing rule, which holds the rule's own declarations (libsass's bubbling).
        context.Container.Add(media);
        CssRule? rule = null;
        if (context.Selectors.Count > 0)
        {
            rule = RuleOfContext(context);
            RecordRule(rule, context.Selectors, query);
            media.Children.Add(rule);
        }
        PushScope();
        try
        {
            Evaluate(m.Body, context with { Container = media.Children, Rule = rule, Media = query });
        }
        finally { PopScope(); }
        // libsass's media block takes the place of the first rule in it (the enclosing rule's, when it bubbled out of one)
        if (media.Children.OfType<CssRule>().FirstOrDefault(r => r.Declarations.Count > 0) is { Range: { } first }) media.BlockRange = first;
    }

    private void AtRule(AtRuleStatement at, Context context)
    {
        var parameters = at.Supports is { } condition ? SupportsText(condition) : Interpolate(at.Parameters);
        if (at.Name == "charset") return;
        // a @keyframes rule's name is placed where the rule is (libsass)
        var node = new CssAtRule(at.Name, parameters, at.Body is not null)
        {
            KeywordRange = at.KeywordRange,
            ParametersRange = at.Name.EndsWith("keyframes", StringComparison.Ordinal) ? at.KeywordRange : at.ParametersRange,
        };
        context.Container.Add(node);
        if (at.Body is null) return;
        PushScope();
        try
        {
            var isKeyframes = at.Name.EndsWith("keyframes", StringComparison.Ordinal);
            var inner = context with { Container = node.Children, Selectors = isKeyframes || context.Selectors.Count == 0 ? [] : context.Selectors, Rule = null };
            if (at.Name == "font-face" || at.Name == "page")
            {
                var holder = new CssRule([]);
                Evaluate(at.Body, inner with { Rule = holder });
                node.Declarations.AddRange(holder.Declarations);
            }
            else if (context.Selectors.Count > 0 && !isKeyframes)
            {
                var rule = RuleOfContext(context);
                RecordRule(rule, context.Selectors, context.Media);
                node.Children.Add(rule);
                Evaluate(at.Body, inner with { Rule = rule });
            }
            else Evaluate(at.Body, inner);
            if (isKeyframes)
                foreach (var frame in node.Children.OfType<CssRule>()) frame.IsKeyframe = true;
        }
        finally { PopScope(); }
    }

    // ---- imports -------------------------------------------------------------------------------------------------

    private void Import(ImportStatement i, Context context)
    {
        // a quoted url followed by media queries makes the whole import a CSS one, printed as written
        if (i.Urls.Count > 0 && i.Urls[0] is [('"' or '\''), ..] first && Parser.StringEnd(first, 0) < first.TrimEnd().Length)
        {
            var queries = new List<string> { first[Parser.StringEnd(first, 0)..] };
            queries.AddRange(i.Urls.Skip(1));
            if (!queries.All(ValidMediaQuery))
                throw new SassException($"Error: Invalid CSS after \"@import {i.Raw.Trim()}\": expected a media query\n        on line {i.Span.Line}:{i.Span.Column} of {i.Span.File}", i.Span.File, i.Span.Line, i.Span.Column);
            context.Container.Add(new CssAtRule("import", MediaAnd().Replace(ImportSpaces().Replace(i.Raw.Trim(), " "), "and ("), hasBody: false));
            return;
        }
        foreach (var raw in i.Urls)
        {
            var url = raw.Trim().Trim('"', '\'');
            if (url.EndsWith(".css", StringComparison.Ordinal) || url.StartsWith("http:", StringComparison.Ordinal) ||
                url.StartsWith("https:", StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal) || raw.TrimStart().StartsWith("url(", StringComparison.Ordinal))
            {
                context.Container.Add(new CssAtRule("import", raw.Trim(), hasBody: false));
                continue;
            }
            var path = Resolve(url, context.File) ?? throw new SassException(
                $"Error: File to import not found or unreadable: {url}.\n        on line {i.Span.Line}:{i.Span.Column} of {i.Span.File}", i.Span.File, i.Span.Line, i.Span.Column);
            if (_importStack.Contains(path)) throw new SassException($"Error: An @import loop has been found: {path} imports itself", i.Span.File, i.Span.Line, i.Span.Column);
            _importStack.Add(path);
            try
            {
                var text = File.ReadAllText(path);
                ImportedFiles.Add((path, text));
                if (path.EndsWith(".sass", StringComparison.OrdinalIgnoreCase)) text = IndentedSyntax.ToScss(text);
                var statements = new Parser(text, path, _options.SourceMap).ParseStylesheet();
                Evaluate(statements, context with { File = path });
            }
            finally { _importStack.RemoveAt(_importStack.Count - 1); }
        }
    }

    private string? Resolve(string url, string from)
    {
        var dirs = new List<string>();
        // imports resolve from the importing file's folder (the working folder for a file named without one)
        dirs.Add(Path.GetDirectoryName(from) is { Length: > 0 } dir ? dir : ".");
        dirs.AddRange(_options.LoadPaths);
        foreach (var d in dirs)
        {
            var baseName = Path.Combine(d, url);
            var folder = Path.GetDirectoryName(baseName)!;
            var file = Path.GetFileName(baseName);
            // libsass's resolve_includes: the name, the partial, then each extension partial first; a folder's index
            // file only when none is there; more than one candidate is an error
            var found = new[] { file, $"_{file}", $"_{file}.scss", $"_{file}.sass", $"_{file}.css", $"{file}.scss", $"{file}.sass", $"{file}.css" }
                .Where(candidate => File.Exists(Path.Combine(folder, candidate))).ToList();
            if (found.Count == 0 && !file.EndsWith(".scss", StringComparison.Ordinal) && !file.EndsWith(".sass", StringComparison.Ordinal) && !file.EndsWith(".css", StringComparison.Ordinal))
            {
                found = new[] { "index.scss", "index.sass", "index.css", "_index.scss", "_index.sass", "_index.css" }
                    .Select(index => Path.Combine(file, index)).Where(candidate => File.Exists(Path.Combine(folder, candidate))).ToList();
            }
            if (found.Count > 1)
            {
                var candidates = string.Concat(found.Select(f => "\n  " + Path.Combine(Path.GetDirectoryName(url) ?? "", f).Replace('\\', '/')));
                throw new SassException($"Error: It's not clear which file to import for '@import \"{url}\"'.\nCandidates:{candidates}\nPlease delete or rename all but one of these files.");
            }
            if (found.Count == 1) return Path.Combine(folder, found[0]);
        }
        return null;
    }

    // ---- mixins ----------------------------------------------------------------------------------------------------

    private void Include(IncludeStatement inc, Context context)
    {
        if (!_mixins.TryGetValue(inc.Name.Replace('_', '-'), out var mixin))
            throw new SassException($"Error: no mixin named {inc.Name}\n        on line {inc.Span.Line}:{inc.Span.Column} of {inc.Span.File}", inc.Span.File, inc.Span.Line, inc.Span.Column);
        var arguments = EvalArguments(inc.Arguments);
        var callerScopes = _scopes;
        _contentStack.Push((inc.Content, callerScopes));
        _scopes = [callerScopes[0], new Dictionary<string, SassValue>(StringComparer.Ordinal)];
        _definitionsForbidden++;
        try
        {
            Bind(mixin.Parameters, arguments, inc.Span);
            Evaluate(mixin.Body, context);
        }
        finally
        {
            _definitionsForbidden--;
            _contentStack.Pop();
            _scopes = callerScopes;
        }
    }

    private List<(string? Name, SassValue Value)> EvalArguments(IReadOnlyList<Argument> arguments)
    {
        var slashKeeps = _slashKeeps;
        _slashKeeps = false; // a slash in an argument divides
        try
        {
            return EvalArgumentsDividing(arguments);
        }
        finally
        {
            _slashKeeps = slashKeeps;
        }
    }

    private List<(string? Name, SassValue Value)> EvalArgumentsDividing(IReadOnlyList<Argument> arguments)
    {
        var result = new List<(string?, SassValue)>();
        foreach (var a in arguments)
        {
            var value = Eval(a.Value);
            if (a.Rest && Strip(value) is SassList list) result.AddRange(list.Items.Select(i => ((string?)null, i)));
            else if (a.Rest && Strip(value) is SassMap keywords) // $map... passes its pairs as keyword arguments
                result.AddRange(keywords.Entries.Select(e => ((string?)(e.Key is SassString k ? k.Text : e.Key.ToCss(false)).Replace('_', '-'), e.Value)));
            else result.Add((a.Name?.Replace('_', '-'), value));
        }
        return result;
    }

    private void Bind(IReadOnlyList<Parameter> parameters, List<(string? Name, SassValue Value)> arguments, SourceSpan span)
    {
        var positional = arguments.Where(a => a.Name is null).Select(a => a.Value).ToList();
        var named = arguments.Where(a => a.Name is not null).ToDictionary(a => a.Name!, a => a.Value);
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            var key = p.Name.Replace('_', '-');
            if (p.Rest)
            {
                SetLocal(p.Name, new SassList(positional.Skip(i).ToList(), ","));
                return;
            }
            if (i < positional.Count) SetLocal(p.Name, positional[i]);
            else if (named.TryGetValue(key, out var v)) SetLocal(p.Name, v);
            else if (p.Default is not null) SetLocal(p.Name, Eval(p.Default));
            else throw new SassException($"Error: missing argument ${p.Name}.\n        on line {span.Line}:{span.Column} of {span.File}", span.File, span.Line, span.Column);
        }
    }

    /// <summary>The first statement a function may not hold (a rule, declaration, at-rule or include), control directives searched too.</summary>
    private static Statement? NotInFunction(IEnumerable<Statement> body)
    {
        foreach (var statement in body)
        {
            var found = statement switch
            {
                RuleStatement or DeclarationStatement or AtRuleStatement or MediaStatement or IncludeStatement or ExtendStatement or ContentStatement or ImportStatement => statement,
                IfStatement i => NotInFunction(i.Clauses.SelectMany(c => c.Body)),
                EachStatement e => NotInFunction(e.Body),
                ForStatement f => NotInFunction(f.Body),
                WhileStatement w => NotInFunction(w.Body),
                _ => null,
            };
            if (found is not null) return found;
        }
        return null;
    }

    internal SassValue CallUserFunction(FunctionStatement f, List<(string? Name, SassValue Value)> arguments, SourceSpan span)
    {
        var callerScopes = _scopes;
        _scopes = [callerScopes[0], new Dictionary<string, SassValue>(StringComparer.Ordinal)];
        _definitionsForbidden++;
        try
        {
            Bind(f.Parameters, arguments, span);
            var context = new Context(new List<CssNode>(), [], null, null, span.File);
            foreach (var s in f.Body)
                if (EvaluateStatement(s, context) is { } r) return r;
            throw new SassException($"Error: Function {f.Name} finished without @return", span.File, span.Line, span.Column);
        }
        catch (ReturnSignal signal)
        {
            return signal.Value;
        }
        finally
        {
            _definitionsForbidden--;
            _scopes = callerScopes;
        }
    }

    // ---- interpolation ---------------------------------------------------------------------------------------------

    /// <summary>A value inside <c>#{}</c>: strings lose their quotes, in lists too.</summary>
    private string InterpolationText(SassValue value) => value switch
    {
        SassString s => s.Text,
        SassList { Bracketed: false } l when l.Items.Any(i => i is SassString { Quoted: true } or SassList) =>
            string.Join(l.Separator == "," ? (_compressed ? "," : ", ") : " ", l.Items.Where(i => i is not SassNull).Select(InterpolationText)),
        SassNumber n when Units.IsCompound(n.Unit) => throw new SassException($"Error: {n.ToCss(false)} isn't a valid CSS value."),
        _ => VariableValue(value).ToCss(_compressed),
    };

    internal string Interpolate(Interpolated text)
    {
        var sb = new StringBuilder();
        foreach (var part in text.Parts)
        {
            if (part is string s) sb.Append(s);
            else
            {
                var value = Eval((Expression)part);
                sb.Append(InterpolationText(value));
            }
        }
        return sb.ToString();
    }
}
