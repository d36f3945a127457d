namespace Homepage.Sass;

/// <summary>An <c>@extend</c>: <see cref="Extender"/> takes the place of <see cref="Target"/> in matching selectors.</summary>
internal sealed class Extension
{
    public Extension(ComplexSelector extender, SimpleSelector? target, string? media, bool optional, bool isOriginal = false)
    {
        Extender = extender;
        Target = target;
        Media = media;
        Optional = optional;
        IsOriginal = isOriginal;
    }

    public ComplexSelector Extender { get; }
    public SimpleSelector? Target { get; }
    /// <summary>The media query the @extend stands in (null outside any): it applies to selectors in that media only.</summary>
    public string? Media { get; }
    public bool Optional { get; set; }
    /// <summary>Stands for the selector being extended itself, not an extender.</summary>
    public bool IsOriginal { get; }

    /// <summary>Where the @extend stands, for errors.</summary>
    public SourceSpan? Span { get; init; }

    public Extension WithExtender(ComplexSelector extender) => new(extender, Target, Media, Optional) { Span = Span };

    public void AssertCompatibleMedia(string? media)
    {
        if (Media is null || Media == media) return;
        var message = $"Error: You may not @extend selectors across media queries.\n       Use \"@extend {Target} !optional\" to avoid this error.";
        throw Span is { } span ? new SassException($"{message}\n        on line {span.Line} of {span.File}", span.File, span.Line, span.Column) : new SassException(message);
    }
}

/// <summary>A rule's selector as the extender keeps it: extends that come later rewrite it in place.</summary>
internal sealed class ExtendedSelector(SelectorList value, string? media)
{
    public SelectorList Value { get; set; } = value;
    public string? Media { get; } = media;
}

internal enum ExtendMode { Normal, AllTargets, Replace }

/// <summary>
/// <c>@extend</c> as libsass 3.6 does it (its port of dart-sass's extender): selectors are registered as their rules
/// are met and extensions as the @extends are, each new one rewriting what is already there, so that the order of the
/// selectors produced is libsass's. Also <c>selector-extend</c> and <c>selector-replace</c>.
/// </summary>
internal sealed class Extender
{
    /// <summary>Each simple selector, with the rule selectors containing it.</summary>
    private readonly Dictionary<SimpleSelector, List<ExtendedSelector>> _selectors = new();
    private readonly Dictionary<SimpleSelector, HashSet<ExtendedSelector>> _selectorSets = new();
    /// <summary>Each target, with its extensions by extender (in the order they were added).</summary>
    private readonly Dictionary<SimpleSelector, OrderedExtensions> _extensions = new();
    /// <summary>Each simple selector in an extender, with the extensions whose extender holds it.</summary>
    private readonly Dictionary<SimpleSelector, List<Extension>> _extensionsByExtender = new();
    /// <summary>The specificity of the selectors that simple selectors came from, for trimming.</summary>
    private readonly Dictionary<SimpleSelector, int> _sourceSpecificity = new();
    /// <summary>Selectors written in the stylesheet (never trimmed away): the very objects, as libsass compares them.</summary>
    private readonly HashSet<ComplexSelector> _originals = new(ReferenceEqualityComparer.Instance);
    private readonly ExtendMode _mode;

    public Extender(ExtendMode mode = ExtendMode.Normal) => _mode = mode;

    /// <summary>Extensions of one target, by extender, in insertion order.</summary>
    internal sealed class OrderedExtensions
    {
        private readonly Dictionary<ComplexSelector, int> _index = new();
        private readonly List<(ComplexSelector Key, Extension Value)?> _items = new();

        public int Count => _index.Count;
        public bool TryGetValue(ComplexSelector key, out Extension value)
        {
            if (_index.TryGetValue(key, out var i)) { value = _items[i]!.Value.Value; return true; }
            value = null!;
            return false;
        }
        public void Set(ComplexSelector key, Extension value)
        {
            if (_index.TryGetValue(key, out var i)) _items[i] = (key, value);
            else
            {
                _index[key] = _items.Count;
                _items.Add((key, value));
            }
        }
        public void Remove(ComplexSelector key)
        {
            if (!_index.Remove(key, out var i)) return;
            _items[i] = null;
        }
        public IEnumerable<Extension> Values => _items.Where(x => x is not null).Select(x => x!.Value.Value);
    }

    /// <summary>
    /// An extender as libsass returns it when it replaces a lone simple selector: each compound's simple selectors
    /// sorted (stably) as placeholders, then type and universal selectors, then classes, ids and attributes, then
    /// pseudo selectors (<c>:hover.c</c> extends <c>.b</c> as <c>.c:hover</c>, but <c>.b.x</c> as <c>.x:hover.c</c>).
    /// </summary>
    private static ComplexSelector Sorted(ComplexSelector complex)
    {
        static int Rank(SimpleSelector s) => s switch
        {
            PlaceholderSelector => 0,
            TypeSelector or UniversalSelector => 1,
            PseudoSelector => 3,
            _ => 2,
        };
        static bool IsSorted(List<SimpleSelector> simples)
        {
            for (var i = 1; i < simples.Count; i++)
                if (Rank(simples[i - 1]) > Rank(simples[i])) return false;
            return true;
        }
        if (complex.Components.All(c => c.IsCombinator || IsSorted(c.Simples!))) return complex;
        return new ComplexSelector(complex.Components.Select(c => c.IsCombinator || IsSorted(c.Simples!) ? c
            : SelectorComponent.Compound(c.Simples!.OrderBy(Rank).ToList())).ToList(), complex.LineBreak);
    }

    // ---- the selector functions ------------------------------------------------------------------------------------

    public static SelectorList Extend(SelectorList selector, SelectorList source, SelectorList targets) =>
        ExtendOrReplace(selector, source, targets, ExtendMode.AllTargets);

    public static SelectorList Replace(SelectorList selector, SelectorList source, SelectorList targets) =>
        ExtendOrReplace(selector, source, targets, ExtendMode.Replace);

    private static SelectorList ExtendOrReplace(SelectorList selector, SelectorList source, SelectorList targets, ExtendMode mode)
    {
        var extenders = new OrderedExtensions();
        foreach (var complex in source.Complexes) extenders.Set(complex, new Extension(complex, null, null, true));
        foreach (var complex in targets.Complexes)
        {
            if (complex.Components.Count != 1 || !complex.Components[0].IsCompound)
                throw new SassException($"Error: Can't extend complex selector {complex}.");
            var extensions = new Dictionary<SimpleSelector, OrderedExtensions>();
            foreach (var simple in complex.Components[0].Simples!) extensions[simple] = extenders;
            var extender = new Extender(mode);
            if (!selector.IsInvisible) extender._originals.UnionWith(selector.Complexes);
            selector = extender.ExtendList(selector, extensions, null);
        }
        return selector;
    }

    // ---- the stylesheet's @extends ---------------------------------------------------------------------------------

    /// <summary>A rule's selector met: extended by the extensions so far, and kept for those to come.</summary>
    public ExtendedSelector AddSelector(SelectorList selector, string? media)
    {
        if (!selector.IsInvisible) _originals.UnionWith(selector.Complexes);
        if (_extensions.Count > 0) selector = ExtendList(selector, _extensions, media);
        var extended = new ExtendedSelector(selector, media);
        RegisterSelector(selector, extended);
        return extended;
    }

    private void RegisterSelector(SelectorList list, ExtendedSelector selector)
    {
        foreach (var complex in list.Complexes)
            foreach (var component in complex.Components)
            {
                if (!component.IsCompound) continue;
                foreach (var simple in component.Simples!)
                {
                    if (!_selectorSets.TryGetValue(simple, out var set))
                    {
                        _selectorSets[simple] = set = new HashSet<ExtendedSelector>(ReferenceEqualityComparer.Instance);
                        _selectors[simple] = new List<ExtendedSelector>();
                    }
                    if (set.Add(selector)) _selectors[simple].Add(selector);
                    if (simple is PseudoSelector { Selector: { } inner }) RegisterSelector(inner, selector);
                }
            }
    }

    /// <summary>An @extend met: <paramref name="extender"/> (the rule's selector) extends <paramref name="target"/>.</summary>
    public void AddExtension(SelectorList extender, SimpleSelector target, string? media, bool optional, SourceSpan? span = null)
    {
        _selectors.TryGetValue(target, out var selectors);
        _extensionsByExtender.TryGetValue(target, out var existingExtensions);
        OrderedExtensions? newExtensions = null;
        if (!_extensions.TryGetValue(target, out var sources)) _extensions[target] = sources = new OrderedExtensions();
        foreach (var complex in extender.Complexes)
        {
            var state = new Extension(complex, target, media, optional) { Span = span };
            if (sources.TryGetValue(complex, out var existing))
            {
                // the same extend again: nothing new, but it is mandatory if either is
                existing.Optional &= optional;
                continue;
            }
            sources.Set(complex, state);
            foreach (var component in complex.Components)
            {
                if (!component.IsCompound) continue;
                foreach (var simple in component.Simples!)
                {
                    if (!_extensionsByExtender.TryGetValue(simple, out var list)) _extensionsByExtender[simple] = list = new List<Extension>();
                    list.Add(state);
                    // only the original selector's specificity counts
                    _sourceSpecificity.TryAdd(simple, complex.MaxSpecificity);
                }
            }
            if (selectors is not null || existingExtensions is not null)
            {
                newExtensions ??= new OrderedExtensions();
                newExtensions.Set(complex, state);
            }
        }
        if (newExtensions is null) return;

        var newExtensionsByTarget = new Dictionary<SimpleSelector, OrderedExtensions> { [target] = newExtensions };
        if (existingExtensions is not null)
        {
            var additional = ExtendExistingExtensions(existingExtensions, newExtensionsByTarget);
            if (additional is not null)
                foreach (var (key, value) in additional)
                {
                    if (!newExtensionsByTarget.TryGetValue(key, out var map)) newExtensionsByTarget[key] = map = new OrderedExtensions();
                    foreach (var ext in value.Values) map.Set(ext.Extender, ext);
                }
        }
        if (selectors is not null) ExtendExistingSelectors(selectors, newExtensionsByTarget);
    }

    private Dictionary<SimpleSelector, OrderedExtensions>? ExtendExistingExtensions(List<Extension> extensions, Dictionary<SimpleSelector, OrderedExtensions> newExtensions)
    {
        Dictionary<SimpleSelector, OrderedExtensions>? additional = null;
        foreach (var extension in extensions.ToList())
        {
            var sources = _extensions[extension.Target!];
            var selectors = ExtendComplex(extension.Extender, newExtensions, extension.Media);
            if (selectors is null) continue;
            var containsExtension = selectors[0].Equals(extension.Extender);
            foreach (var complex in selectors)
            {
                var withExtender = extension.WithExtender(complex);
                if (sources.TryGetValue(complex, out var existing))
                {
                    existing.Optional &= withExtender.Optional;
                    continue;
                }
                sources.Set(complex, withExtender);
                foreach (var component in complex.Components)
                {
                    if (!component.IsCompound) continue;
                    foreach (var simple in component.Simples!)
                    {
                        if (!_extensionsByExtender.TryGetValue(simple, out var list)) _extensionsByExtender[simple] = list = new List<Extension>();
                        list.Add(withExtender);
                    }
                }
                if (newExtensions.ContainsKey(extension.Target!))
                {
                    additional ??= new Dictionary<SimpleSelector, OrderedExtensions>();
                    if (!additional.TryGetValue(extension.Target!, out var map)) additional[extension.Target!] = map = new OrderedExtensions();
                    map.Set(complex, withExtender);
                }
            }
            // the extender itself is not among the results (a :not() expanded): the old one goes
            if (!containsExtension) sources.Remove(extension.Extender);
        }
        return additional;
    }

    private void ExtendExistingSelectors(List<ExtendedSelector> selectors, Dictionary<SimpleSelector, OrderedExtensions> newExtensions)
    {
        foreach (var selector in selectors.ToList())
        {
            var old = selector.Value;
            selector.Value = ExtendList(selector.Value, newExtensions, selector.Media);
            // nothing extended (unification failed, say): nothing to register again
            if (ReferenceEquals(old, selector.Value)) continue;
            RegisterSelector(selector.Value, selector);
        }
    }

    /// <summary>The first non-optional extension whose target no selector has, if any (libsass then stops with an error).</summary>
    public Extension? UnsatisfiedExtension()
    {
        if (_selectors.Count == 0) return null;
        foreach (var (target, sources) in _extensions)
        {
            var first = sources.Values.FirstOrDefault();
            if (first is null || _selectors.ContainsKey(target)) continue;
            if (!first.Optional) return first;
        }
        return null;
    }

    // ---- extending -------------------------------------------------------------------------------------------------

    private const long MaxPaths = 10_000;

    private SelectorList ExtendList(SelectorList list, Dictionary<SimpleSelector, OrderedExtensions> extensions, string? media)
    {
        List<ComplexSelector>? extended = null;
        for (var i = 0; i < list.Complexes.Count; i++)
        {
            var complex = list.Complexes[i];
            var result = ExtendComplex(complex, extensions, media);
            if (result is null) extended?.Add(complex);
            else
            {
                extended ??= list.Complexes.Take(i).ToList();
                extended.AddRange(result);
            }
        }
        if (extended is null) return list;
        if (extended.Count > MaxPaths) throw new SassException("Error: EndlessExtendError: Extend is creating an absurdly big selector, aborting!");
        return new SelectorList(Trim(extended, _originals.Contains));
    }

    private List<ComplexSelector>? ExtendComplex(ComplexSelector complex, Dictionary<SimpleSelector, OrderedExtensions> extensions, string? media)
    {
        // what each compound can become: .a .b with .x .y extending .b gives [[.a], [.b, .x .y]]
        List<List<ComplexSelector>>? extendedNotExpanded = null;
        var isOriginal = _originals.Contains(complex);
        for (var i = 0; i < complex.Components.Count; i++)
        {
            var component = complex.Components[i];
            if (component.IsCompound)
            {
                var extended = ExtendCompound(component, extensions, media, isOriginal);
                if (extended is null) extendedNotExpanded?.Add([new ComplexSelector([component])]);
                else
                {
                    extendedNotExpanded ??= complex.Components.Take(i).Select(c => new List<ComplexSelector> { new([c], complex.LineBreak) }).ToList();
                    extendedNotExpanded.Add(extended);
                }
            }
            else extendedNotExpanded?.Add([new ComplexSelector([component])]);
        }
        if (extendedNotExpanded is null) return null;
        // libsass gives up on extensions that multiply without end
        var count = 1L;
        foreach (var options in extendedNotExpanded)
            if ((count *= options.Count) > MaxPaths)
                throw new SassException("Error: EndlessExtendError: Extend is creating an absurdly big selector, aborting!");

        var first = true;
        var result = new List<ComplexSelector>();
        foreach (var path in Selectors.Paths(extendedNotExpanded))
            foreach (var components in Selectors.Weave(path.Select(c => c.Components.ToList()).ToList()))
            {
                var output = new ComplexSelector(components, complex.LineBreak || path.Any(c => c.LineBreak));
                // copies of an original selector stay original (a :not() extended into it, say)
                if (first && _originals.Contains(complex)) _originals.Add(output);
                first = false;
                result.Add(output);
            }
        // libsass takes nothing woven as nothing extended: the selector stays
        return result.Count == 0 ? null : result;
    }

    private List<ComplexSelector>? ExtendCompound(SelectorComponent compound, Dictionary<SimpleSelector, OrderedExtensions> extensions, string? media, bool inOriginal)
    {
        // with several targets that must all match, which were used
        var targetsUsed = _mode == ExtendMode.Normal || extensions.Count < 2 ? null : new HashSet<SimpleSelector>();
        List<List<Extension>>? options = null;
        var simples = compound.Simples!;
        for (var i = 0; i < simples.Count; i++)
        {
            var simple = simples[i];
            var extended = ExtendSimple(simple, extensions, media, targetsUsed);
            if (extended is null) options?.Add([ExtensionForSimple(simple)]);
            else
            {
                if (options is null)
                {
                    options = new List<List<Extension>>();
                    if (i != 0) options.Add([ExtensionForCompound(simples.Take(i).ToList())]);
                }
                options.AddRange(extended);
            }
        }
        if (options is null) return null;
        if (targetsUsed is not null && targetsUsed.Count != extensions.Count) return null;

        // one simple selector extended, nothing to unify: the extenders as they are (their compounds sorted, as libsass)
        if (options.Count == 1)
            return options[0].Select(state =>
            {
                state.AssertCompatibleMedia(media);
                return Sorted(state.Extender);
            }).ToList();

        // each path through the options is one unification of the compound: the first is the compound itself
        var first = _mode != ExtendMode.Replace;
        var unifiedPaths = new List<List<ComplexSelector>>();
        foreach (var path in Selectors.Paths(options))
        {
            List<List<SelectorComponent>>? complexes;
            if (first)
            {
                first = false;
                complexes = [[SelectorComponent.Compound(path.SelectMany(state => state.Extender.Components[^1].Simples!).ToList())]];
            }
            else
            {
                var toUnify = new List<List<SelectorComponent>>();
                List<SimpleSelector>? originals = null;
                foreach (var state in path)
                {
                    if (state.IsOriginal)
                    {
                        // libsass keeps only the last simple selector of an original compound here
                        originals ??= new List<SimpleSelector>();
                        originals.Add(state.Extender.Components[^1].Simples![^1]);
                    }
                    else toUnify.Add(state.Extender.Components.ToList());
                }
                if (originals is not null) toUnify.Insert(0, [SelectorComponent.Compound(originals)]);
                complexes = Selectors.UnifyComplex(toUnify);
                // libsass gives up on the whole compound when one unification fails
                if (complexes is null) return null;
            }
            var lineBreak = false;
            foreach (var state in path)
            {
                state.AssertCompatibleMedia(media);
                lineBreak |= state.Extender.LineBreak;
            }
            unifiedPaths.Add(complexes.Select(components => new ComplexSelector(components, lineBreak)).ToList());
        }

        // the original selector's own unification stays (trim must not drop it)
        Func<ComplexSelector, bool> isOriginal = _ => false;
        if (inOriginal && _mode != ExtendMode.Replace && unifiedPaths.Count > 0 && unifiedPaths[0].Count > 0)
        {
            var original = unifiedPaths[0][0];
            isOriginal = c => c.Equals(original);
        }
        var trimmed = Trim(unifiedPaths.SelectMany(p => p).ToList(), isOriginal);
        return trimmed.Count == 0 ? null : trimmed;
    }

    private List<List<Extension>>? ExtendSimple(SimpleSelector simple, Dictionary<SimpleSelector, OrderedExtensions> extensions, string? media, HashSet<SimpleSelector>? targetsUsed)
    {
        List<Extension>? WithoutPseudo(SimpleSelector s)
        {
            if (!extensions.TryGetValue(s, out var extenders)) return null;
            targetsUsed?.Add(s);
            if (_mode == ExtendMode.Replace) return extenders.Values.ToList();
            return [ExtensionForSimple(s), .. extenders.Values];
        }
        if (simple is PseudoSelector { Selector: not null } pseudo && ExtendPseudo(pseudo, extensions, media) is { } extended)
            return extended.Select(p => WithoutPseudo(p) ?? [ExtensionForSimple(p)]).ToList();
        return WithoutPseudo(simple) is { } result ? [result] : null;
    }

    private Extension ExtensionForSimple(SimpleSelector simple) =>
        new(new ComplexSelector([SelectorComponent.Compound([simple])]), null, null, true, isOriginal: true);

    private Extension ExtensionForCompound(List<SimpleSelector> simples) =>
        new(new ComplexSelector([SelectorComponent.Compound(simples)]), null, null, true, isOriginal: true);

    private List<PseudoSelector>? ExtendPseudo(PseudoSelector pseudo, Dictionary<SimpleSelector, OrderedExtensions> extensions, string? media)
    {
        var selector = pseudo.Selector!;
        var extended = ExtendList(selector, extensions, media);
        if (ReferenceEquals(extended, selector)) return null;

        // :not() keeps to compound selectors unless it had complex ones, or the extension gives only complex ones
        IEnumerable<ComplexSelector> complexes = extended.Complexes;
        if (pseudo.NormalizedName == "not" && !selector.Complexes.Any(c => c.Components.Count > 1) && extended.Complexes.Any(c => c.Components.Count == 1))
            complexes = extended.Complexes.Where(c => c.Components.Count <= 1);

        complexes = complexes.SelectMany(complex =>
        {
            if (complex.Components.Count != 1 || !complex.Components[0].IsCompound) return [complex];
            var simples = complex.Components[0].Simples!;
            if (simples.Count != 1 || simples[0] is not PseudoSelector { Selector: { } innerSelector } inner) return [complex];
            switch (pseudo.NormalizedName)
            {
                case "not":
                    // a :not inside a :not is not unified (a narrow case)
                    if (inner.NormalizedName != "matches") return [];
                    return innerSelector.Complexes;
                case "matches" or "any" or "current" or "nth-child" or "nth-last-child":
                    if (inner.Name != pseudo.Name || inner.Argument != pseudo.Argument) return [];
                    return innerSelector.Complexes;
                case "has" or "host" or "host-context" or "slotted":
                    // each layer adds meaning: :has(:has(img)) is not :has(img)
                    return [complex];
                default:
                    return (IEnumerable<ComplexSelector>)[];
            }
        }).ToList();

        // older browsers take :not() with one complex selector only: split it unless it held a list
        if (pseudo.NormalizedName == "not" && selector.Complexes.Count == 1)
        {
            var result = complexes.Select(c => pseudo.WithSelector(new SelectorList([c]))).ToList();
            return result.Count == 0 ? null : result;
        }
        return [pseudo.WithSelector(new SelectorList(complexes.ToList()))];
    }

    /// <summary>
    /// Drops the selectors another one matches a superset of (with a specificity at least that of their source),
    /// keeping the first of equal ones and every original.
    /// </summary>
    private List<ComplexSelector> Trim(List<ComplexSelector> selectors, Func<ComplexSelector, bool> isOriginal)
    {
        // quadratic: not for long lists
        if (selectors.Count > 100) return selectors;
        var result = new LinkedList<ComplexSelector>();
        var numOriginals = 0;
        for (var i = selectors.Count - 1; i >= 0; i--)
        {
            var complex1 = selectors[i];
            if (isOriginal(complex1))
            {
                // no duplicate originals (a rule extending part of its own selector)
                var node = result.First;
                var duplicate = false;
                for (var j = 0; j < numOriginals && node is not null; j++, node = node.Next)
                {
                    if (node.Value.Equals(complex1))
                    {
                        // rotate result[0..j] so that this one comes first
                        result.Remove(node);
                        result.AddFirst(node);
                        duplicate = true;
                        break;
                    }
                }
                if (duplicate) continue;
                numOriginals++;
                result.AddFirst(complex1);
                continue;
            }

            var maxSpecificity = 0;
            foreach (var component in complex1.Components)
                if (component.IsCompound) maxSpecificity = Math.Max(maxSpecificity, SourceSpecificityFor(component));
            if (result.Any(complex2 => complex2.MinSpecificity >= maxSpecificity && complex2.IsSuperselector(complex1))) continue;
            var trimmed = false;
            for (var j = 0; j < i; j++)
                if (selectors[j].MinSpecificity >= maxSpecificity && selectors[j].IsSuperselector(complex1))
                {
                    trimmed = true;
                    break;
                }
            if (trimmed) continue;
            result.AddFirst(complex1);
        }
        return result.ToList();
    }

    private int SourceSpecificityFor(SelectorComponent compound)
    {
        var specificity = 0;
        foreach (var simple in compound.Simples!)
            if (_sourceSpecificity.TryGetValue(simple, out var s)) specificity = Math.Max(specificity, s);
        return specificity;
    }
}
