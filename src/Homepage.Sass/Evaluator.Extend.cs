namespace Homepage.Sass;

/// <summary>
/// <c>@extend</c> in the stylesheet: each style rule's selector goes to the <see cref="Extender"/> as the rule was
/// met, each @extend as it was, in the order libsass meets them; then every rule takes its selector as the extender
/// left it, less the selectors with placeholders.
/// </summary>
internal sealed partial class Evaluator
{
    private readonly Extender _extender = new();

    /// <summary>The extender's selector of each rule's selector list (by the list's identity: the copies of a rule that
    /// media blocks and at-rules make share it, as they share the selector in libsass).</summary>
    private readonly Dictionary<List<string>, ExtendedSelector?> _extendedSelectors = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every rule printed, with the extender's selector of it and the selector it was written with.</summary>
    private readonly List<(CssRule Rule, ExtendedSelector Selector)> _extendedRules = new();
    private readonly Dictionary<ExtendedSelector, SelectorList> _writtenSelectors = new(ReferenceEqualityComparer.Instance);

    /// <summary>A rule's selectors parsed into the selector model (with their line breaks), or null when they are
    /// no selector the model knows (a keyframe's <c>50%</c>, say).</summary>
    private static SelectorList? ParseRuleSelectors(List<string> selectors, IReadOnlySet<string>? breaks)
    {
        if (selectors.Count == 0) return null;
        var complexes = new List<ComplexSelector>(selectors.Count);
        foreach (var text in selectors)
        {
            var parsed = Selectors.TryParse(text);
            if (parsed is null || parsed.Complexes.Count != 1) return null;
            var complex = parsed.Complexes[0];
            complexes.Add(breaks?.Contains(text) == true ? new ComplexSelector(complex.Components, lineBreak: true) : complex);
        }
        return new SelectorList(complexes);
    }

    private ExtendedSelector? ExtendedSelectorOf(List<string> selectors, IReadOnlySet<string>? breaks, string? media)
    {
        if (_extendedSelectors.TryGetValue(selectors, out var known)) return known;
        var written = ParseRuleSelectors(selectors, breaks);
        ExtendedSelector? extended = null;
        if (written is not null)
        {
            extended = _extender.AddSelector(written, media);
            _writtenSelectors[extended] = written;
        }
        _extendedSelectors[selectors] = extended;
        return extended;
    }

    /// <summary>The rules and @extends met, in order, replayed through the extender at the end: then a rule whose
    /// selector has no target of any @extend in it (nor a placeholder) need not be parsed at all.</summary>
    private readonly List<object> _extendEvents = new();

    private sealed record RuleEvent(CssRule Rule, List<string> Selectors, string? Media);

    private sealed record ExtendEvent(List<string> Selectors, IReadOnlySet<string>? Breaks, string? Media, SelectorList Targets, bool Optional, SourceSpan Span);

    /// <summary>A rule met (or a copy of one, which shares its selector list).</summary>
    private void RecordRule(CssRule rule, List<string> selectors, string? media) => _extendEvents.Add(new RuleEvent(rule, selectors, media));

    private void RecordExtend(ExtendStatement e, string targetText, Context context)
    {
        if (context.Selectors.Count == 0)
            throw LocatedAs("Error: Extend directives may only be used within rules.", e.Span);
        // (a target the selector model does not know extends nothing)
        if (Selectors.TryParse(targetText) is not { } targets)
        {
            if (targetText.Contains('&')) throw LocatedAs("Error: Parent selectors aren't allowed here.", e.Span);
            return;
        }
        foreach (var complex in targets.Complexes)
            if (complex.Components.Count != 1 || !complex.Components[0].IsCompound)
                throw LocatedAs("Error: complex selectors may not be extended.", e.Span);
        _extendEvents.Add(new ExtendEvent(context.Selectors, context.Breaks, context.Media, targets, e.Optional, e.Span));
    }

    /// <summary>Each rule's selector goes to the extender as the rule was met, each @extend as it was.</summary>
    private void ReplayExtends()
    {
        var targetTexts = _extendEvents.OfType<ExtendEvent>().SelectMany(e => e.Targets.Complexes)
            .SelectMany(c => c.Components[0].Simples!).Select(s => s.Text).Distinct().ToList();
        foreach (var ev in _extendEvents)
        {
            if (ev is RuleEvent r)
            {
                ExtendedSelector? extended;
                if (!_extendedSelectors.TryGetValue(r.Selectors, out extended))
                {
                    // a selector no @extend can reach is left as written
                    if (!r.Selectors.Any(s => s.Contains('%') || targetTexts.Any(t => s.Contains(t, StringComparison.Ordinal)))) continue;
                    extended = ExtendedSelectorOf(r.Selectors, r.Rule.Breaks, r.Media);
                }
                if (extended is not null) _extendedRules.Add((r.Rule, extended));
                continue;
            }
            var e = (ExtendEvent)ev;
            var extender = ExtendedSelectorOf(e.Selectors, e.Breaks, e.Media);
            if (extender is null) continue;
            foreach (var complex in e.Targets.Complexes)
                // a compound target (deprecated in libsass) extends each of its simple selectors
                foreach (var simple in complex.Components[0].Simples!)
                    _extender.AddExtension(extender.Value, simple, e.Media, e.Optional, e.Span);
        }
    }

    private void ApplyExtends(List<CssNode> nodes)
    {
        ReplayExtends();
        if (_extender.UnsatisfiedExtension() is { } unsatisfied)
        {
            var message = $"Error: The target selector was not found.\n       Use \"@extend {unsatisfied.Target} !optional\" to avoid this error.";
            throw unsatisfied.Span is { } span ? new SassException($"{message}\n        on line {span.Line} of {span.File}", span.File, span.Line, span.Column) : new SassException(message);
        }
        var done = new HashSet<CssRule>(ReferenceEqualityComparer.Instance);
        foreach (var (rule, extended) in _extendedRules)
        {
            if (!done.Add(rule)) continue;
            var value = extended.Value;
            var written = _writtenSelectors[extended];
            var visible = value.Complexes.Select(WithoutPlaceholders).OfType<ComplexSelector>().ToList();
            // a rule no @extend touched and without placeholders keeps its selectors as written
            if (ReferenceEquals(value, written) && visible.Count == value.Complexes.Count && visible.Select((c, i) => ReferenceEquals(c, value.Complexes[i])).All(x => x)) continue;
            rule.Selectors = visible.Select(c => c.Text).ToList();
            rule.Breaks = visible.Where(c => c.LineBreak).Select(c => c.Text).ToHashSet(StringComparer.Ordinal);
        }
        RemovePlaceholders(nodes, done);
    }

    /// <summary>
    /// A selector as printed: none when a compound of it has a placeholder; inside pseudo selectors the complex
    /// selectors with placeholders go, and a pseudo left empty goes too (<c>a:not(%b)</c> prints <c>a</c>).
    /// </summary>
    private static ComplexSelector? WithoutPlaceholders(ComplexSelector complex)
    {
        if (complex.Components.Any(c => c.IsCompound && c.Simples!.Any(s => s is PlaceholderSelector))) return null;
        if (!complex.Components.Any(c => c.IsCompound && c.Simples!.Any(s => s is PseudoSelector { Selector: not null }))) return complex;
        var components = new List<SelectorComponent>();
        var changed = false;
        foreach (var component in complex.Components)
        {
            if (component.IsCombinator)
            {
                components.Add(component);
                continue;
            }
            var simples = new List<SimpleSelector>();
            foreach (var simple in component.Simples!)
            {
                if (simple is not PseudoSelector { Selector: { } inner } pseudo)
                {
                    simples.Add(simple);
                    continue;
                }
                var kept = inner.Complexes.Select(WithoutPlaceholders).OfType<ComplexSelector>().ToList();
                if (kept.Count == inner.Complexes.Count && kept.Select((c, i) => ReferenceEquals(c, inner.Complexes[i])).All(x => x))
                {
                    simples.Add(simple);
                    continue;
                }
                changed = true;
                if (kept.Count > 0) simples.Add(pseudo.WithSelector(new SelectorList(kept)));
            }
            if (simples.Count > 0) components.Add(SelectorComponent.Compound(simples));
        }
        if (!changed) return complex;
        return components.Count == 0 ? null : new ComplexSelector(components, complex.LineBreak);
    }

    /// <summary>The rules the selector model does not know keep their selectors, less those with placeholders.</summary>
    private static void RemovePlaceholders(List<CssNode> nodes, HashSet<CssRule> extended)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case CssRule rule when !extended.Contains(rule) && rule.Selectors.Any(HasPlaceholder):
                    rule.Selectors = rule.Selectors.Where(s => !HasPlaceholder(s)).ToList();
                    break;
                case CssMedia media:
                    RemovePlaceholders(media.Children, extended);
                    break;
                case CssAtRule at:
                    RemovePlaceholders(at.Children, extended);
                    break;
            }
        }
    }

    /// <summary>A selector with a placeholder (<c>%name</c>) in it is never printed (a keyframe's <c>50%</c> is no placeholder).</summary>
    private static bool HasPlaceholder(string selector)
    {
        for (var i = selector.IndexOf('%'); i >= 0; i = selector.IndexOf('%', i + 1))
            if ((i == 0 || !(char.IsDigit(selector[i - 1]) || selector[i - 1] == '.')) && i + 1 < selector.Length && (char.IsLetter(selector[i + 1]) || selector[i + 1] is '-' or '_' or '\\'))
                return true;
        return false;
    }

    /// <summary>A selector's compounds and combinators, split at spaces outside parentheses and brackets.</summary>
    private static List<string> SelectorTokens(string selector)
    {
        var tokens = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= selector.Length; i++)
        {
            if (i < selector.Length)
            {
                var c = selector[i];
                if (c is '(' or '[') depth++;
                else if (c is ')' or ']') depth--;
                if (c != ' ' || depth > 0) continue;
            }
            if (i > start) tokens.Add(selector[start..i]);
            start = i + 1;
        }
        return tokens;
    }
}
