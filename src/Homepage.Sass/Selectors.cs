using System.Text;

namespace Homepage.Sass;

// A parsed selector model as libsass 3.6 has it (ported there from dart-sass): a selector list of complex selectors,
// each a sequence of compound selectors and combinators, each compound a sequence of simple selectors; pseudo
// selectors such as :not() hold a selector list of their own. Every node is immutable and compares by its printed
// form (two selectors are equal when they print alike), which is also its hash key.

/// <summary>A simple selector: type, universal, class, id, placeholder, attribute or pseudo.</summary>
internal abstract class SimpleSelector : IEquatable<SimpleSelector>
{
    protected SimpleSelector(string text) => Text = text;

    /// <summary>The selector as libsass prints it.</summary>
    public string Text { get; }

    public virtual int MinSpecificity => 1000;
    public virtual int MaxSpecificity => MinSpecificity;

    /// <summary>Whether a rule with this selector is never printed (a placeholder, or a selector pseudo of them).</summary>
    public virtual bool IsInvisible => false;

    public bool Equals(SimpleSelector? other) => other is not null && other.GetType() == GetType() && (other.Text == Text
        // :after is ::after (both pseudo elements)
        || (this is PseudoSelector p && other is PseudoSelector q && p.Name == q.Name && p.IsElement == q.IsElement && p.Argument == q.Argument && Equals(p.Selector, q.Selector)));
    public override bool Equals(object? obj) => Equals(obj as SimpleSelector);
    public override int GetHashCode() => this is PseudoSelector p ? p.Name.GetHashCode(StringComparison.Ordinal) : Text.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Text;

    /// <summary>This selector unified with <paramref name="compound"/>'s simple selectors, or null when nothing can match both.</summary>
    public virtual List<SimpleSelector>? Unify(List<SimpleSelector> compound)
    {
        if (compound.Count == 1 && compound[0] is UniversalSelector) return compound[0].Unify([this]);
        if (compound.Contains(this)) return compound;
        var result = new List<SimpleSelector>(compound.Count + 1);
        var added = false;
        foreach (var simple in compound)
        {
            // pseudo selectors stay last
            if (!added && simple is PseudoSelector)
            {
                result.Add(this);
                added = true;
            }
            result.Add(simple);
        }
        if (!added) result.Add(this);
        return result;
    }
}

internal sealed class TypeSelector(string? ns, string name) : SimpleSelector(ns is null ? name : ns + "|" + name)
{
    public string? Namespace { get; } = ns;
    public string Name { get; } = name;
    public override int MinSpecificity => 1;

    public override List<SimpleSelector>? Unify(List<SimpleSelector> compound)
    {
        if (compound.Count > 0 && compound[0] is UniversalSelector or TypeSelector)
        {
            var unified = Selectors.UnifyUniversalAndElement(this, compound[0]);
            if (unified is null) return null;
            return [unified, .. compound.Skip(1)];
        }
        return [this, .. compound];
    }
}

internal sealed class UniversalSelector(string? ns) : SimpleSelector(ns is null ? "*" : ns + "|*")
{
    public string? Namespace { get; } = ns;
    public override int MinSpecificity => 0;

    public override List<SimpleSelector>? Unify(List<SimpleSelector> compound)
    {
        if (compound.Count > 0 && compound[0] is UniversalSelector or TypeSelector)
        {
            var unified = Selectors.UnifyUniversalAndElement(this, compound[0]);
            if (unified is null) return null;
            return [unified, .. compound.Skip(1)];
        }
        if (Namespace is not null && Namespace != "*") return [this, .. compound];
        if (compound.Count > 0) return compound;
        return [this];
    }
}

internal sealed class ClassSelector(string name) : SimpleSelector("." + name);

internal sealed class PlaceholderSelector(string name) : SimpleSelector("%" + name)
{
    public override bool IsInvisible => true;
}

internal sealed class IdSelector(string name) : SimpleSelector("#" + name)
{
    public override int MinSpecificity => 1_000_000;

    public override List<SimpleSelector>? Unify(List<SimpleSelector> compound)
    {
        // a compound has one id at the most
        if (compound.Any(s => s is IdSelector && !s.Equals(this))) return null;
        return base.Unify(compound);
    }
}

internal sealed class AttributeSelector(string text) : SimpleSelector(text);

internal sealed class PseudoSelector : SimpleSelector
{
    public PseudoSelector(string name, bool syntacticElement, string? argument, SelectorList? selector)
        : base(Print(name, syntacticElement, argument, selector))
    {
        Name = name;
        SyntacticElement = syntacticElement;
        Argument = argument;
        Selector = selector;
        NormalizedName = Selectors.Unvendor(name).ToLowerInvariant();
        IsElement = syntacticElement || NormalizedName is "after" or "before" or "first-line" or "first-letter";
    }

    public string Name { get; }
    public string NormalizedName { get; }
    /// <summary>Written with two colons.</summary>
    public bool SyntacticElement { get; }
    public bool IsElement { get; }
    public bool IsClass => !IsElement;
    public string? Argument { get; }
    public SelectorList? Selector { get; }

    public PseudoSelector WithSelector(SelectorList selector) => new(Name, SyntacticElement, Argument, selector);

    private static string Print(string name, bool element, string? argument, SelectorList? selector)
    {
        var sb = new StringBuilder(element ? "::" : ":").Append(name);
        if (argument is null && selector is null) return sb.ToString();
        sb.Append('(');
        if (argument is not null) sb.Append(argument);
        if (argument is not null && selector is not null) sb.Append(' ');
        if (selector is not null) sb.Append(selector.Text);
        return sb.Append(')').ToString();
    }

    public override int MinSpecificity
    {
        get
        {
            if (IsElement) return 1;
            if (Selector is null) return 1000;
            if (NormalizedName == "not") return Selector.Complexes.Count == 0 ? 0 : Selector.Complexes.Max(c => c.MinSpecificity);
            return Selector.Complexes.Count == 0 ? 0 : Selector.Complexes.Min(c => c.MinSpecificity);
        }
    }

    public override int MaxSpecificity
    {
        get
        {
            if (IsElement) return 1;
            if (Selector is null) return 1000;
            return Selector.Complexes.Count == 0 ? 0 : Selector.Complexes.Max(c => c.MaxSpecificity);
        }
    }

    public override bool IsInvisible => Selector is not null && Selector.IsInvisible;

    public override List<SimpleSelector>? Unify(List<SimpleSelector> compound)
    {
        if (compound.Contains(this)) return compound;
        var result = new List<SimpleSelector>(compound.Count + 1);
        var added = false;
        foreach (var simple in compound)
        {
            if (simple is PseudoSelector { IsElement: true })
            {
                // one pseudo element in a compound at the most; a pseudo class goes before it
                if (IsElement) return null;
                if (!added) result.Add(this);
                added = true;
            }
            result.Add(simple);
        }
        if (!added) result.Add(this);
        return result;
    }
}

/// <summary>A compound selector's simple selectors, or a combinator (<c>&gt;</c>, <c>+</c>, <c>~</c>), in a complex selector.</summary>
internal sealed class SelectorComponent : IEquatable<SelectorComponent>
{
    private SelectorComponent(char combinator, List<SimpleSelector>? simples, string text)
    {
        Combinator = combinator;
        Simples = simples;
        Text = text;
    }

    public static SelectorComponent Compound(List<SimpleSelector> simples) => new('\0', simples, string.Concat(simples.Select(s => s.Text)));
    public static SelectorComponent Of(char combinator) => combinator switch
    {
        '>' => Child,
        '+' => NextSibling,
        _ => FollowingSibling,
    };

    public static readonly SelectorComponent Child = new('>', null, ">");
    public static readonly SelectorComponent NextSibling = new('+', null, "+");
    public static readonly SelectorComponent FollowingSibling = new('~', null, "~");

    public char Combinator { get; }
    /// <summary>The simple selectors of a compound; null for a combinator.</summary>
    public List<SimpleSelector>? Simples { get; }
    public bool IsCombinator => Simples is null;
    public bool IsCompound => Simples is not null;
    public string Text { get; }

    public int MinSpecificity => Simples?.Sum(s => s.MinSpecificity) ?? 0;
    public int MaxSpecificity => Simples?.Sum(s => s.MaxSpecificity) ?? 0;
    public bool IsInvisible => Simples?.Any(s => s.IsInvisible) == true;

    public bool Equals(SelectorComponent? other) => other is not null && other.Text == Text && other.IsCombinator == IsCombinator;
    public override bool Equals(object? obj) => Equals(obj as SelectorComponent);
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Text;
}

/// <summary>A complex selector: compounds and combinators; <see cref="LineBreak"/> when written after a line break.</summary>
internal sealed class ComplexSelector : IEquatable<ComplexSelector>
{
    public ComplexSelector(List<SelectorComponent> components, bool lineBreak = false)
    {
        Components = components;
        LineBreak = lineBreak;
        Text = string.Join(" ", components.Select(c => c.Text));
    }

    public List<SelectorComponent> Components { get; }
    public bool LineBreak { get; }
    public string Text { get; }

    private int _min = -1, _max = -1;
    public int MinSpecificity => _min >= 0 ? _min : _min = Components.Sum(c => c.MinSpecificity);
    public int MaxSpecificity => _max >= 0 ? _max : _max = Components.Sum(c => c.MaxSpecificity);
    public bool IsInvisible => Components.Any(c => c.IsInvisible);

    public bool IsSuperselector(ComplexSelector other) => Selectors.ComplexIsSuperselector(Components, other.Components);

    public bool Equals(ComplexSelector? other) => other is not null && other.Text == Text;
    public override bool Equals(object? obj) => Equals(obj as ComplexSelector);
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Text;
}

internal sealed class SelectorList : IEquatable<SelectorList>
{
    public SelectorList(List<ComplexSelector> complexes)
    {
        Complexes = complexes;
        Text = string.Join(", ", complexes.Select(c => c.Text));
    }

    public List<ComplexSelector> Complexes { get; }
    public string Text { get; }
    public bool IsInvisible => Complexes.All(c => c.IsInvisible);

    /// <summary>Whether every complex selector of <paramref name="other"/> has a superselector here.</summary>
    public bool IsSuperselector(SelectorList other) => Selectors.ListIsSuperselector(Complexes, other.Complexes);

    public bool Equals(SelectorList? other) => other is not null && other.Text == Text;
    public override bool Equals(object? obj) => Equals(obj as SelectorList);
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Text;
}

/// <summary>Parsing selectors into the model, and the selector algorithms: superselector, unify and weave.</summary>
internal static partial class Selectors
{
    /// <summary>Pseudo classes whose argument is a selector list (libsass 3.6); <c>slotted</c> is such a pseudo element.</summary>
    private static readonly HashSet<string> SelectorPseudoClasses = ["not", "matches", "current", "any", "has", "host", "host-context"];

    /// <summary>The pseudos that may hold a selector matching a plain one (<c>:matches(.a)</c> matches <c>.a</c>).</summary>
    private static readonly HashSet<string> SubselectorPseudos = ["matches", "any", "nth-child", "nth-last-child"];

    public static string Unvendor(string name)
    {
        if (name.Length < 2 || name[0] != '-' || name[1] == '-') return name;
        var dash = name.IndexOf('-', 2);
        return dash < 0 ? name : name[(dash + 1)..];
    }

    // ---- parsing ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// A rule's selector text with its attribute selectors checked as libsass parses them: a modifier is one ASCII
    /// i or s after an operator and value (an error otherwise), and is written after a space (<c>[a="b" i]</c>).
    /// </summary>
    public static string CheckAttributes(string selector)
    {
        if (!selector.Contains('[')) return selector;
        var sb = new StringBuilder();
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c is '"' or '\'')
            {
                var end = Parser.StringEnd(selector, i);
                sb.Append(selector, i, end - i);
                i = end - 1;
                continue;
            }
            if (c != '[')
            {
                sb.Append(c);
                continue;
            }
            var close = -1;
            for (var j = i + 1; j < selector.Length; j++)
            {
                if (selector[j] is '"' or '\'') j = Parser.StringEnd(selector, j) - 1;
                else if (selector[j] == ']') { close = j; break; }
            }
            if (close < 0) return selector;
            var inner = selector[(i + 1)..close];
            var m = AttributeParts().Match(inner);
            if (m.Success && m.Groups[2].Success && m.Groups[4].Value.Length > 0)
            {
                var modifier = m.Groups[4].Value.Trim();
                if (modifier.Length != 1 || char.ToLowerInvariant(modifier[0]) is not ('i' or 's')) throw new SassException("Error: expected \"]\".");
                inner = m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value + " " + modifier;
            }
            else if (m.Success && !m.Groups[2].Success && m.Groups[4].Value.Trim() is { Length: > 0 } rest
                && !(rest.Length == 1 && char.ToLowerInvariant(rest[0]) is 'i' or 's')) throw new SassException("Error: expected \"]\".");
            sb.Append('[').Append(inner).Append(']');
            i = close;
        }
        return sb.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\s*[^\s~|^$*=""']*(?:\|[^\s~|^$*=""']+)?\s*)(?:([~|^$*]?=)(\s*(?:""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'|[^\s""']+)))?(.*)$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex AttributeParts();

    /// <summary>A selector list, or null when the text is no selector this model knows.</summary>
    public static SelectorList? TryParse(string text)
    {
        try { return Parse(text); }
        catch (FormatException) { return null; }
    }

    public static SelectorList Parse(string text)
    {
        var p = new SelectorParser(text);
        var list = p.List();
        if (!p.AtEnd) throw new FormatException("expected selector");
        return list;
    }

    private sealed class SelectorParser(string text)
    {
        private int _i;
        public bool AtEnd { get { SkipSpace(); return _i >= text.Length; } }

        private void SkipSpace()
        {
            while (_i < text.Length && char.IsWhiteSpace(text[_i])) _i++;
        }

        public SelectorList List()
        {
            var complexes = new List<ComplexSelector>();
            while (true)
            {
                SkipSpace();
                var lineBreak = false;
                var complex = Complex();
                if (complex.Components.Count > 0) complexes.Add(new ComplexSelector(complex.Components, lineBreak));
                SkipSpace();
                if (_i < text.Length && text[_i] == ',')
                {
                    _i++;
                    continue;
                }
                break;
            }
            if (complexes.Count == 0) throw new FormatException("expected selector");
            return new SelectorList(complexes);
        }

        private ComplexSelector Complex()
        {
            var components = new List<SelectorComponent>();
            while (true)
            {
                SkipSpace();
                if (_i >= text.Length) break;
                var c = text[_i];
                if (c is ',' or ')') break;
                if (c is '>' or '+' or '~')
                {
                    _i++;
                    components.Add(SelectorComponent.Of(c));
                    continue;
                }
                components.Add(SelectorComponent.Compound(Compound()));
            }
            return new ComplexSelector(components);
        }

        private List<SimpleSelector> Compound()
        {
            var simples = new List<SimpleSelector>();
            while (_i < text.Length)
            {
                var c = text[_i];
                if (char.IsWhiteSpace(c) || c is ',' or ')' or '>' or '+' or '~') break;
                simples.Add(Simple(simples.Count == 0));
            }
            if (simples.Count == 0) throw new FormatException("expected selector");
            return simples;
        }

        private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' || c > 127;

        private string Name(bool allowEmpty = false)
        {
            var start = _i;
            while (_i < text.Length)
            {
                var c = text[_i];
                if (c == '\\' && _i + 1 < text.Length) _i += 2;
                else if (IsNameChar(c)) _i++;
                else break;
            }
            if (_i == start && !allowEmpty) throw new FormatException("expected name");
            return text[start.._i];
        }

        private SimpleSelector Simple(bool first)
        {
            var c = text[_i];
            switch (c)
            {
                case '.':
                    _i++;
                    return new ClassSelector(Name());
                case '#':
                    _i++;
                    return new IdSelector(Name());
                case '%':
                    _i++;
                    return new PlaceholderSelector(Name());
                case '[':
                    return Attribute();
                case ':':
                    return Pseudo();
                case '&':
                    throw new FormatException("parent selector");
            }
            // type or universal, with a namespace perhaps (libsass takes one anywhere in a compound: %q*)
            string? ns = null;
            string name;
            if (c == '*') { _i++; name = "*"; }
            else if (c == '|') name = "";
            else name = Name();
            if (_i < text.Length && text[_i] == '|' && (_i + 1 >= text.Length || text[_i + 1] != '='))
            {
                _i++;
                ns = name;
                if (_i < text.Length && text[_i] == '*') { _i++; name = "*"; }
                else name = Name();
            }
            return name == "*" ? new UniversalSelector(ns) : new TypeSelector(ns, name);
        }

        private SimpleSelector Attribute()
        {
            var end = Close(text, _i, '[', ']');
            var inner = text[(_i + 1)..(end - 1)].Trim();
            _i = end;
            // [name op value modifier] with the spaces around the operator dropped
            var m = System.Text.RegularExpressions.Regex.Match(inner, @"^([^~|^$*=\s]*(?:\|[^~|^$*=\s]+)?)\s*(?:([~|^$*]?=)\s*(""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'|[^\s]+)\s*([a-zA-Z])?)?$");
            if (!m.Success || m.Groups[1].Value.Length == 0) throw new FormatException("attribute");
            var sb = new StringBuilder("[").Append(m.Groups[1].Value);
            if (m.Groups[2].Success)
            {
                sb.Append(m.Groups[2].Value).Append(m.Groups[3].Value);
                if (m.Groups[4].Success) sb.Append(' ').Append(m.Groups[4].Value);
            }
            return new AttributeSelector(sb.Append(']').ToString());
        }

        private SimpleSelector Pseudo()
        {
            _i++;
            var element = false;
            if (_i < text.Length && text[_i] == ':')
            {
                element = true;
                _i++;
            }
            var name = Name();
            if (_i >= text.Length || text[_i] != '(') return new PseudoSelector(name, element, null, null);
            var end = Close(text, _i, '(', ')');
            var inner = text[(_i + 1)..(end - 1)];
            _i = end;
            var normalized = Unvendor(name).ToLowerInvariant();
            if (element ? normalized == "slotted" : SelectorPseudoClasses.Contains(normalized))
                return new PseudoSelector(name, element, null, Parse(inner));
            if (!element && normalized is "nth-child" or "nth-last-child")
            {
                var of = System.Text.RegularExpressions.Regex.Match(inner, @"^(.*?)\s+of\s+(.*)$", System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                if (of.Success) return new PseudoSelector(name, element, Collapse(of.Groups[1].Value), Parse(of.Groups[2].Value));
            }
            return new PseudoSelector(name, element, Collapse(inner), null);
        }

        private static string Collapse(string s) => System.Text.RegularExpressions.Regex.Replace(s.Trim(), @"\s+", " ");

        private static int Close(string s, int open, char o, char c)
        {
            var depth = 0;
            for (var j = open; j < s.Length; j++)
            {
                var ch = s[j];
                if (ch is '"' or '\'')
                {
                    var q = ch;
                    for (j++; j < s.Length && s[j] != q; j++)
                        if (s[j] == '\\') j++;
                    continue;
                }
                if (ch == o) depth++;
                else if (ch == c && --depth == 0) return j + 1;
            }
            throw new FormatException("unclosed");
        }
    }

    // ---- superselectors --------------------------------------------------------------------------------------------

    public static bool ListIsSuperselector(List<ComplexSelector> list1, List<ComplexSelector> list2) =>
        list2.All(complex2 => list1.Any(complex1 => complex1.IsSuperselector(complex2)));

    /// <summary>Like <see cref="ComplexIsSuperselector"/>, for selectors that are parents of a shared compound.</summary>
    public static bool ComplexIsParentSuperselector(List<SelectorComponent> complex1, List<SelectorComponent> complex2)
    {
        if (complex1.Count == 0 || complex2.Count == 0) return false;
        if (complex1[0].IsCombinator || complex2[0].IsCombinator) return false;
        if (complex1.Count > complex2.Count) return false;
        var @base = SelectorComponent.Compound([new PlaceholderSelector("<temp>")]);
        return ComplexIsSuperselector([.. complex1, @base], [.. complex2, @base]);
    }

    public static bool ComplexIsSuperselector(List<SelectorComponent> complex1, List<SelectorComponent> complex2)
    {
        if (complex1.Count == 0 || complex2.Count == 0) return false;
        // selectors with trailing combinators are neither superselectors nor subselectors
        if (complex1[^1].IsCombinator || complex2[^1].IsCombinator) return false;
        var i1 = 0;
        var i2 = 0;
        while (true)
        {
            var remaining1 = complex1.Count - i1;
            var remaining2 = complex2.Count - i2;
            if (remaining1 == 0 || remaining2 == 0) return false;
            // a more complex selector is never a superselector of a less complex one
            if (remaining1 > remaining2) return false;
            // nor one with a leading combinator
            if (complex1[i1].IsCombinator || complex2[i2].IsCombinator) return false;
            var compound1 = complex1[i1];
            if (remaining1 == 1)
                // (libsass passes the parents after the first compound: :matches(x .a) is no superselector of x .a)
                return CompoundIsSuperselector(compound1, complex2[^1], complex2.GetRange(i2 + 1, Math.Max(0, complex2.Count - 1 - (i2 + 1))));

            // the first index where complex2[i2..afterSuperselector] is a subselector of compound1
            var afterSuperselector = i2 + 1;
            for (; afterSuperselector < complex2.Count; afterSuperselector++)
            {
                var compound2 = complex2[afterSuperselector - 1];
                if (compound2.IsCompound && CompoundIsSuperselector(compound1, compound2, complex2.GetRange(i2 + 1, Math.Max(0, afterSuperselector - 1 - (i2 + 1)))))
                    break;
            }
            if (afterSuperselector == complex2.Count) return false;

            var combinator1 = complex1[i1 + 1];
            var combinator2 = complex2[afterSuperselector];
            if (combinator1.IsCombinator)
            {
                if (!combinator2.IsCombinator) return false;
                // .a ~ .b is a superselector of .a + .b; other combinators must match
                if (combinator1.Combinator == '~')
                {
                    if (combinator2.Combinator == '>') return false;
                }
                else if (combinator2.Combinator != combinator1.Combinator) return false;
                // .a > .c is no superselector of .a > .b > .c nor of .a > .b .c
                if (remaining1 == 3 && remaining2 > 3) return false;
                i1 += 2;
                i2 = afterSuperselector + 1;
            }
            else if (combinator2.IsCombinator)
            {
                if (combinator2.Combinator != '>') return false;
                i1++;
                i2 = afterSuperselector + 1;
            }
            else
            {
                i1++;
                i2 = afterSuperselector;
            }
        }
    }

    public static bool CompoundIsSuperselector(SelectorComponent compound1, SelectorComponent compound2, List<SelectorComponent>? parents = null)
    {
        foreach (var simple1 in compound1.Simples!)
        {
            if (simple1 is PseudoSelector { Selector: not null } pseudo)
            {
                if (!SelectorPseudoIsSuperselector(pseudo, compound2, parents)) return false;
            }
            else if (!SimpleIsSuperselectorOfCompound(simple1, compound2)) return false;
        }
        // no superselector of a selector with a pseudo element it lacks
        foreach (var simple2 in compound2.Simples!)
            if (simple2 is PseudoSelector { IsElement: true, Selector: null } && !SimpleIsSuperselectorOfCompound(simple2, compound1))
                return false;
        return true;
    }

    private static bool SimpleIsSuperselectorOfCompound(SimpleSelector simple, SelectorComponent compound) =>
        compound.Simples!.Any(theirs =>
        {
            if (simple.Equals(theirs)) return true;
            // some selector pseudos match plain selectors
            if (theirs is not PseudoSelector { Selector: { } selector } pseudo || !SubselectorPseudos.Contains(pseudo.NormalizedName)) return false;
            return selector.Complexes.All(complex => complex.Components.Count == 1 && complex.Components[0].Simples?.Contains(simple) == true);
        });

    private static IEnumerable<PseudoSelector> SelectorPseudosNamed(SelectorComponent compound, string name, bool isClass = true) =>
        compound.Simples!.OfType<PseudoSelector>().Where(p => p.IsClass == isClass && p.Selector is not null && p.Name == name);

    private static bool SelectorPseudoIsSuperselector(PseudoSelector pseudo1, SelectorComponent compound2, List<SelectorComponent>? parents)
    {
        var selector1 = pseudo1.Selector!;
        switch (pseudo1.NormalizedName)
        {
            case "matches" or "any":
                return SelectorPseudosNamed(compound2, pseudo1.Name).Any(pseudo2 => selector1.IsSuperselector(pseudo2.Selector!))
                    || selector1.Complexes.Any(complex1 => ComplexIsSuperselector(complex1.Components, [.. parents ?? [], compound2]));
            case "has" or "host" or "host-context":
                return SelectorPseudosNamed(compound2, pseudo1.Name).Any(pseudo2 => selector1.IsSuperselector(pseudo2.Selector!));
            case "slotted":
                return SelectorPseudosNamed(compound2, pseudo1.Name, isClass: false).Any(pseudo2 => selector1.IsSuperselector(pseudo2.Selector!));
            case "not":
                return selector1.Complexes.All(complex => compound2.Simples!.Any(simple2 =>
                {
                    if (simple2 is TypeSelector)
                    {
                        var compound1 = complex.Components[^1];
                        return compound1.IsCompound && compound1.Simples!.Any(simple1 => simple1 is TypeSelector && !simple1.Equals(simple2));
                    }
                    if (simple2 is IdSelector)
                    {
                        var compound1 = complex.Components[^1];
                        return compound1.IsCompound && compound1.Simples!.Any(simple1 => simple1 is IdSelector && !simple1.Equals(simple2));
                    }
                    if (simple2 is PseudoSelector p2 && p2.Name == pseudo1.Name)
                        return p2.Selector is not null && ListIsSuperselector(p2.Selector.Complexes, [complex]);
                    return false;
                }));
            case "current":
                return SelectorPseudosNamed(compound2, pseudo1.Name).Any(pseudo2 => selector1.Equals(pseudo2.Selector));
            case "nth-child" or "nth-last-child":
                return compound2.Simples!.Any(s => s is PseudoSelector p2 && p2.Name == pseudo1.Name && p2.Argument == pseudo1.Argument
                    && p2.Selector is not null && selector1.IsSuperselector(p2.Selector));
            default:
                return false;
        }
    }

    // ---- unification -----------------------------------------------------------------------------------------------

    public static SimpleSelector? UnifyUniversalAndElement(SimpleSelector selector1, SimpleSelector selector2)
    {
        static (string? Ns, string? Name) Parts(SimpleSelector s) => s switch
        {
            UniversalSelector u => (u.Namespace, null),
            TypeSelector t => (t.Namespace, t.Name),
            _ => throw new ArgumentException("not a type or universal selector"),
        };
        var (ns1, name1) = Parts(selector1);
        var (ns2, name2) = Parts(selector2);
        string? ns;
        if (ns1 == ns2 || ns2 == "*") ns = ns1;
        else if (ns1 == "*") ns = ns2;
        else return null;
        string? name;
        if (name1 == name2 || name2 is null) name = name1;
        else if (name1 is null || name1 == "*") name = name2;
        else return null;
        return name is null ? new UniversalSelector(ns) : new TypeSelector(ns, name);
    }

    public static SelectorComponent? UnifyCompound(List<SimpleSelector> compound1, List<SimpleSelector> compound2)
    {
        var result = compound2;
        foreach (var simple in compound1)
        {
            var unified = simple.Unify(result);
            if (unified is null) return null;
            result = unified;
        }
        return SelectorComponent.Compound(result);
    }

    /// <summary>Complex selectors matching what all of <paramref name="complexes"/> match, or null when none can.</summary>
    public static List<List<SelectorComponent>>? UnifyComplex(List<List<SelectorComponent>> complexes)
    {
        if (complexes.Count == 1) return complexes;
        List<SimpleSelector>? unifiedBase = null;
        foreach (var complex in complexes)
        {
            if (complex.Count == 0) return null;
            var @base = complex[^1];
            if (@base.IsCombinator) return null;
            if (unifiedBase is null) unifiedBase = @base.Simples!;
            else
                foreach (var simple in @base.Simples!)
                {
                    unifiedBase = simple.Unify(unifiedBase);
                    if (unifiedBase is null) return null;
                }
        }
        var withoutBases = complexes.Select(c => c.GetRange(0, c.Count - 1)).ToList();
        withoutBases[^1].Add(SelectorComponent.Compound(unifiedBase!));
        return Weave(withoutBases);
    }

    /// <summary>The selector lists matching what both match (<c>selector-unify</c>).</summary>
    public static List<ComplexSelector> UnifyLists(SelectorList list1, SelectorList list2)
    {
        var result = new List<ComplexSelector>();
        foreach (var complex1 in list1.Complexes)
            foreach (var complex2 in list2.Complexes)
                if (UnifyComplex([complex1.Components, complex2.Components]) is { } unified)
                    result.AddRange(unified.Select(c => new ComplexSelector(c)));
        return result;
    }

    // ---- weaving ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// Expands "parenthesized selectors" in complex selectors: each element is a parent selector whose last compound
    /// must stay last, the others interleaved in every order that keeps their own order.
    /// </summary>
    public static List<List<SelectorComponent>> Weave(List<List<SelectorComponent>> complexes)
    {
        var prefixes = new List<List<SelectorComponent>> { complexes[0].ToList() };
        foreach (var complex in complexes.Skip(1))
        {
            if (complex.Count == 0) continue;
            var target = complex[^1];
            if (complex.Count == 1)
            {
                foreach (var prefix in prefixes) prefix.Add(target);
                continue;
            }
            var parents = complex.GetRange(0, complex.Count - 1);
            var newPrefixes = new List<List<SelectorComponent>>();
            foreach (var prefix in prefixes)
            {
                var parentPrefixes = WeaveParents(prefix, parents);
                if (parentPrefixes is null) continue;
                foreach (var parentPrefix in parentPrefixes)
                {
                    parentPrefix.Add(target);
                    newPrefixes.Add(parentPrefix);
                }
            }
            prefixes = newPrefixes;
        }
        return prefixes;
    }

    private static List<List<SelectorComponent>>? WeaveParents(List<SelectorComponent> parents1, List<SelectorComponent> parents2)
    {
        var queue1 = new LinkedList<SelectorComponent>(parents1);
        var queue2 = new LinkedList<SelectorComponent>(parents2);
        var initialCombinators = MergeInitialCombinators(queue1, queue2);
        if (initialCombinators is null) return null;
        var finalCombinators = MergeFinalCombinators(queue1, queue2, new LinkedList<List<List<SelectorComponent>>>());
        if (finalCombinators is null) return null;

        // at most one :root in the output
        var root1 = FirstIfRoot(queue1);
        var root2 = FirstIfRoot(queue2);
        if (root1 is not null && root2 is not null)
        {
            var root = UnifyCompound(root1.Simples!, root2.Simples!);
            if (root is null) return null;
            queue1.AddFirst(root);
            queue2.AddFirst(root);
        }
        else if (root1 is not null) queue2.AddFirst(root1);
        else if (root2 is not null) queue1.AddFirst(root2);

        var groups1 = GroupSelectors(queue1);
        var groups2 = GroupSelectors(queue2);
        var lcs = LongestCommonSubsequence(groups2.ToList(), groups1.ToList(), (group1, group2) =>
        {
            if (group1.SequenceEqual(group2)) return group1;
            if (group1[0].IsCombinator || group2[0].IsCombinator) return null;
            if (ComplexIsParentSuperselector(group1, group2)) return group2;
            if (ComplexIsParentSuperselector(group2, group1)) return group1;
            if (!MustUnify(group1, group2)) return null;
            var unified = UnifyComplex([group2, group1]); // libsass keeps the first selector's simple selectors first
            if (unified is null || unified.Count > 1) return null;
            return unified[0];
        });

        var choices = new List<List<List<SelectorComponent>>> { new() { initialCombinators } };
        foreach (var group in lcs)
        {
            choices.Add(Chunks(groups1, groups2, sequence => ComplexIsParentSuperselector(sequence.First!.Value, group))
                .Select(chunk => chunk.SelectMany(g => g).ToList()).ToList());
            choices.Add([group]);
            groups1.RemoveFirst();
            groups2.RemoveFirst();
        }
        choices.Add(Chunks(groups1, groups2, sequence => sequence.Count == 0).Select(chunk => chunk.SelectMany(g => g).ToList()).ToList());
        choices.AddRange(finalCombinators);

        return Paths(choices.Where(choice => choice.Count > 0).ToList())
            .Select(path => path.SelectMany(g => g).ToList()).ToList();
    }

    private static SelectorComponent? FirstIfRoot(LinkedList<SelectorComponent> queue)
    {
        if (queue.Count == 0) return null;
        var first = queue.First!.Value;
        if (first.IsCompound && first.Simples!.Any(s => s is PseudoSelector { IsClass: true, NormalizedName: "root" }))
        {
            queue.RemoveFirst();
            return first;
        }
        return null;
    }

    private static List<SelectorComponent>? MergeInitialCombinators(LinkedList<SelectorComponent> components1, LinkedList<SelectorComponent> components2)
    {
        var combinators1 = new List<SelectorComponent>();
        while (components1.Count > 0 && components1.First!.Value.IsCombinator)
        {
            combinators1.Add(components1.First.Value);
            components1.RemoveFirst();
        }
        var combinators2 = new List<SelectorComponent>();
        while (components2.Count > 0 && components2.First!.Value.IsCombinator)
        {
            combinators2.Add(components2.First.Value);
            components2.RemoveFirst();
        }
        // neither a subsequence of the other: no merge
        var lcs = LongestCommonSubsequence(combinators1, combinators2);
        if (lcs.SequenceEqual(combinators1)) return combinators2;
        if (lcs.SequenceEqual(combinators2)) return combinators1;
        return null;
    }

    private static LinkedList<List<List<SelectorComponent>>>? MergeFinalCombinators(LinkedList<SelectorComponent> components1,
        LinkedList<SelectorComponent> components2, LinkedList<List<List<SelectorComponent>>> result)
    {
        while (true)
        {
            if ((components1.Count == 0 || !components1.Last!.Value.IsCombinator) && (components2.Count == 0 || !components2.Last!.Value.IsCombinator))
                return result;
            var combinators1 = new List<SelectorComponent>();
            while (components1.Count > 0 && components1.Last!.Value.IsCombinator)
            {
                combinators1.Add(components1.Last.Value);
                components1.RemoveLast();
            }
            var combinators2 = new List<SelectorComponent>();
            while (components2.Count > 0 && components2.Last!.Value.IsCombinator)
            {
                combinators2.Add(components2.Last.Value);
                components2.RemoveLast();
            }
            if (combinators1.Count > 1 || combinators2.Count > 1)
            {
                // several combinators: something hacky; use the supersequence if there is one
                var lcs = LongestCommonSubsequence(combinators1, combinators2);
                if (lcs.SequenceEqual(combinators1)) result.AddFirst([Enumerable.Reverse(combinators2).ToList()]);
                else if (lcs.SequenceEqual(combinators2)) result.AddFirst([Enumerable.Reverse(combinators1).ToList()]);
                else return null;
                return result;
            }
            var combinator1 = combinators1.Count == 0 ? null : combinators1[0];
            var combinator2 = combinators2.Count == 0 ? null : combinators2[0];
            if (combinator1 is not null && combinator2 is not null)
            {
                if (components1.Count == 0 || components2.Count == 0) return null;
                var compound1 = components1.Last!.Value;
                components1.RemoveLast();
                var compound2 = components2.Last!.Value;
                components2.RemoveLast();
                if (compound1.IsCombinator || compound2.IsCombinator) return null;
                var c1 = combinator1.Combinator;
                var c2 = combinator2.Combinator;
                if (c1 == '~' && c2 == '~')
                {
                    if (CompoundIsSuperselector(compound1, compound2)) result.AddFirst([[compound2, combinator2]]);
                    else if (CompoundIsSuperselector(compound2, compound1)) result.AddFirst([[compound1, combinator1]]);
                    else
                    {
                        var choices = new List<List<SelectorComponent>>
                        {
                            new() { compound1, combinator1, compound2, combinator2 },
                            new() { compound2, combinator2, compound1, combinator1 },
                        };
                        if (UnifyCompound(compound1.Simples!, compound2.Simples!) is { } unified) choices.Add([unified, combinator1]);
                        result.AddFirst(choices);
                    }
                }
                else if ((c1 == '~' && c2 == '+') || (c1 == '+' && c2 == '~'))
                {
                    var following = c1 == '~' ? compound1 : compound2;
                    var next = c1 == '~' ? compound2 : compound1;
                    if (CompoundIsSuperselector(following, next)) result.AddFirst([[next, SelectorComponent.NextSibling]]);
                    else
                    {
                        var choices = new List<List<SelectorComponent>> { new() { following, SelectorComponent.FollowingSibling, next, SelectorComponent.NextSibling } };
                        if (UnifyCompound(compound1.Simples!, compound2.Simples!) is { } unified) choices.Add([unified, SelectorComponent.NextSibling]);
                        result.AddFirst(choices);
                    }
                }
                else if (c1 == '>' && c2 is '+' or '~')
                {
                    result.AddFirst([[compound2, combinator2]]);
                    components1.AddLast(compound1);
                    components1.AddLast(combinator1);
                }
                else if (c2 == '>' && c1 is '+' or '~')
                {
                    result.AddFirst([[compound1, combinator1]]);
                    components2.AddLast(compound2);
                    components2.AddLast(combinator2);
                }
                else if (c1 == c2)
                {
                    var unified = UnifyCompound(compound1.Simples!, compound2.Simples!);
                    if (unified is null) return null;
                    result.AddFirst([[unified, combinator1]]);
                }
                else return null;
            }
            else if (combinator1 is not null)
            {
                if (components1.Count == 0) return null;
                if (combinator1.Combinator == '>' && components2.Count > 0 && components2.Last!.Value.IsCompound && components1.Last!.Value.IsCompound
                    && CompoundIsSuperselector(components2.Last.Value, components1.Last.Value))
                    components2.RemoveLast();
                var last = components1.Last!.Value;
                components1.RemoveLast();
                result.AddFirst([[last, combinator1]]);
            }
            else
            {
                if (components2.Count == 0) return null;
                if (combinator2!.Combinator == '>' && components1.Count > 0 && components1.Last!.Value.IsCompound && components2.Last!.Value.IsCompound
                    && CompoundIsSuperselector(components1.Last.Value, components2.Last.Value))
                    components1.RemoveLast();
                var last = components2.Last!.Value;
                components2.RemoveLast();
                result.AddFirst([[last, combinator2]]);
            }
        }
    }

    private static bool MustUnify(List<SelectorComponent> complex1, List<SelectorComponent> complex2)
    {
        static bool IsUnique(SimpleSelector s) => s is IdSelector || s is PseudoSelector { IsElement: true };
        var unique = complex1.Where(c => c.IsCompound).SelectMany(c => c.Simples!).Where(IsUnique).ToHashSet();
        if (unique.Count == 0) return false;
        return complex2.Any(c => c.IsCompound && c.Simples!.Any(s => IsUnique(s) && unique.Contains(s)));
    }

    private static List<List<List<SelectorComponent>>> Chunks(LinkedList<List<SelectorComponent>> queue1, LinkedList<List<SelectorComponent>> queue2,
        Func<LinkedList<List<SelectorComponent>>, bool> done)
    {
        var chunk1 = new List<List<SelectorComponent>>();
        while (queue1.Count > 0 && !done(queue1))
        {
            chunk1.Add(queue1.First!.Value);
            queue1.RemoveFirst();
        }
        var chunk2 = new List<List<SelectorComponent>>();
        while (queue2.Count > 0 && !done(queue2))
        {
            chunk2.Add(queue2.First!.Value);
            queue2.RemoveFirst();
        }
        if (chunk1.Count == 0 && chunk2.Count == 0) return [];
        if (chunk1.Count == 0) return [chunk2];
        if (chunk2.Count == 0) return [chunk1];
        return [[.. chunk1, .. chunk2], [.. chunk2, .. chunk1]];
    }

    private static LinkedList<List<SelectorComponent>> GroupSelectors(IEnumerable<SelectorComponent> complex)
    {
        var groups = new LinkedList<List<SelectorComponent>>();
        List<SelectorComponent>? group = null;
        foreach (var component in complex)
        {
            if (group is null)
            {
                group = [component];
                groups.AddLast(group);
            }
            else if (group[^1].IsCombinator || component.IsCombinator) group.Add(component);
            else
            {
                group = [component];
                groups.AddLast(group);
            }
        }
        return groups;
    }

    /// <summary>Every path through the choices, one option of each (the first choice varying fastest).</summary>
    public static List<List<T>> Paths<T>(IReadOnlyList<List<T>> choices)
    {
        var paths = new List<List<T>> { new() };
        foreach (var choice in choices)
        {
            var next = new List<List<T>>();
            foreach (var option in choice)
                foreach (var path in paths)
                    next.Add([.. path, option]);
            paths = next;
        }
        return paths;
    }

    public static List<T> LongestCommonSubsequence<T>(List<T> list1, List<T> list2, Func<T, T, T?>? select = null) where T : class
    {
        select ??= (a, b) => a.Equals(b) ? a : null;
        var lengths = new int[list1.Count + 1, list2.Count + 1];
        var selections = new T?[list1.Count, list2.Count];
        for (var i = 0; i < list1.Count; i++)
            for (var j = 0; j < list2.Count; j++)
            {
                var selection = select(list1[i], list2[j]);
                selections[i, j] = selection;
                lengths[i + 1, j + 1] = selection is null ? Math.Max(lengths[i + 1, j], lengths[i, j + 1]) : lengths[i, j] + 1;
            }
        var result = new List<T>();
        int x = list1.Count - 1, y = list2.Count - 1;
        while (x >= 0 && y >= 0)
        {
            var selection = selections[x, y];
            if (selection is not null)
            {
                result.Add(selection);
                x--;
                y--;
            }
            else if (lengths[x + 1, y] > lengths[x, y + 1]) y--;
            else x--;
        }
        result.Reverse();
        return result;
    }
}
