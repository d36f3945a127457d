using System.Text;

namespace Homepage.Sass;

/// <summary>
/// Evaluates a stylesheet: variables and scopes, imports, mixins and functions, control flow, nesting with
/// <c>&amp;</c>, media bubbling and <c>@extend</c>, producing the CSS tree.
/// </summary>
internal sealed partial class Evaluator
{

    private readonly SassOptions _options;
    private readonly bool _compressed;
    /// <summary>The variable scopes visible here, global first. A mixin or function body sees the global scope and its
    /// own (Sass scopes are lexical), not its caller's; a <c>@content</c> block sees its caller's again.</summary>
    private List<Dictionary<string, SassValue>> _scopes = [new(StringComparer.Ordinal)];
    private readonly Dictionary<string, MixinStatement> _mixins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionStatement> _functions = new(StringComparer.Ordinal);
    private readonly Stack<(IReadOnlyList<Statement>? Content, List<Dictionary<string, SassValue>> Scopes, IReadOnlyList<Parameter>? Using)> _contentStack = new();
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
        List<string>? AtRootParents = null, CssRule? Owner = null, string? PropertyPrefix = null, int PropertyTabs = 0);

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
        HoistImports(Root);
        ApplyExtends(Root);
        if (_options.SourceMap) MapExtendedSelectors(Root);
    }

    /// <summary>libsass prints the CSS @import rules first, with the comments written before any output.</summary>
    private static void HoistImports(List<CssNode> root)
    {
        if (!root.Any(n => n is CssAtRule { Name: "import", HasBody: false })) return;
        var top = new List<CssNode>();
        var rest = new List<CssNode>();
        var output = false;
        foreach (var node in root)
        {
            if (node is CssAtRule { Name: "import", HasBody: false } || !output && node is CssComment) top.Add(node);
            else
            {
                rest.Add(node);
                output |= Emitter.HasOutput(node);
            }
        }
        root.Clear();
        root.AddRange(top);
        root.AddRange(rest);
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
                // the loop's variables live in its one scope (what the body assigns stays there from one pass to the next)
                foreach (var item in items)
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
                    SetLocal(f.Variable, new SassNumber(i, fromNumber.Unit) { Origin = fromNumber.Origin }); // libsass places each value where from is
                    foreach (var s in f.Body)
                        if (EvaluateStatement(s, context) is { } r) return r;
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
                case NestedPropertyStatement np:
                {
                    if (np.Own is { } own) Declare(own, context);
                    var name = Interpolate(np.Name);
                    PushScope();
                    // the nested style indents the properties under one that has a value of its own one more level
                    var tabs = context.PropertyTabs + (np.Own is null ? 0 : 1);
                    try { Evaluate(np.Body, context with { PropertyPrefix = context.PropertyPrefix is { } outer ? outer + "-" + name : name, PropertyTabs = tabs }); }
                    finally { PopScope(); }
                    return null;
                }
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
                    Define("@mixin " + m.Name.Replace('_', '-'), m, _mixins, m.Name.Replace('_', '-'));
                    return null;
                case FunctionStatement f:
                    Define("@function " + f.Name.Replace('_', '-'), f, _functions, f.Name.Replace('_', '-'));
                    return null;
                case IfStatement or EachStatement or ForStatement or WhileStatement:
                    PushShadowScope();
                    try
                    {
                        return EvaluateControl(statement, context);
                    }
                    finally
                    {
                        PopScope();
                    }
                case IncludeStatement inc:
                    Include(inc, context);
                    return null;
                case ContentStatement cs:
                    if (_contentStack.Count > 0 && _contentStack.Peek().Content is { } content)
                    {
                        // the arguments are evaluated where @content is, the block runs where it was written
                        var contentArguments = cs.Arguments.Count > 0 ? EvalArguments(cs.Arguments) : [];
                        var (_, callerScopes, usingParameters) = _contentStack.Pop();
                        var mixinScopes = _scopes;
                        _scopes = callerScopes;
                        PushScope(); // the block runs in a scope of its own inside its caller's
                        try
                        {
                            if (usingParameters is not null || contentArguments.Count > 0)
                                Bind(usingParameters ?? [], contentArguments, cs.Span, "Mixin @content");
                            EvaluateScoped(content, context);
                        }
                        finally
                        {
                            PopScope();
                            _scopes = mixinScopes;
                            _contentStack.Push((content, callerScopes, usingParameters));
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
                    {
                        PushScope(); // its block is a scope of its own
                        try { EvaluateScoped(body, root); }
                        finally { PopScope(); }
                    }
                    else
                        Rule(AtRootRule(at, query, body), root);
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

    /// <summary>The rule of <c>@at-root SELECTOR { }</c>; for source maps, its simple selectors placed where they were
    /// written, or (an interpolated selector, which libsass parses again) in the evaluated text.</summary>
    private static RuleStatement AtRootRule(AtRuleStatement at, string selector, IReadOnlyList<Statement> body)
    {
        var interpolated = !at.Parameters.IsPlain;
        IReadOnlyList<(int Offset, bool Parent, IReadOnlyList<SourcePoint> Points)>? tokens = null;
        if (!interpolated && at.ParametersRange is { Start: var start } && !selector.Contains('\n'))
            tokens = SourceMaps.SimpleSelectors(selector)
                .Select(t => (t.Start, t.Parent, (IReadOnlyList<SourcePoint>)t.Marks.Select(m => start with { Column = start.Column + m.Point }).ToList())).ToList();
        // libsass's rule starts after the @at-root keyword
        var range = at is { KeywordRange: { } keyword, BlockRange: { } block } ? new SourceRange(keyword.End, block.End) : (SourceRange?)null;
        return new RuleStatement(at.Span, new Interpolated([selector]), body)
        {
            SelectorIndex = interpolated ? 0 : -1, Tokens = tokens, Range = interpolated ? null : range, BlockRange = at.BlockRange,
        };
    }

    /// <summary>A mixin or function defined inside a rule is local to it (libsass keeps them with the variables).</summary>
    private sealed record Definition(Statement Statement) : SassValue
    {
        public override string ToCss(bool compressed) => "";
    }

    /// <summary>How many mixins and functions have been defined below the top level.</summary>
    private int _localDefinitions;

    private void Define<T>(string key, T definition, Dictionary<string, T> global, string name) where T : Statement
    {
        if (_scopes.Count == 1) global[name] = definition;
        else
        {
            _scopes[^1][key] = new Definition(definition);
            _localDefinitions++;
        }
    }

    private T? FindLocal<T>(string key) where T : Statement
    {
        for (var i = _scopes.Count - 1; i >= 1; i--)
            if (_scopes[i].TryGetValue(key, out var found) && found is Definition { Statement: T statement }) return statement;
        return null;
    }

    internal MixinStatement? FindMixin(string name) =>
        (_localDefinitions > 0 ? FindLocal<MixinStatement>("@mixin " + name) : null) ?? _mixins.GetValueOrDefault(name);

    internal FunctionStatement? FindFunction(string name) =>
        (_localDefinitions > 0 ? FindLocal<FunctionStatement>("@function " + name) : null) ?? _functions.GetValueOrDefault(name);

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

    /// <summary>The scope of a control directive (@if, @each, @for, @while): an assignment in it may reach through it to the
    /// global scope (libsass's shadow environment).</summary>
    private sealed class ShadowScope() : Dictionary<string, SassValue>(StringComparer.Ordinal);

    private void PushShadowScope() => _scopes.Add(new ShadowScope());

    /// <summary>libsass's assignment: <c>!global</c> sets the global scope; <c>!default</c> sets only a variable that is
    /// null or not yet set (in the local scope it is found in, else the global one, else here); a plain assignment changes
    /// the variable in the nearest local scope that has it, the global one only through control directives, and else
    /// makes it here.</summary>
    private void Assign(VariableStatement v)
    {
        var name = v.Name.Replace('_', '-');
        if (v.Global || _scopes.Count == 1)
        {
            if (v.Default && _scopes[0].TryGetValue(name, out var global) && global is not SassNull) return;
            _scopes[0][name] = VariableValue(Eval(v.Value));
            return;
        }
        if (v.Default)
        {
            var at = _scopes.Count - 1;
            while (at >= 1 && !_scopes[at].ContainsKey(name)) at--;
            if (at == 0 && !_scopes[0].ContainsKey(name)) at = _scopes.Count - 1;
            if (_scopes[at].TryGetValue(name, out var existing) && existing is not SassNull) return;
            _scopes[at][name] = VariableValue(Eval(v.Value));
            return;
        }
        var value = VariableValue(Eval(v.Value));
        var shadow = false;
        for (var i = _scopes.Count - 1; i >= 1 || shadow && i == 0; i--)
        {
            if (_scopes[i].ContainsKey(name)) { _scopes[i][name] = value; return; }
            shadow = _scopes[i] is ShadowScope;
        }
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
        SassList l => l with { Items = l.Items.Select(StripNumbers).ToList() },
        _ => value,
    };

    /// <summary>Values read from variables or returned by functions print as computed values, not as written.</summary>
    internal static SassValue Strip(SassValue value) => value switch
    {
        OriginalNumber n => n.Number,
        OriginalColor c => c.Color,
        SassList l => l with { Items = l.Items.Select(Strip).ToList() },
        _ => value,
    };

    // ---- rules, declarations, media -------------------------------------------------------------------------------

    private void Rule(RuleStatement r, Context context)
    {
        var own = Selectors.CheckAttributes(Interpolate(r.Selector));
        CheckSelectorSyntax(own);
        if (own.Contains(":nth-", StringComparison.Ordinal)) own = NthArguments().Replace(own, "$1$2)"); // :nth-child( 2n + 1 ) as (2n + 1)
        if (own.Contains('@')) CheckNoAt(own, r.Span);
        var selectors = ResolveSelectors(context.Selectors, own, context.Breaks, out var breaks, context.AtRootParents);
        var rule = new CssRule(selectors) { Breaks = breaks, Range = r.Range, BlockRange = r.BlockRange };
        if (_options.SourceMap) rule.SelectorTokens = MappedSelectorTokens(r, own, context);
        RecordRule(rule, selectors, context.Media);
        context.Container.Add(rule);
        var firstChild = context.Container.Count;
        PushScope();
        try
        {
            Evaluate(r.Body, context with { Selectors = selectors, Rule = rule, Breaks = breaks, AtRootParents = null, Owner = rule, PropertyPrefix = null, PropertyTabs = 0 });
        }
        finally { PopScope(); }
        // the nested style indents what the rule's block put after it one more level when the rule has declarations
        if (rule.Declarations.Count > 0)
            for (var i = firstChild; i < context.Container.Count; i++) context.Container[i].Tabs++;
    }

    /// <summary>As <see cref="Rule"/> does for its own block: the enclosing rule's copy in a media block or at-rule
    /// indents what follows it there when it has declarations.</summary>
    private static void IndentAfter(CssRule? rule, List<CssNode> children)
    {
        if (rule is null || rule.Declarations.Count == 0) return;
        for (var i = children.IndexOf(rule) + 1; i < children.Count; i++) children[i].Tabs++;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(:nth-[a-z-]+\()\s*([^()]*?)\s*\)")]
    private static partial System.Text.RegularExpressions.Regex NthArguments();

    /// <summary>Selector text libsass does not read: none at all (<c>#{&amp;}</c> at the root), <c>&amp;</c> after the start of a
    /// compound selector (<c>.open&amp;</c>), a <c>%</c> without a name.</summary>
    private static void CheckSelectorSyntax(string selector)
    {
        if (selector.Trim().Length == 0) throw new SassException("Error: Invalid CSS after \"\": expected selector, was \"\"");
        if (selector.IndexOfAny(['&', '%']) < 0) return;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c is '"' or '\'') { i = Parser.StringEnd(selector, i) - 1; continue; }
            if (c == '[') { while (i < selector.Length && selector[i] != ']') i++; continue; }
            if (c == '\\') { i++; continue; }
            if (c == '&' && i > 0 && (char.IsLetterOrDigit(selector[i - 1]) || selector[i - 1] is '-' or '_' or '.' or '#' or ']' or ')' or '*' or '|'))
                throw new SassException($"Error: Invalid CSS after \"{selector[..i]}\": expected \"{{\", was \"{selector[i..]}\"\n\n\"&\" may only be used at the beginning of a compound selector.");
            if (c == '%' && (i == 0 || !char.IsLetterOrDigit(selector[i - 1]) && selector[i - 1] != '.') && (i + 1 >= selector.Length || !(char.IsLetterOrDigit(selector[i + 1]) || selector[i + 1] is '-' or '_' or '\\' || selector[i + 1] > 127)))
                throw new SassException($"Error: Invalid CSS after \"%\": expected selector, was \"{selector[i..]}\"");
        }
    }

    /// <summary>An interpolated selector is parsed again: an <c>@</c> not escaped, outside strings and brackets, is no selector.</summary>
    private static void CheckNoAt(string selector, SourceSpan span)
    {
        var depth = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c == '\\') i++;
            else if (c is '"' or '\'') i = Parser.StringEnd(selector, i) - 1;
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == '@' && depth == 0)
                throw Located($"Invalid CSS after \"{selector[..i].TrimEnd()}\": expected selector, was \"{selector[i..].Trim()}\"", span);
        }
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
        var brokenBefore = false; // a line break between commas with nothing between them counts for the next selector
        foreach (var part in Parser.SplitTopLevel(own, ','))
        {
            var text = part.Trim();
            if (text.Length == 0)
            {
                brokenBefore |= part.Contains('\n');
                continue;
            }
            var leading = part[..part.IndexOf(text[0])];
            children.Add((text, brokenBefore || leading.Contains('\n')));
            brokenBefore = false;
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
        // a line break after & is not kept (libsass)
        if (rest.Length > 0 && char.IsWhiteSpace(rest[0]) && rest.TrimStart() is var after && rest.AsSpan(0, rest.Length - after.Length).Contains('\n'))
            rest = " " + after;
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
        if (context.Rule is null && ReferenceEquals(context.Container, Root))
            throw new SassException("Error: Properties are only allowed within rules, directives, mixin includes, or other properties.");
        var name = Interpolate(d.Name);
        if (context.PropertyPrefix is { } prefix) name = prefix + "-" + name;
        string text;
        IReadOnlyList<(int, int, SourceRange)>? tokens = null;
        // (a name that starts with -- only once interpolated is an ordinary declaration, as libsass parses it)
        var custom = d.Name.Parts.Count > 0 && d.Name.Parts[0] is string written && written.StartsWith("--", StringComparison.Ordinal);
        if (custom)
        {
            // a custom property's value is kept as written, with only its interpolations evaluated
            text = Interpolate(new Parser(d.RawValue, d.Span.File).ParseInterpolated(d.RawValue, d.Span));
            if (text.Length == 0) throw new SassException($"Error: Custom property values may not be empty.\n        on line {d.Span.Line}:{d.Span.Column} of {d.Span.File}", d.Span.File, d.Span.Line, d.Span.Column);
            if (d.ValueRange is { } colon) tokens = [(0, text.Length, colon)];
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
            if (IsStatic(d.Value) && !d.CommentDropped && QuotesSeparated(d.RawValue))
            {
                text = StaticCss(d.RawValue);
                if (d.ValueRange is { } whole) tokens = [(0, text.Length, whole)];
            }
            else
            {
                var css = StripNumbers(value);
                text = ValueToCss(css);
                if (text.Contains('\n')) text = NewlinesToSpaces(text);
                if (_options.SourceMap) tokens = SourceMaps.ValueTokens(css, _compressed, text);
            }
        }
        if (text.Length == 0) return;
        var declaration = new CssDeclaration(name, text) { NameRange = d.NameRange, ValueTokens = tokens, IsCustomProperty = custom, Tabs = context.PropertyTabs };
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

    /// <summary>libsass's static value has its quoted strings apart from what is next to them (<c>"a"b</c> is a list it prints
    /// as <c>"a" b</c>): a space, comma or slash between.</summary>
    private static bool QuotesSeparated(string raw)
    {
        if (raw.IndexOfAny(['"', '\'']) < 0) return true;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\') { i++; continue; }
            if (c is not ('"' or '\'')) continue;
            var end = Parser.StringEnd(raw, i);
            if (i > 0 && !(char.IsWhiteSpace(raw[i - 1]) || raw[i - 1] is ',' or '/' or '(')) return false;
            if (end < raw.Length && !(char.IsWhiteSpace(raw[end]) || raw[end] is ',' or '/' or ')' or ';')) return false;
            i = end - 1;
        }
        return true;
    }

    /// <summary>A static value as libsass prints it: as written, a line break and the spaces around it made one space.</summary>
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

    /// <summary>libsass's <c>string_to_output</c>: a newline in an unquoted string prints as a space, the white space after it dropped.</summary>
    private static string NewlinesToSpaces(string text)
    {
        var sb = new StringBuilder(text.Length);
        var afterNewline = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                sb.Append(' ');
                afterNewline = true;
            }
            else if (!(afterNewline && char.IsWhiteSpace(c)))
            {
                sb.Append(c);
                afterNewline = false;
            }
        }
        return sb.ToString();
    }

    private string ValueToCss(SassValue value)
    {
        if (value is SassMap map) throw new SassException($"Error: {Inspect(map)} isn't a valid CSS value.");
        CheckCssUnits(value);
        return value.ToCss(_compressed);
    }

    /// <summary>A number whose unit CSS has no name for (<c>10in*px</c>) cannot be printed (libsass).</summary>
    private static void CheckCssUnits(SassValue value)
    {
        if (value is SassNumber n && !Units.IsCss(n.Unit)) throw new SassException($"Error: {n.ToCss(false)} isn't a valid CSS value.");
        if (value is SassList list)
            foreach (var item in list.Items) CheckCssUnits(item);
    }

    private void Media(MediaStatement m, Context context)
    {
        var query = m.RawQuery is { } raw ? MediaQueryList(raw, m.Span) : Interpolate(m.Query);
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
        IndentAfter(rule, media.Children);
        // libsass's media block takes the place of the first rule in it (the enclosing rule's, when it bubbled out of one)
        if (media.Children.OfType<CssRule>().FirstOrDefault(r => r.Declarations.Count > 0) is { Range: { } first }) media.BlockRange = first;
        HoistNestedMedia(media, context.Container);
    }

    /// <summary>A media block inside this one (its query already joined to this one's) bubbles out to stand after it, as
    /// libsass does; what this block holds after it goes into a copy of this block that follows.</summary>
    private static void HoistNestedMedia(CssMedia media, List<CssNode> container)
    {
        if (!media.Children.Any(c => c is CssMedia)) return;
        var index = container.LastIndexOf(media);
        if (index < 0) return;
        var parts = new List<CssNode>();
        CssMedia? current = null;
        foreach (var child in media.Children)
        {
            if (child is CssMedia inner)
            {
                parts.Add(inner);
                current = null;
                continue;
            }
            if (current is null)
            {
                current = new CssMedia(media.Query) { KeywordRange = media.KeywordRange, BlockRange = media.BlockRange, Tabs = media.Tabs };
                parts.Add(current);
            }
            current.Children.Add(child);
        }
        container.RemoveAt(index);
        container.InsertRange(index, parts);
    }

    /// <summary>A media query list as libsass reads and prints it: comments dropped, <c>and</c> lower case, each
    /// <c>(feature: value)</c> with its value evaluated (printed as in an interpolation) and one space after the colon.
    /// <paramref name="text"/> is as written: its structure is read before its interpolations are evaluated.</summary>
    private string MediaQueryList(string text, SourceSpan span)
    {
        if (text.Contains("/*", StringComparison.Ordinal)) text = MediaComments().Replace(text, " ");
        var queries = new List<string>();
        foreach (var part in Parser.SplitTopLevel(text, ','))
        {
            var words = new List<string>();
            var i = 0;
            var previous = ' '; // what came before: ' ' nothing, 'w' a word, 'a' and, 'e' an expression
            while (i < part.Length)
            {
                if (char.IsWhiteSpace(part[i])) { i++; continue; }
                // an expression comes first or after "and"; a word not right after an expression
                if (previous == 'e' && !(part[i] is 'a' or 'A' && i + 3 <= part.Length && part.AsSpan(i, 3).Equals("and", StringComparison.OrdinalIgnoreCase))
                    || part[i] == '(' && previous == 'w')
                    throw new SassException($"Error: Invalid CSS after \"{part[..i].Trim()}\": expected 1 selector or at-rule, was \"{part[i..].Trim()}\"");
                previous = part[i] == '(' ? 'e' : 'w';
                if (part[i] == '(')
                {
                    var end = Parser.ParenEnd(part, i);
                    words.Add(MediaExpression(part[(i + 1)..Math.Max(i + 1, end - 1)], span));
                    i = end;
                    continue;
                }
                var start = i;
                while (i < part.Length && !char.IsWhiteSpace(part[i]) && part[i] != '(')
                    i = part[i] is '"' or '\'' ? Parser.StringEnd(part, i) : part[i] == '#' && i + 1 < part.Length && part[i + 1] == '{' ? Parser.InterpolationEnd(part, i) : i + 1;
                var word = part[start..i];
                if (word.Contains("#{", StringComparison.Ordinal)) word = Interpolate(new Parser(word, span.File).ParseInterpolated(word, span));
                if (word.Equals("and", StringComparison.OrdinalIgnoreCase)) previous = 'a';
                else if (words.Count == 0 && (word.Equals("not", StringComparison.OrdinalIgnoreCase) || word.Equals("only", StringComparison.OrdinalIgnoreCase))) previous = 'n';
                words.Add(previous == 'a' ? "and" : word);
            }
            if (words.Count > 0) queries.Add(string.Join(' ', words));
        }
        return string.Join(", ", queries);
    }

    private string MediaExpression(string inner, SourceSpan span)
    {
        var colon = -1;
        for (var i = 0; i < inner.Length && colon < 0; i++)
        {
            if (inner[i] is '"' or '\'') i = Parser.StringEnd(inner, i) - 1;
            else if (inner[i] == '(') i = Parser.ParenEnd(inner, i) - 1;
            else if (inner[i] == '#' && i + 1 < inner.Length && inner[i + 1] == '{') i = Parser.InterpolationEnd(inner, i) - 1;
            else if (inner[i] == ':') colon = i;
        }
        var feature = (colon < 0 ? inner : inner[..colon]).Trim();
        if (feature.Contains('$') || feature.Contains("#{", StringComparison.Ordinal)) feature = InterpolationText(Eval(new Parser(feature, span.File).ParseExpression(feature, span)));
        if (colon < 0) return "(" + feature + ")";
        var text = inner[(colon + 1)..].Trim();
        if (text.Contains('\\')) return "(" + feature + ": " + text + ")"; // an escape (0\0, an IE hack) as written
        _slashKeeps = true;
        try
        {
            return "(" + feature + ": " + InterpolationText(Eval(new Parser(text, span.File).ParseExpression(text, span))) + ")";
        }
        finally
        {
            _slashKeeps = false;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/\*.*?\*/", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex MediaComments();

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
            if (at.Name == "font-face" || at.Name == "page" || (context.Selectors.Count == 0 && !isKeyframes && at.Name != "media"))
            {
                // declarations directly inside the at-rule are its own
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
                IndentAfter(rule, node.Children);
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
        // a CSS import stays (libsass prints them all first); a file import is evaluated here, after them
        var css = new List<string>();
        var files = new List<string>();
        foreach (var (raw, call) in i.Urls)
        {
            if (call is not null)
            {
                css.Add(Eval(call).ToCss(false));
                continue;
            }
            var closed = raw.Length > 1 && raw[^1] == raw[0];
            var path = SassString.Unescape(raw[1..(closed ? ^1 : ^0)]);
            // a path with media queries, a protocol or starting // is kept as written; one ending .css becomes url()
            if (i.Queries is not null || path.StartsWith("//", StringComparison.Ordinal) || HasProtocol(path)) css.Add(raw);
            else if (path.Length > 4 && path.EndsWith(".css", StringComparison.Ordinal)) css.Add("url(" + path + ")");
            else files.Add(path);
        }
        if (css.Count > 0 && i.Queries is not null)
        {
            _slashKeeps = true; // a slash in a media feature is kept (16/9)
            try
            {
                css[^1] += " " + Interpolate(i.Queries);
            }
            finally
            {
                _slashKeeps = false;
            }
        }
        foreach (var text in css) context.Container.Add(new CssAtRule("import", text, hasBody: false));
        foreach (var url in files)
        {
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

    /// <summary>A path that starts with a protocol (<c>http://</c>): an identifier, a colon and two slashes.</summary>
    private static bool HasProtocol(string path)
    {
        var colon = path.IndexOf("://", StringComparison.Ordinal);
        return colon > 0 && (char.IsLetter(path[0]) || path[0] is '_' or '-') && path[..colon].All(c => char.IsLetterOrDigit(c) || c is '-' or '_');
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
        if (FindMixin(inc.Name.Replace('_', '-')) is not { } mixin)
            throw new SassException($"Error: no mixin named {inc.Name}\n        on line {inc.Span.Line}:{inc.Span.Column} of {inc.Span.File}", inc.Span.File, inc.Span.Line, inc.Span.Column);
        if (inc.Content is not null && !mixin.HasContent)
            throw Located($"Mixin \"{inc.Name}\" does not accept a content block.", inc.Span);
        var arguments = EvalArguments(inc.Arguments);
        var callerScopes = _scopes;
        _contentStack.Push((inc.Content, callerScopes, inc.Using));
        _scopes = [callerScopes[0], new Dictionary<string, SassValue>(StringComparer.Ordinal)];
        try
        {
            Bind(mixin.Parameters, arguments, inc.Span, "Mixin " + inc.Name);
            Evaluate(mixin.Body, context);
        }
        finally
        {
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

    /// <summary>The separator of the list last passed with <c>...</c> (a variable-length parameter's list takes it).</summary>
    private string? _splatSeparator;

    /// <summary>How many positional arguments the lists passed with <c>...</c> gave.</summary>
    private int _splatCount;

    private List<(string? Name, SassValue Value)> EvalArgumentsDividing(IReadOnlyList<Argument> arguments)
    {
        var result = new List<(string?, SassValue)>();
        _splatSeparator = null;
        _splatCount = 0;
        foreach (var a in arguments)
        {
            var value = Eval(a.Value);
            if (a.Rest && Strip(value) is SassList list)
            {
                result.AddRange(list.Items.Select(i => ((string?)null, i)));
                _splatSeparator = list.Separator;
                _splatCount += list.Items.Count;
                // an argument list passes on its keyword arguments too
                if (list.Keywords is { } passed) result.AddRange(passed.Select(k => ((string?)k.Name, k.Value)));
            }
            else if (a.Rest && Strip(value) is SassMap keywords) // $map... passes its pairs as keyword arguments
                result.AddRange(keywords.Entries.Select(e => ((string?)(e.Key is SassString k ? k.Text : e.Key.ToCss(false)).Replace('_', '-'), e.Value)));
            else result.Add((a.Name?.Replace('_', '-'), value));
        }
        return result;
    }

    /// <param name="callee">The mixin or function, for an error (<c>Mixin foo</c>, <c>Function foo</c>).</param>
    private void Bind(IReadOnlyList<Parameter> parameters, List<(string? Name, SassValue Value)> arguments, SourceSpan span, string callee)
    {
        var splatSeparator = _splatSeparator ?? ",";
        var splatted = _splatCount;
        var positional = arguments.Where(a => a.Name is null).Select(a => a.Value).ToList();
        var named = arguments.Where(a => a.Name is not null).ToDictionary(a => a.Name!, a => a.Value);
        var rest = parameters.Count > 0 && parameters[^1].Rest;
        // too many arguments passed one by one are an error; those of a list passed with ... are dropped (libsass warns)
        if (!rest && positional.Count - splatted > parameters.Count)
            throw Located($"wrong number of arguments ({positional.Count} for {parameters.Count}) for `{callee[(callee.IndexOf(' ') + 1)..]}'", span);
        if (!rest && named.Keys.FirstOrDefault(k => !parameters.Any(p => p.Name.Replace('_', '-') == k)) is { } unknown)
            throw Located($"{callee} has no parameter named ${unknown}", span);
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            var key = p.Name.Replace('_', '-');
            if (p.Rest)
            {
                // an argument list: the positional arguments left, and the keyword arguments no parameter took
                var keywords = named.Where(n => !parameters.Any(q => !q.Rest && q.Name.Replace('_', '-') == n.Key)).Select(n => (n.Key, n.Value)).ToList();
                SetLocal(p.Name, new SassList(positional.Skip(i).ToList(), splatSeparator) { Keywords = keywords });
                return;
            }
            if (i < positional.Count) SetLocal(p.Name, positional[i]);
            else if (named.TryGetValue(key, out var v)) SetLocal(p.Name, v);
            else if (p.Default is not null) SetLocal(p.Name, Eval(p.Default));
            else throw Located($"{callee} is missing argument ${p.Name}.", span);
        }
    }

    internal SassValue CallUserFunction(FunctionStatement f, List<(string? Name, SassValue Value)> arguments, SourceSpan span)
    {
        var callerScopes = _scopes;
        _scopes = [callerScopes[0], new Dictionary<string, SassValue>(StringComparer.Ordinal)];
        try
        {
            Bind(f.Parameters, arguments, span, "Function " + f.Name);
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
        SassNumber n when !Units.IsCss(n.Unit) => throw new SassException($"Error: {n.ToCss(false)} isn't a valid CSS value."),
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
