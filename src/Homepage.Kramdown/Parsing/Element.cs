using System.Text;

namespace Homepage.Kramdown.Parsing;

/// <summary>kramdown's element types (<c>Element#type</c>).</summary>
public enum ElementType : byte
{
    Root, Blank, Eob, P, Header, Blockquote, Codeblock, Hr, Ul, Ol, Li, Dl, Dt, Dd, Table, Thead, Tbody, Tfoot, Tr, Td,
    Math, Comment, Raw, HtmlElement, XmlComment, XmlPi,
    Text, RawText, A, Img, Br, Codespan, Footnote, FootnoteDef, Em, Strong, Entity, TypographicSym, SmartQuote, Abbreviation,
    Temp,
}

/// <summary>Block or span, as kramdown categorises elements.</summary>
public enum Category : byte { None, Block, Span }

/// <summary>How the content of an HTML element is parsed.</summary>
public enum ContentModel : byte { None, Block, Span, Raw }

/// <summary>Column alignment of a table.</summary>
public enum Alignment { Default, Left, Right, Center }

/// <summary>An inline attribute list: attributes in order, plus references to attribute list definitions.</summary>
public sealed class Ial
{
    public OrderedDictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);
    public List<string>? Refs { get; set; }

    public string? this[string key]
    {
        get => Attributes.GetValueOrDefault(key);
        set
        {
            if (value is null) Attributes.Remove(key);
            else Attributes[key] = value;
        }
    }
}

/// <summary>
/// A node of kramdown's element tree (<c>Kramdown::Element</c>): type, value, HTML attributes, options and children.
/// Text values are mutable builders because the parser appends to them piece by piece.
/// </summary>
public sealed class Element
{
    // The value: a string, or a builder while the parser appends to it; or, for the elements that have no string value,
    // what they have instead (a footnote marker's content, an entity, a list item's raw lines). One slot for all keeps the
    // element small: a large page's block tree has a hundred thousand of them, living through several collections.
    private object? _value;

    public Element(ElementType type, string? value = null)
    {
        Type = type;
        _value = value;
    }

    public ElementType Type { get; set; }

    /// <summary>The string value (text, code, tag name, ...).</summary>
    public string? Value
    {
        get
        {
            if (_value is StringBuilder builder) _value = builder.ToString();
            return _value as string;
        }
        set
        {
            GuardShared();
            _value = value;
        }
    }

    /// <summary>
    /// The element most blank lines are (one newline, no options), shared by all of them: a large page has thousands, and
    /// they live as long as its block tree. It never changes; <see cref="Unshared"/> gives one that may.
    /// </summary>
    internal static readonly Element NewlineBlank = new(ElementType.Blank, "\n");

    internal bool IsShared => ReferenceEquals(this, NewlineBlank);

    /// <summary>This element, or a copy of the shared blank that can be changed.</summary>
    internal Element Unshared() => IsShared ? new Element(ElementType.Blank, "\n") : this;

    private void GuardShared()
    {
        if (IsShared) throw new InvalidOperationException("the shared blank line element cannot change");
    }

    /// <summary>Appends to the value (kramdown's <c>value &lt;&lt; text</c>).</summary>
    public void Append(string text) => Append(text.AsSpan());

    /// <summary>Appends a piece of text without making a string of it first.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        GuardShared();
        if (_value is not StringBuilder builder)
        {
            var current = _value as string;
            builder = new StringBuilder(current ?? "", Math.Max(16, (current?.Length ?? 0) + text.Length));
            _value = builder;
        }
        builder.Append(text);
    }

    // Rarely used options and the HTML attributes live in a side object, so the thousands of text elements of a page
    // stay small.
    private Extras? _extras;

    private sealed class Extras
    {
        public string? RawText, Lang, FootnoteName, EobKind;
        public int Level;
        public bool FirstAsPara;
        public List<Alignment>? Alignment;
        public List<string>? RawTypes;
        public Ial? Ial;
        public OrderedDictionary<string, string>? Attr;

        public Extras Clone()
        {
            var copy = (Extras)MemberwiseClone();
            if (Alignment is not null) copy.Alignment = [.. Alignment];
            if (Attr is not null) copy.Attr = new OrderedDictionary<string, string>(Attr, StringComparer.Ordinal);
            return copy;
        }
    }

    private sealed record EntityRef(Entity Entity, string? Original);

    private Extras X
    {
        get
        {
            if (_extras is null) GuardShared();
            return _extras ??= new Extras();
        }
    }

    /// <summary>The footnote's content (a footnote marker's value).</summary>
    public Element? FootnoteContent { get => _value as Element; set => _value = value; }

    /// <summary>The entity of an entity element.</summary>
    public Entity? EntityValue
    {
        get => (_value as EntityRef)?.Entity;
        set => _value = value is null ? null : new EntityRef(value, Original);
    }

    /// <summary>The entity as written in the source, when it was.</summary>
    public string? Original
    {
        get => (_value as EntityRef)?.Original;
        set => _value = new EntityRef(EntityValue!, value);
    }

    /// <summary>The symbol of a typographic sym or smart quote (kramdown keeps it as the value).</summary>
    public string? Symbol { get => Value; set => Value = value; }

    /// <summary>The raw text values of a list item or definition before they are parsed.</summary>
    public List<StringBuilder>? ItemLines { get => _value as List<StringBuilder>; set => _value = value; }

    public OrderedDictionary<string, string> Attr
    {
        get => X.Attr ??= new OrderedDictionary<string, string>(StringComparer.Ordinal);
        set => X.Attr = value;
    }
    public bool HasAttr => _extras?.Attr is { Count: > 0 };

    // The children: none, the only one (most elements hold one: a paragraph its text, an item its paragraph), or an
    // array holding _childCount of them; or, for a paragraph, header or cell holding only its raw text, that text, the
    // raw text element made when something asks for it (the span parser, once the whole page's blocks are parsed). A
    // large page's block tree lives through several collections, so it keeps no list object per parent, no array per
    // only child, and no element per raw text.
    private object? _children;
    private int _childCount;

    /// <summary>The element's children (a view onto the element: it changes as they do).</summary>
    public ElementChildren Children => new(this);
    public bool HasChildren => _childCount > 0;
    internal int ChildCount => _childCount;

    /// <summary>
    /// Adds a raw text child at <paramref name="location"/> (kept as its text until asked for, when it is the only child
    /// and at the element's location).
    /// </summary>
    internal void AddRawText(string text, int location)
    {
        if (_childCount == 0 && _children is null && location == _location)
        {
            _children = text;
            _childCount = 1;
        }
        else AddChild(new Element(ElementType.RawText, text) { Location = location });
    }

    /// <summary>The value of the first child (without making the raw text element when it has not been made).</summary>
    internal string? FirstChildValue
    {
        get => _children as string ?? GetChild(0).Value;
        set
        {
            if (_children is string && value is not null) _children = value;
            else GetChild(0).Value = value;
        }
    }

    /// <summary>Appends to the value of the first child (a raw text not made yet stays so).</summary>
    internal void AppendToFirstChild(string text)
    {
        if (_children is string raw) _children = raw + text;
        else GetChild(0).Append(text);
    }

    /// <summary>Makes the raw text element the slot holds its text for (its location is the parent's).</summary>
    private void MakeRawTextChild()
    {
        if (_children is string text) _children = new Element(ElementType.RawText, text) { Location = _location };
    }

    internal Element GetChild(int index)
    {
        if ((uint)index >= (uint)_childCount) throw new ArgumentOutOfRangeException(nameof(index));
        MakeRawTextChild();
        return _children as Element ?? ((Element[])_children!)[index];
    }

    internal void SetChild(int index, Element child)
    {
        if ((uint)index >= (uint)_childCount) throw new ArgumentOutOfRangeException(nameof(index));
        if (_children is Element[] array) array[index] = child;
        else _children = child;
    }

    internal void AddChild(Element child)
    {
        GuardShared();
        if (_childCount == 0 && _children is not Element[])
        {
            _children = child;
            _childCount = 1;
            return;
        }
        Grow(_childCount + 1)[_childCount++] = child;
    }

    /// <summary>The children as an array with room for <paramref name="count"/> (the only child moved into it).</summary>
    private Element[] Grow(int count)
    {
        if (_children is Element[] array && array.Length >= count) return array;
        MakeRawTextChild();
        var grown = new Element[Math.Max(count, Math.Max(2, (_children as Element[])?.Length * 2 ?? 0))];
        if (_children is Element only) grown[0] = only;
        else if (_children is Element[] old) Array.Copy(old, grown, _childCount);
        _children = grown;
        return grown;
    }

    internal void InsertChild(int index, Element child)
    {
        if ((uint)index > (uint)_childCount) throw new ArgumentOutOfRangeException(nameof(index));
        if (index == _childCount)
        {
            AddChild(child);
            return;
        }
        var array = Grow(_childCount + 1);
        Array.Copy(array, index, array, index + 1, _childCount - index);
        array[index] = child;
        _childCount++;
    }

    internal void RemoveChildAt(int index)
    {
        if ((uint)index >= (uint)_childCount) throw new ArgumentOutOfRangeException(nameof(index));
        if (_children is Element[] array)
        {
            Array.Copy(array, index + 1, array, index, _childCount - index - 1);
            array[--_childCount] = null!;
        }
        else ClearChildren();
    }

    internal void ClearChildren()
    {
        _children = null;
        _childCount = 0;
    }

    /// <summary>Moves <paramref name="other"/>'s children here (this element's are dropped; the other has none after).</summary>
    public void TakeChildrenOf(Element other)
    {
        other.MakeRawTextChild(); // its location is the other's
        (_children, _childCount) = (other._children, other._childCount);
        other.ClearChildren();
    }

    /// <summary>Replaces the children with <paramref name="children"/>' (the element's array kept when it has room).</summary>
    public void SetChildren(IEnumerable<Element> children)
    {
        var list = children as IReadOnlyList<Element> ?? [.. children];
        if (list is ElementChildren view && view.Owner == this) return;
        var count = list.Count;
        if (count <= 1)
        {
            ClearChildren();
            if (count == 1) AddChild(list[0]);
            return;
        }
        var array = _children is Element[] own && own.Length >= count ? own : new Element[count];
        for (var i = 0; i < count; i++) array[i] = list[i];
        if (ReferenceEquals(array, _children)) Array.Clear(array, count, Math.Max(0, _childCount - count));
        _children = array;
        _childCount = count;
    }

    // Options (kramdown's element options hash, as fields).
    private int _location;
    public int Location
    {
        get => _location;
        set
        {
            GuardShared();
            MakeRawTextChild(); // a raw text child not made yet keeps the location it was added with
            _location = value;
        }
    }
    public Category Category { get; set; }
    public ContentModel ContentModel { get; set; }
    public bool IsClosed { get; set; }
    public bool Transparent { get; set; }
    public Ial? Ial { get => _extras?.Ial; set { if (value is not null || _extras is not null) X.Ial = value; } }
    public string? RawText { get => _extras?.RawText; set => X.RawText = value; }
    public int Level { get => _extras?.Level ?? 0; set => X.Level = value; }
    public string? Lang { get => _extras?.Lang; set => X.Lang = value; }
    public List<Alignment>? Alignment { get => _extras?.Alignment; set => X.Alignment = value; }
    public string? FootnoteName { get => _extras?.FootnoteName; set => X.FootnoteName = value; }
    public bool FirstAsPara { get => _extras?.FirstAsPara ?? false; set => X.FirstAsPara = value; }
    public List<string>? RawTypes { get => _extras?.RawTypes; set => X.RawTypes = value; }

    /// <summary>What an <c>:eob</c> element marks (link_def, abbrev_def, footnote_def, ald, ial, extension) or null.</summary>
    public string? EobKind { get => _extras?.EobKind; set => X.EobKind = value; }

    public Category ElementCategory => Type switch
    {
        ElementType.Blank or ElementType.P or ElementType.Header or ElementType.Blockquote or ElementType.Codeblock
            or ElementType.Ul or ElementType.Ol or ElementType.Li or ElementType.Dl or ElementType.Dt or ElementType.Dd
            or ElementType.Table or ElementType.Td or ElementType.Hr => Category.Block,
        ElementType.Text or ElementType.A or ElementType.Br or ElementType.Img or ElementType.Codespan or ElementType.Footnote
            or ElementType.Em or ElementType.Strong or ElementType.Entity or ElementType.TypographicSym or ElementType.SmartQuote
            or ElementType.Abbreviation => Category.Span,
        _ => Category,
    };

    public bool IsBlock => ElementCategory == Category.Block;

    /// <summary>A deep copy (Ruby's Marshal round trip, used for footnotes and the table of contents).</summary>
    public Element DeepClone()
    {
        var copy = (Element)MemberwiseClone();
        if (_value is StringBuilder builder) copy._value = builder.ToString();
        copy.ClearChildren();
        if (_children is string raw) (copy._children, copy._childCount) = (raw, 1); // a raw text child not made yet
        else for (var i = 0; i < _childCount; i++) copy.AddChild(GetChild(i).DeepClone());
        if (_extras is not null) copy._extras = _extras.Clone();
        return copy;
    }

    public override string ToString() => $"<kd:{Type} {Value}>";
}

/// <summary>An element's children, as a list (a view onto the element, which keeps them compactly).</summary>
public readonly struct ElementChildren : IReadOnlyList<Element>
{
    internal ElementChildren(Element owner) => Owner = owner;

    internal Element Owner { get; }

    public int Count => Owner.ChildCount;

    public Element this[int index]
    {
        get => Owner.GetChild(index);
        set => Owner.SetChild(index, value);
    }

    public void Add(Element child) => Owner.AddChild(child);

    public void AddRange(IEnumerable<Element> children)
    {
        if (children is ElementChildren view)
        {
            // by index up to the count at the start: adding an element's children to itself doubles them
            for (int i = 0, n = view.Count; i < n; i++) Owner.AddChild(view[i]);
            return;
        }
        foreach (var child in children) Owner.AddChild(child);
    }

    public void Insert(int index, Element child) => Owner.InsertChild(index, child);
    public void RemoveAt(int index) => Owner.RemoveChildAt(index);
    public void Clear() => Owner.ClearChildren();

    public int IndexOf(Element child)
    {
        for (var i = 0; i < Count; i++)
            if (ReferenceEquals(this[i], child)) return i;
        return -1;
    }

    public bool Contains(Element child) => IndexOf(child) >= 0;

    /// <summary>The last child that matches, looked for from the end (as LINQ does for a list).</summary>
    public Element? LastOrDefault(Predicate<Element> match)
    {
        for (var i = Count - 1; i >= 0; i--)
            if (match(this[i])) return this[i];
        return null;
    }

    /// <summary>Removes the children that match; returns how many.</summary>
    public int RemoveAll(Predicate<Element> match)
    {
        var kept = 0;
        var count = Count;
        for (var i = 0; i < count; i++)
        {
            var child = this[i];
            if (!match(child)) this[kept++] = child;
        }
        for (var i = count - 1; i >= kept; i--) RemoveAt(i);
        return count - kept;
    }

    public Enumerator GetEnumerator() => new(Owner);
    IEnumerator<Element> IEnumerable<Element>.GetEnumerator() => GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the children; adding or removing one meanwhile is an error (as for a list).</summary>
    public struct Enumerator : IEnumerator<Element>
    {
        private readonly Element _owner;
        private readonly int _count;
        private int _index;

        internal Enumerator(Element owner)
        {
            _owner = owner;
            _count = owner.ChildCount;
            _index = -1;
        }

        public readonly Element Current => _owner.GetChild(_index);
        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_owner.ChildCount != _count) throw new InvalidOperationException("the children changed while they were enumerated");
            return ++_index < _count;
        }

        public void Reset() => _index = -1;
        public readonly void Dispose() { }
    }
}
