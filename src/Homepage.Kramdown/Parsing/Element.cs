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
    // The value: a string, or a builder while the parser appends to it (one slot for both keeps the element small; a
    // large page has a hundred thousand of them, and all of them live until the page is written).
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
            return (string?)_value;
        }
        set => _value = value;
    }

    /// <summary>Appends to the value (kramdown's <c>value &lt;&lt; text</c>).</summary>
    public void Append(string text) => Append(text.AsSpan());

    /// <summary>Appends a piece of text without making a string of it first.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        if (_value is not StringBuilder builder)
        {
            var current = (string?)_value;
            builder = new StringBuilder(current ?? "", Math.Max(16, (current?.Length ?? 0) + text.Length));
            _value = builder;
        }
        builder.Append(text);
    }

    // Values that are not strings share one slot (an element only ever has one kind): the footnote's content, an
    // entity and its original text, or a list item's raw lines. Rarely used options live in a side object, so the
    // thousands of text elements of a page stay small.
    private object? _payload;
    private Extras? _extras;

    private sealed class Extras
    {
        public string? RawText, Lang, FootnoteName, EobKind;
        public int Level;
        public bool FirstAsPara;
        public List<Alignment>? Alignment;
        public List<string>? RawTypes;
        public Ial? Ial;

        public Extras Clone()
        {
            var copy = (Extras)MemberwiseClone();
            if (Alignment is not null) copy.Alignment = [.. Alignment];
            return copy;
        }
    }

    private sealed record EntityRef(Entity Entity, string? Original);

    private Extras X => _extras ??= new Extras();

    /// <summary>The footnote's content (a footnote marker's value).</summary>
    public Element? FootnoteContent { get => _payload as Element; set => _payload = value; }

    /// <summary>The entity of an entity element.</summary>
    public Entity? EntityValue
    {
        get => (_payload as EntityRef)?.Entity;
        set => _payload = value is null ? null : new EntityRef(value, Original);
    }

    /// <summary>The entity as written in the source, when it was.</summary>
    public string? Original
    {
        get => (_payload as EntityRef)?.Original;
        set => _payload = new EntityRef(EntityValue!, value);
    }

    /// <summary>The symbol of a typographic sym or smart quote (kramdown keeps it as the value).</summary>
    public string? Symbol { get => Value; set => Value = value; }

    /// <summary>The raw text values of a list item or definition before they are parsed.</summary>
    public List<StringBuilder>? ItemLines { get => _payload as List<StringBuilder>; set => _payload = value; }

    private OrderedDictionary<string, string>? _attr;
    public OrderedDictionary<string, string> Attr
    {
        get => _attr ??= new OrderedDictionary<string, string>(StringComparer.Ordinal);
        set => _attr = value;
    }
    public bool HasAttr => _attr is { Count: > 0 };

    private List<Element>? _children;
    public List<Element> Children
    {
        // most elements hold one child (a paragraph its text, an item its paragraph): room for one to start with
        get => _children ??= new List<Element>(1);
        set => _children = value;
    }
    public bool HasChildren => _children is { Count: > 0 };

    // Options (kramdown's element options hash, as fields).
    public int Location { get; set; }
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
        copy._value = Value;
        if (_attr is not null) copy._attr = new OrderedDictionary<string, string>(_attr, StringComparer.Ordinal);
        if (_children is not null) copy._children = _children.Select(c => c.DeepClone()).ToList();
        if (_extras is not null) copy._extras = _extras.Clone();
        return copy;
    }

    public override string ToString() => $"<kd:{Type} {Value}>";
}
