using System.Text;

namespace Homepage.Engine.Plugins;

/// <summary>
/// A node of an HTML tree as libxml2 2.9.14's HTML parser builds it (what Nokogiri 1.13 hands to html-pipeline).
/// </summary>
public abstract class LibxmlNode
{
    public LibxmlElement? Parent { get; internal set; }
}

public sealed class LibxmlText(string content, bool raw = false) : LibxmlNode
{
    public string Content { get; internal set; } = content;

    /// <summary>The content of a <c>script</c> or <c>style</c> element, which is written out as it is.</summary>
    public bool Raw { get; } = raw;
}

public sealed class LibxmlComment(string content) : LibxmlNode
{
    public string Content { get; } = content;
}

public sealed class LibxmlProcessingInstruction(string target, string? content) : LibxmlNode
{
    public string Target { get; } = target;
    public string? Content { get; } = content;
}

public sealed class LibxmlElement(string name) : LibxmlNode
{
    /// <summary>The name as written (lowercased): what the parser's open-element stack matches end tags against.</summary>
    public string QualifiedName { get; } = name;

    /// <summary>The node's name: a prefix (<c>o:</c> in <c>o:p</c>) is dropped, as libxml2's SAX2 handler does in HTML.</summary>
    public string Name { get; } = LocalName(name);

    private static string LocalName(string name)
    {
        var colon = name.IndexOf(':');
        return colon > 0 && colon < name.Length - 1 ? name[(colon + 1)..] : name;
    }

    /// <summary>Attributes in order; a null value is an attribute written without one (<c>&lt;input disabled&gt;</c>).</summary>
    public List<(string Name, string? Value)> Attributes { get; } = new();

    public List<LibxmlNode> Children { get; } = new();

    public void Append(LibxmlNode node)
    {
        node.Parent = this;
        Children.Add(node);
    }
}

/// <summary>
/// libxml2 2.9.14's HTML parser and serialiser, as far as Jekyll pages need them: what
/// <c>Nokogiri::HTML::DocumentFragment.parse(html).to_html</c> does to a page. The parser lowercases element and
/// attribute names, decodes entities (HTML 4's 253 names and character references; an unknown or unterminated one
/// stays text), closes elements by libxml2's start-tag and end-tag rules (HTML 4 only: unknown elements such as
/// <c>section</c> or <c>svg</c> close nothing and are closed by nothing but their end tag), honours <c>/&gt;</c> on
/// any element, keeps <c>script</c>/<c>style</c> content raw and drops end tags with no open element. The serialiser
/// (FORMAT | AS_HTML) escapes <c>&amp; &lt; &gt;</c> in text and attributes, quotes attributes with <c>"</c> (or
/// <c>'</c> when the value holds a <c>"</c> only), URI-escapes <c>href</c>/<c>src</c>/<c>action</c>/<c>a name</c>,
/// writes boolean attributes bare, HTML 4 void elements without an end tag, and the newlines libxml2 adds around block
/// elements whose neighbours are elements.
/// The element tables were read from the installed libxml2 through Nokogiri (<c>ElementDescription</c>, and by parsing
/// every pair of tags to see which start tag closes which element); the behaviours were found and checked by running
/// the gem's filter and this one over some 14,000 fragments (pages of the fixture sites, hand-written and generated
/// markup) and comparing the results byte for byte.
/// </summary>
public static partial class LibxmlHtml
{
    // ---- libxml2's element table (html40ElementTable): void, inline, and "save end tag" elements ----

    private static readonly HashSet<string> Known =
    [
        "a", "abbr", "acronym", "address", "applet", "area", "b", "base", "basefont", "bdo", "big", "blockquote", "body", "br",
        "button", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "dfn", "dir", "div", "dl", "dt", "em",
        "embed", "fieldset", "font", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i",
        "iframe", "img", "input", "ins", "isindex", "kbd", "label", "legend", "li", "link", "map", "menu", "meta", "noframes",
        "noscript", "object", "ol", "optgroup", "option", "p", "param", "pre", "q", "s", "samp", "script", "select", "small",
        "span", "strike", "strong", "style", "sub", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "title",
        "tr", "tt", "u", "ul", "var",
    ];

    private static readonly HashSet<string> Empty = ["area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link", "meta", "param"];

    private static readonly HashSet<string> Inline =
    [
        "a", "abbr", "acronym", "applet", "b", "basefont", "bdo", "big", "br", "button", "cite", "code", "del", "dfn", "em", "embed",
        "font", "i", "iframe", "img", "input", "ins", "kbd", "label", "map", "object", "q", "s", "samp", "script", "select",
        "small", "span", "strike", "strong", "sub", "sup", "textarea", "tt", "u", "var",
    ];

    /// <summary>Elements written without an end tag when they have no content (besides the void ones).</summary>
    private static readonly HashSet<string> SaveEndTag = ["li"];

    /// <summary>htmlStartClose: the start tags (values) that close an open element (key).</summary>
    private static readonly Dictionary<string, HashSet<string>> StartClose = new(StringComparer.Ordinal)
    {
        ["a"] = ["a", "fieldset", "table", "td", "th"],
        ["address"] = ["dd", "dl", "dt", "form", "li", "ul"],
        ["b"] = ["center", "p", "td", "th"],
        ["big"] = ["p"],
        ["caption"] = ["col", "colgroup", "tbody", "tfoot", "thead", "tr"],
        ["colgroup"] = ["colgroup", "tbody", "tfoot", "thead", "tr"],
        ["dd"] = ["dt"],
        ["dir"] = ["dd", "dl", "dt", "form", "ul"],
        ["dl"] = ["form", "li"],
        ["dt"] = ["dd", "dl"],
        ["font"] = ["center", "td", "th"],
        ["form"] = ["form"],
        ["h1"] = ["fieldset", "form", "li", "p", "table"],
        ["h2"] = ["fieldset", "form", "li", "p", "table"],
        ["h3"] = ["fieldset", "form", "li", "p", "table"],
        ["h4"] = ["fieldset", "form", "li", "p", "table"],
        ["h5"] = ["fieldset", "form", "li", "p", "table"],
        ["h6"] = ["fieldset", "form", "li", "p", "table"],
        ["i"] = ["center", "p", "td", "th"],
        ["legend"] = ["fieldset"],
        ["li"] = ["li"],
        ["menu"] = ["dd", "dl", "dt", "form", "ul"],
        ["ol"] = ["form", "ul"],
        ["option"] = ["optgroup", "option"],
        ["p"] =
        [
            "address", "body", "head", "blockquote", "caption", "center", "col", "colgroup", "dd", "dir", "div", "dl", "dt", "fieldset", "form",
            "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "menu", "ol", "p", "pre", "table", "tbody", "td", "tfoot",
            "th", "title", "tr", "ul",
        ],
        ["pre"] = ["dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"],
        ["s"] = ["p"],
        ["script"] = ["noscript"],
        ["style"] = ["body", "frameset"],
        ["small"] = ["p"],
        ["span"] = ["td", "th"],
        ["strike"] = ["p"],
        ["tbody"] = ["tbody", "tfoot"],
        ["td"] = ["tbody", "td", "tfoot", "th", "tr"],
        ["tfoot"] = ["tbody"],
        ["th"] = ["tbody", "td", "tfoot", "th", "tr"],
        ["thead"] = ["tbody", "tfoot"],
        ["title"] = ["body", "frameset"],
        ["tr"] = ["tbody", "tfoot", "tr"],
        ["tt"] = ["p"],
        ["u"] = ["p", "td", "th"],
        ["ul"] = ["address", "form", "menu", "ol", "pre"],
    };

    /// <summary>htmlEndPriority: an end tag closes open elements of at most its own priority on the way to its element.</summary>
    private static int EndPriority(string name) => name switch
    {
        "div" => 150,
        "td" or "th" => 160,
        "tr" => 170,
        "thead" or "tbody" or "tfoot" => 180,
        "table" => 190,
        "head" or "body" => 200,
        "html" => 220,
        _ => 100,
    };

    private static bool ClosesOnStart(string newTag, string open) => StartClose.TryGetValue(open, out var closers) && closers.Contains(newTag);

    // ---- parsing ----

    /// <summary><c>Nokogiri::HTML::DocumentFragment.parse(html)</c>: the body's nodes of <c>&lt;html&gt;&lt;body&gt;</c> + html.</summary>
    public static LibxmlElement ParseFragment(string html)
    {
        var root = new LibxmlElement("#fragment");
        var htmlElement = new LibxmlElement("html");
        var body = new LibxmlElement("body");
        htmlElement.Append(body);
        var parser = new Parser(html, [htmlElement, body], implied: true);
        parser.Run();
        // Nokogiri's "horrible hack": markup with a line that starts with <body keeps the body elements themselves.
        var keepBodies = BodyLine().IsMatch(html);
        foreach (var b in parser.Bodies)
        {
            if (keepBodies) root.Append(b);
            else foreach (var child in b.Children.ToList()) root.Append(child);
        }
        foreach (var element in root.Children.OfType<LibxmlElement>()) Reparented(element);
        return root;
    }

    /// <summary>What moving a node into the fragment does to it (Nokogiri relinks its namespaces): attributes with a
    /// colon in their name come after the others, a missing value becomes empty. Only the fragment's top-level
    /// elements are moved, so only theirs.</summary>
    private static void Reparented(LibxmlElement element)
    {
        if (!element.Attributes.Any(a => a.Name.Contains(':'))) return;
        var ordered = element.Attributes.Where(a => !a.Name.Contains(':'))
            .Concat(element.Attributes.Where(a => a.Name.Contains(':')).Select(a => (a.Name, (string?)(a.Value ?? "")))).ToList();
        element.Attributes.Clear();
        element.Attributes.AddRange(ordered);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t\r\n\f\v]*?<body", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BodyLine();

    /// <summary>Markup parsed in a node's context (<c>Node#parse</c>, libxml2's <c>htmlParseInNodeContext</c>): no implied
    /// elements, nothing open around it. Returns the top-level nodes.</summary>
    public static List<LibxmlNode> ParseInContext(string html)
    {
        var holder = new LibxmlElement("#context");
        var parser = new Parser(html, [], implied: false, holder);
        parser.Run();
        return holder.Children.ToList();
    }

    private sealed class Parser
    {
        private readonly string _s;
        private int _i;
        private readonly List<LibxmlElement> _stack;
        private readonly bool _implied;
        private readonly LibxmlElement? _holder;
        private int _depth; // misplaced html/head/body start tags, whose end tags are ignored in turn
        private readonly LibxmlElement _discard = new("#discard");
        private bool _afterHtmlEnd;

        /// <summary>The body elements, in order: the first, and any <c>&lt;body&gt;</c> after a <c>&lt;/body&gt;</c>.</summary>
        public List<LibxmlElement> Bodies { get; } = new();

        public Parser(string s, List<LibxmlElement> stack, bool implied, LibxmlElement? holder = null)
        {
            _s = s;
            _stack = stack;
            _implied = implied;
            _holder = holder;
            Bodies.AddRange(stack.Where(e => e.QualifiedName == "body"));
        }

        private char Cur => _i < _s.Length ? _s[_i] : '\0';
        private char Nxt(int n) => _i + n < _s.Length ? _s[_i + n] : '\0';
        private string? CurrentName => _stack.Count > 0 ? _stack[^1].QualifiedName : null;

        /// <summary>Where new nodes go: the open element, or (after &lt;/body&gt;) nowhere that is kept.</summary>
        private LibxmlElement Container
        {
            get
            {
                if (_stack.Count > 0)
                {
                    var top = _stack[^1];
                    return _implied && top.Name == "html" ? _discard : top;
                }
                return _implied ? _discard : _holder ?? _discard;
            }
        }

        public void Run()
        {
            var afterDoctype = false;
            while (_i < _s.Length)
            {
                // Right after a misplaced DOCTYPE, libxml2 goes on in the same pass: an end tag there is text.
                var checkEndTag = !afterDoctype;
                afterDoctype = false;
                if (checkEndTag && Cur == '<' && Nxt(1) == '/')
                {
                    ParseEndTag();
                    continue;
                }
                if (Cur == '<' && (IsAsciiLetter(Nxt(1)) || Nxt(1) == '_' || Nxt(1) == ':'))
                {
                    // htmlParseHTMLName_nonInvasive: as the tag's name, but without dots.
                    var end = _i + 1;
                    while (end < _s.Length && end - _i <= 100 && (IsAsciiLetter(_s[end]) || char.IsAsciiDigit(_s[end]) || _s[end] is ':' or '-' or '_')) end++;
                    var name = _s[(_i + 1)..end].ToLowerInvariant();
                    if (CurrentName is { } open && ClosesOnStart(name, open))
                    {
                        AutoClose(name);
                        continue;
                    }
                }
                if (checkEndTag && CurrentName is "script" or "style")
                {
                    ParseScript();
                    continue;
                }
                if (checkEndTag && Cur == '<' && Nxt(1) == '!' && string.Compare(_s, _i + 2, "DOCTYPE", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    SkipDoctype();
                    afterDoctype = true;
                    continue;
                }
                if (Cur == '<' && Nxt(1) == '!' && Nxt(2) == '-' && Nxt(3) == '-')
                {
                    ParseComment();
                    continue;
                }
                if (Cur == '<' && Nxt(1) == '?')
                {
                    SkipProcessingInstruction();
                    continue;
                }
                if (Cur == '<' && IsAsciiLetter(Nxt(1)))
                {
                    ParseElementStart();
                    continue;
                }
                if (Cur == '<')
                {
                    Characters("<");
                    _i++;
                    continue;
                }
                if (Cur == '&')
                {
                    ParseReference();
                    continue;
                }
                ParseCharData();
            }
        }

        private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
        private static bool IsBlank(char c) => c is ' ' or '\t' or '\n' or '\r';

        private void SkipBlanks()
        {
            while (_i < _s.Length && IsBlank(_s[_i])) _i++;
        }

        /// <summary>htmlParseHTMLName: letters, digits, <c>: - _ .</c>, lowercased (at most 100 characters).</summary>
        private string? ParseHtmlName()
        {
            var c = Cur;
            if (!IsAsciiLetter(c) && c != '_' && c != ':' && c != '.') return null;
            var sb = new StringBuilder();
            while (sb.Length < 100 && _i < _s.Length && (IsAsciiLetter(Cur) || char.IsAsciiDigit(Cur) || Cur is ':' or '-' or '_' or '.'))
            {
                sb.Append(char.ToLowerInvariant(Cur));
                _i++;
            }
            return sb.ToString();
        }

        /// <summary>htmlParseName (entity names): an XML name.</summary>
        private string? ParseName()
        {
            var c = Cur;
            if (!(char.IsLetter(c) || c == '_' || c == ':')) return null;
            var start = _i;
            while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] is '.' or '-' or '_' or ':')) _i++;
            return _s[start.._i];
        }

        /// <summary>C0 controls but tab, newline and carriage return are not characters for libxml2: they are dropped
        /// (and U+FFFE, U+FFFF too, except in attribute values).</summary>
        private static string DropInvalid(string text, bool attribute = false)
        {
            var keep = true;
            foreach (var c in text)
                if (c < 0x20 && c is not ('\t' or '\n' or '\r') || !attribute && c is '\uFFFE' or '\uFFFF') { keep = false; break; }
            if (keep) return text;
            var sb = new StringBuilder(text.Length);
            foreach (var c in text)
                if (!(c < 0x20 && c is not ('\t' or '\n' or '\r') || !attribute && c is '\uFFFE' or '\uFFFF')) sb.Append(c);
            return sb.ToString();
        }

        private void Characters(string text)
        {
            text = DropInvalid(text);
            if (text.Length == 0) return;
            var container = Container;
            if (container.Children.Count > 0 && container.Children[^1] is LibxmlText { Raw: false } last)
                last.Content += text;
            else
                container.Append(new LibxmlText(text));
        }

        private void ParseCharData()
        {
            var start = _i;
            while (_i < _s.Length && _s[_i] != '<' && _s[_i] != '&') _i++;
            Characters(_s[start.._i]);
        }

        private void ParseReference()
        {
            if (Nxt(1) == '#')
            {
                var c = ParseCharRef();
                if (c != 0) Characters(char.ConvertFromUtf32(c));
                return;
            }
            var (name, value) = ParseEntityRef();
            if (name is null) Characters("&");
            else if (value is null) Characters("&" + name);
            else Characters(value);
        }

        /// <summary>htmlParseEntityRef after the <c>&amp;</c>: the name, and its value when it is known and ends with <c>;</c>.</summary>
        private (string? Name, string? Value) ParseEntityRef()
        {
            _i++; // '&'
            var name = ParseName();
            if (name is null) return (null, null);
            if (Cur == ';' && Entities.TryGetValue(name, out var code))
            {
                _i++;
                return (name, char.ConvertFromUtf32(code));
            }
            return (name, null);
        }

        /// <summary>htmlParseCharRef: <c>&amp;#NNN;</c> or <c>&amp;#xHH;</c>; 0 when it is not a character (then nothing is added).</summary>
        private int ParseCharRef()
        {
            long val = 0;
            var hex = Nxt(2) is 'x' or 'X';
            _i += hex ? 3 : 2;
            var any = false;
            while (_i < _s.Length && _s[_i] != ';')
            {
                var c = _s[_i];
                int digit;
                if (char.IsAsciiDigit(c)) digit = c - '0';
                else if (hex && c is >= 'a' and <= 'f') digit = c - 'a' + 10;
                else if (hex && c is >= 'A' and <= 'F') digit = c - 'A' + 10;
                else break;
                val = val * (hex ? 16 : 10) + digit;
                if (val > 0x110000) val = 0x110000;
                any = true;
                _i++;
            }
            if (Cur == ';') _i++;
            if (!any) return 0;
            return IsXmlChar(val) ? (int)val : 0;
        }

        private static bool IsXmlChar(long c) =>
            c is 0x9 or 0xA or 0xD || c is >= 0x20 and <= 0xD7FF || c is >= 0xE000 and <= 0xFFFD || c is >= 0x10000 and <= 0x10FFFF;

        private void ParseComment()
        {
            var end = _s.IndexOf("-->", _i + 4, StringComparison.Ordinal);
            if (end < 0)
            {
                // "Comment not terminated": the rest is dropped.
                _i = _s.Length;
                return;
            }
            Container.Append(new LibxmlComment(DropInvalid(_s[(_i + 4)..end])));
            _i = end + 3;
        }

        private void SkipDoctype()
        {
            var end = _s.IndexOf('>', _i);
            _i = end < 0 ? _s.Length : end + 1;
        }

        /// <summary>htmlParsePI: <c>&lt;?target content&gt;</c> (an HTML processing instruction ends at the first <c>&gt;</c>).</summary>
        private void SkipProcessingInstruction()
        {
            _i += 2;
            var target = ParseName();
            var end = _s.IndexOf('>', _i);
            if (target is null) return; // "PI processing instruction name expected": only the <? goes
            if (end < 0)
            {
                _i = _s.Length;
                return;
            }
            string? content = null;
            if (Cur != '>')
            {
                SkipBlanks();
                content = _s[_i..end];
            }
            _i = end + 1;
            Container.Append(new LibxmlProcessingInstruction(target, content));
        }

        /// <summary>htmlParseScript: raw text up to <c>&lt;/NAME</c> of the open element.</summary>
        private void ParseScript()
        {
            var name = CurrentName!;
            var start = _i;
            while (_i < _s.Length)
            {
                if (_s[_i] == '<' && Nxt(1) == '/' && string.Compare(_s, _i + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    break;
                _i++;
            }
            var content = DropInvalid(_s[start.._i]);
            if (content.Length > 0)
            {
                var container = Container;
                if (container.Children.Count > 0 && container.Children[^1] is LibxmlText { Raw: true } last) last.Content += content;
                else container.Append(new LibxmlText(content, raw: true));
            }
            if (_i >= _s.Length) return;
            ParseEndTag();
        }

        private void Push(LibxmlElement element)
        {
            Container.Append(element);
            _stack.Add(element);
        }

        private void Pop() => _stack.RemoveAt(_stack.Count - 1);

        private void AutoClose(string newTag)
        {
            while (CurrentName is { } open && ClosesOnStart(newTag, open)) Pop();
        }

        private void ParseElementStart()
        {
            _i++; // '<'
            var name = ParseHtmlName();
            if (name is null)
            {
                while (_i < _s.Length && Cur != '>') _i++;
                return;
            }
            AutoClose(name);
            var discard = false;
            if (_implied || _stack.Count > 0)
            {
                if (name == "html" && _stack.Count > 0) discard = true;
                if (_stack.Count != 1 && name == "head") discard = true;
                if (name == "body" && _stack.Any(e => e.QualifiedName == "body")) discard = true;
            }
            if (discard) _depth++;

            var element = new LibxmlElement(name);
            SkipBlanks();
            while (_i < _s.Length && Cur != '>' && !(Cur == '/' && Nxt(1) == '>'))
            {
                var attributeName = ParseHtmlName();
                if (attributeName is not null)
                {
                    string? value = null;
                    SkipBlanks();
                    if (Cur == '=')
                    {
                        _i++;
                        SkipBlanks();
                        value = ParseAttValue();
                    }
                    if (!element.Attributes.Any(a => a.Name == attributeName)) element.Attributes.Add((attributeName, value));
                }
                else
                {
                    while (_i < _s.Length && !IsBlank(Cur) && Cur != '>' && !(Cur == '/' && Nxt(1) == '>')) _i++;
                }
                SkipBlanks();
            }
            if (!discard && _implied && name == "body")
            {
                // A body after </body>: a new one, whose content is kept when it opens right under html.
                if (CurrentName == "html" && !_afterHtmlEnd)
                {
                    _stack[^1].Append(element);
                    _stack.Add(element);
                    Bodies.Add(element);
                }
                else Push(element);
            }
            else if (!discard) Push(element);

            // What follows the attributes applies to the open element: the new one, or, when the tag was discarded,
            // the element that was open before it (htmlParseElementInternal reads ctxt->name).
            if (Cur == '/' && Nxt(1) == '>')
            {
                _i += 2;
                if (_stack.Count > 0) Pop();
                return;
            }
            if (Cur == '>') _i++;
            else
            {
                // "Couldn't find end of Start Tag": the open element ends there.
                if (_stack.Count > 0) Pop();
                return;
            }
            if (!discard && Empty.Contains(name)) Pop();
        }

        private string? ParseAttValue()
        {
            if (Cur is '"' or '\'')
            {
                var quote = Cur;
                _i++;
                var value = ParseHtmlAttribute(quote);
                if (Cur == quote) _i++;
                return value;
            }
            var unquoted = ParseHtmlAttribute('\0');
            return unquoted;
        }

        /// <summary>htmlParseHTMLAttribute: up to the quote (or, unquoted, a blank or <c>&gt;</c>), entities decoded.</summary>
        private string ParseHtmlAttribute(char stop)
        {
            var sb = new StringBuilder();
            // An invalid character reference writes a NUL into libxml2's buffer: the value ends there, though the
            // parser reads on to the closing quote.
            var truncatedAt = -1;
            while (_i < _s.Length && Cur != stop)
            {
                if (stop == '\0' && (Cur == '>' || IsBlank(Cur))) break;
                if (Cur == '&')
                {
                    if (Nxt(1) == '#')
                    {
                        var c = ParseCharRef();
                        if (c != 0) sb.Append(char.ConvertFromUtf32(c));
                        else if (truncatedAt < 0) truncatedAt = sb.Length;
                    }
                    else
                    {
                        var (name, value) = ParseEntityRef();
                        if (name is null) sb.Append('&');
                        else if (value is null) sb.Append('&').Append(name);
                        else sb.Append(value);
                    }
                    continue;
                }
                sb.Append(Cur);
                _i++;
            }
            if (truncatedAt >= 0) sb.Length = truncatedAt;
            return DropInvalid(sb.ToString(), attribute: true);
        }

        private void ParseEndTag()
        {
            _i += 2; // "</"
            var name = ParseHtmlName();
            if (name is null) return;
            SkipBlanks();
            while (_i < _s.Length && Cur != '>') _i++;
            if (Cur == '>') _i++;

            if (_depth > 0 && name is "html" or "body" or "head")
            {
                _depth--;
                return;
            }
            var index = _stack.FindLastIndex(e => e.QualifiedName == name);
            if (index < 0) return; // "Unexpected end tag"
            // htmlAutoCloseOnClose: a misplaced end tag closes only elements of lower or equal priority.
            var priority = EndPriority(name);
            for (var i = _stack.Count - 1; i >= 0; i--)
            {
                if (_stack[i].QualifiedName == name) break;
                if (EndPriority(_stack[i].QualifiedName) > priority) return;
            }
            while (CurrentName != name) Pop();
            Pop();
            // After </html>, whatever comes opens an implied html element of its own (a second root).
            if (_implied && name == "html")
            {
                _stack.Add(new LibxmlElement("html"));
                _afterHtmlEnd = true; // and nothing there is kept, a new <body> included
            }
        }
    }

    // ---- serialising (htmlNodeDumpFormatOutput with format = 1) ----

    /// <summary><c>DocumentFragment#to_html</c>: each top-level node written on its own (so no newline between them).</summary>
    public static string Serialize(LibxmlElement fragment)
    {
        var sb = new StringBuilder();
        foreach (var child in fragment.Children) Write(sb, child, topLevel: true);
        return sb.ToString();
    }

    /// <summary><c>Node#to_html</c> of one text node (what html-pipeline's filters match against).</summary>
    public static string TextToHtml(LibxmlText text) => text.Raw ? text.Content : EscapeText(text.Content);

    private static bool IsTextLike(LibxmlNode node) => node is LibxmlText;

    private static void Write(StringBuilder sb, LibxmlNode node, bool topLevel)
    {
        switch (node)
        {
            case LibxmlText text:
                sb.Append(text.Raw || text.Parent?.Name is "script" or "style" ? text.Content : EscapeText(text.Content));
                return;
            case LibxmlComment comment:
                sb.Append("<!--").Append(comment.Content).Append("-->");
                return;
            case LibxmlProcessingInstruction pi:
                sb.Append("<?").Append(pi.Target);
                if (pi.Content is not null) sb.Append(' ').Append(pi.Content);
                sb.Append('>');
                return;
            case LibxmlElement element:
                WriteElement(sb, element, topLevel);
                return;
        }
    }

    private static void WriteElement(StringBuilder sb, LibxmlElement element, bool topLevel)
    {
        var known = Known.Contains(element.Name);
        var block = known && !Inline.Contains(element.Name);
        sb.Append('<').Append(element.Name);
        foreach (var (name, value) in element.Attributes) WriteAttribute(sb, element, name, value);
        if (known && Empty.Contains(element.Name))
            sb.Append('>');
        else if (element.Children.Count == 0)
        {
            if (known && SaveEndTag.Contains(element.Name)) sb.Append('>');
            else sb.Append("></").Append(element.Name).Append('>');
        }
        else
        {
            sb.Append('>');
            var children = element.Children;
            if (block && !IsTextLike(children[0]) && children.Count > 1 && element.Name[0] != 'p') sb.Append('\n');
            foreach (var child in children) Write(sb, child, topLevel: false);
            if (block && !IsTextLike(children[^1]) && children.Count > 1 && element.Name[0] != 'p') sb.Append('\n');
            sb.Append("</").Append(element.Name).Append('>');
        }
        // A newline after a block element followed by a non-text sibling (not at the top of a fragment, nor in p, pre...).
        if (block && !topLevel && element.Parent is { } parent && parent.Name[0] != 'p')
        {
            var siblings = parent.Children;
            var index = siblings.IndexOf(element);
            if (index + 1 < siblings.Count && !IsTextLike(siblings[index + 1])) sb.Append('\n');
        }
    }

    private static readonly HashSet<string> BooleanAttributes =
        ["checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref", "noresize", "noshade", "nowrap", "readonly", "selected"];

    private static void WriteAttribute(StringBuilder sb, LibxmlElement element, string name, string? value)
    {
        sb.Append(' ').Append(name);
        if (value is null || BooleanAttributes.Contains(name)) return;
        sb.Append('=');
        var escaped = EscapeAttribute(value);
        if (name is "href" or "action" or "src" || (name == "name" && element.Name == "a"))
            escaped = UriEscape(escaped.TrimStart(' ', '\t', '\n', '\r'));
        if (escaped.Contains('"'))
        {
            if (escaped.Contains('\'')) sb.Append('"').Append(escaped.Replace("\"", "&quot;")).Append('"');
            else sb.Append('\'').Append(escaped).Append('\'');
        }
        else sb.Append('"').Append(escaped).Append('"');
    }

    /// <summary>xmlEncodeEntitiesReentrant in an HTML document: <c>&lt; &gt; &amp;</c>, other characters as they are.</summary>
    private static string EscapeText(string text)
    {
        if (text.IndexOfAny(['<', '>', '&']) < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>xmlEncodeAttributeEntities: as text, except that <c>&amp;{...}</c> (HTML 4's script macro) stays.</summary>
    private static string EscapeAttribute(string value)
    {
        var sb = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&':
                    if (i + 1 < value.Length && value[i + 1] == '{' && value.IndexOf('}', i) is var close and > 0)
                    {
                        sb.Append(value, i, close - i + 1);
                        i = close;
                    }
                    else sb.Append("&amp;");
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>xmlURIEscapeStr with <c>@/:=?;#%&amp;,+&lt;&gt;</c> kept: every other byte but letters, digits and
    /// <c>-_.!~*'()</c> as <c>%XX</c> (UTF-8 bytes).</summary>
    private static string UriEscape(string value)
    {
        var sb = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()@/:=?;#%&,+<>".Contains(c))) sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    /// <summary>libxml2's HTML entity table (html40EntitiesTable), read through Nokogiri's EntityLookup.</summary>
    private static readonly Dictionary<string, int> Entities = new(StringComparer.Ordinal)
    {
        ["AElig"] = 198, ["Aacute"] = 193, ["Acirc"] = 194, ["Agrave"] = 192, ["Alpha"] = 913, ["Aring"] = 197, ["Atilde"] = 195, ["Auml"] = 196,
        ["Beta"] = 914, ["Ccedil"] = 199, ["Chi"] = 935, ["Dagger"] = 8225, ["Delta"] = 916, ["ETH"] = 208, ["Eacute"] = 201, ["Ecirc"] = 202,
        ["Egrave"] = 200, ["Epsilon"] = 917, ["Eta"] = 919, ["Euml"] = 203, ["Gamma"] = 915, ["Iacute"] = 205, ["Icirc"] = 206, ["Igrave"] = 204,
        ["Iota"] = 921, ["Iuml"] = 207, ["Kappa"] = 922, ["Lambda"] = 923, ["Mu"] = 924, ["Ntilde"] = 209, ["Nu"] = 925, ["OElig"] = 338,
        ["Oacute"] = 211, ["Ocirc"] = 212, ["Ograve"] = 210, ["Omega"] = 937, ["Omicron"] = 927, ["Oslash"] = 216, ["Otilde"] = 213, ["Ouml"] = 214,
        ["Phi"] = 934, ["Pi"] = 928, ["Prime"] = 8243, ["Psi"] = 936, ["Rho"] = 929, ["Scaron"] = 352, ["Sigma"] = 931, ["THORN"] = 222,
        ["Tau"] = 932, ["Theta"] = 920, ["Uacute"] = 218, ["Ucirc"] = 219, ["Ugrave"] = 217, ["Upsilon"] = 933, ["Uuml"] = 220, ["Xi"] = 926,
        ["Yacute"] = 221, ["Yuml"] = 376, ["Zeta"] = 918, ["aacute"] = 225, ["acirc"] = 226, ["acute"] = 180, ["aelig"] = 230, ["agrave"] = 224,
        ["alefsym"] = 8501, ["alpha"] = 945, ["amp"] = 38, ["and"] = 8743, ["ang"] = 8736, ["apos"] = 39, ["aring"] = 229, ["asymp"] = 8776,
        ["atilde"] = 227, ["auml"] = 228, ["bdquo"] = 8222, ["beta"] = 946, ["brvbar"] = 166, ["bull"] = 8226, ["cap"] = 8745, ["ccedil"] = 231,
        ["cedil"] = 184, ["cent"] = 162, ["chi"] = 967, ["circ"] = 710, ["clubs"] = 9827, ["cong"] = 8773, ["copy"] = 169, ["crarr"] = 8629,
        ["cup"] = 8746, ["curren"] = 164, ["dArr"] = 8659, ["dagger"] = 8224, ["darr"] = 8595, ["deg"] = 176, ["delta"] = 948, ["diams"] = 9830,
        ["divide"] = 247, ["eacute"] = 233, ["ecirc"] = 234, ["egrave"] = 232, ["empty"] = 8709, ["emsp"] = 8195, ["ensp"] = 8194, ["epsilon"] = 949,
        ["equiv"] = 8801, ["eta"] = 951, ["eth"] = 240, ["euml"] = 235, ["euro"] = 8364, ["exist"] = 8707, ["fnof"] = 402, ["forall"] = 8704,
        ["frac12"] = 189, ["frac14"] = 188, ["frac34"] = 190, ["frasl"] = 8260, ["gamma"] = 947, ["ge"] = 8805, ["gt"] = 62, ["hArr"] = 8660,
        ["harr"] = 8596, ["hearts"] = 9829, ["hellip"] = 8230, ["iacute"] = 237, ["icirc"] = 238, ["iexcl"] = 161, ["igrave"] = 236, ["image"] = 8465,
        ["infin"] = 8734, ["int"] = 8747, ["iota"] = 953, ["iquest"] = 191, ["isin"] = 8712, ["iuml"] = 239, ["kappa"] = 954, ["lArr"] = 8656,
        ["lambda"] = 955, ["lang"] = 9001, ["laquo"] = 171, ["larr"] = 8592, ["lceil"] = 8968, ["ldquo"] = 8220, ["le"] = 8804, ["lfloor"] = 8970,
        ["lowast"] = 8727, ["loz"] = 9674, ["lrm"] = 8206, ["lsaquo"] = 8249, ["lsquo"] = 8216, ["lt"] = 60, ["macr"] = 175, ["mdash"] = 8212,
        ["micro"] = 181, ["middot"] = 183, ["minus"] = 8722, ["mu"] = 956, ["nabla"] = 8711, ["nbsp"] = 160, ["ndash"] = 8211, ["ne"] = 8800,
        ["ni"] = 8715, ["not"] = 172, ["notin"] = 8713, ["nsub"] = 8836, ["ntilde"] = 241, ["nu"] = 957, ["oacute"] = 243, ["ocirc"] = 244,
        ["oelig"] = 339, ["ograve"] = 242, ["oline"] = 8254, ["omega"] = 969, ["omicron"] = 959, ["oplus"] = 8853, ["or"] = 8744, ["ordf"] = 170,
        ["ordm"] = 186, ["oslash"] = 248, ["otilde"] = 245, ["otimes"] = 8855, ["ouml"] = 246, ["para"] = 182, ["part"] = 8706, ["permil"] = 8240,
        ["perp"] = 8869, ["phi"] = 966, ["pi"] = 960, ["piv"] = 982, ["plusmn"] = 177, ["pound"] = 163, ["prime"] = 8242, ["prod"] = 8719,
        ["prop"] = 8733, ["psi"] = 968, ["quot"] = 34, ["rArr"] = 8658, ["radic"] = 8730, ["rang"] = 9002, ["raquo"] = 187, ["rarr"] = 8594,
        ["rceil"] = 8969, ["rdquo"] = 8221, ["real"] = 8476, ["reg"] = 174, ["rfloor"] = 8971, ["rho"] = 961, ["rlm"] = 8207, ["rsaquo"] = 8250,
        ["rsquo"] = 8217, ["sbquo"] = 8218, ["scaron"] = 353, ["sdot"] = 8901, ["sect"] = 167, ["shy"] = 173, ["sigma"] = 963, ["sigmaf"] = 962,
        ["sim"] = 8764, ["spades"] = 9824, ["sub"] = 8834, ["sube"] = 8838, ["sum"] = 8721, ["sup"] = 8835, ["sup1"] = 185, ["sup2"] = 178,
        ["sup3"] = 179, ["supe"] = 8839, ["szlig"] = 223, ["tau"] = 964, ["there4"] = 8756, ["theta"] = 952, ["thetasym"] = 977, ["thinsp"] = 8201,
        ["thorn"] = 254, ["tilde"] = 732, ["times"] = 215, ["trade"] = 8482, ["uArr"] = 8657, ["uacute"] = 250, ["uarr"] = 8593, ["ucirc"] = 251,
        ["ugrave"] = 249, ["uml"] = 168, ["upsih"] = 978, ["upsilon"] = 965, ["uuml"] = 252, ["weierp"] = 8472, ["xi"] = 958, ["yacute"] = 253,
        ["yen"] = 165, ["yuml"] = 255, ["zeta"] = 950, ["zwj"] = 8205, ["zwnj"] = 8204,
    };
}
