using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Homepage.Kramdown;

/// <summary>The entity output modes of kramdown's <c>entity_output</c> option.</summary>
public enum EntityOutput { AsChar, AsInput, Numeric, Symbolic }

/// <summary>
/// kramdown 2.4's options (and kramdown-parser-gfm's), with kramdown's defaults. <see cref="Set"/> converts a raw value
/// as <c>Kramdown::Options.parse</c> does; <see cref="FromJekyll"/> applies Jekyll 4.3's kramdown setup first.
/// </summary>
public sealed class KramdownOptions
{
    /// <summary>The parser: kramdown, GFM or SmartyPants (Jekyll's <c>input</c>).</summary>
    public string Input { get; set; } = "kramdown";
    public string Template { get; set; } = "";
    public bool AutoIds { get; set; } = true;
    public bool AutoIdStripping { get; set; }
    public string AutoIdPrefix { get; set; } = "";
    public bool TransliteratedHeaderIds { get; set; }
    public bool ParseBlockHtml { get; set; }
    public bool ParseSpanHtml { get; set; } = true;
    public bool HtmlToNative { get; set; }
    public Dictionary<string, (string Url, string? Title)> LinkDefs { get; set; } = new();
    public int FootnoteNr { get; set; } = 1;
    public EntityOutput EntityOutput { get; set; } = EntityOutput.AsChar;
    public List<int> TocLevels { get; set; } = [1, 2, 3, 4, 5, 6];
    /// <summary>Entity names (or code points as strings) for lsquo, rsquo, ldquo, rdquo.</summary>
    public List<string> SmartQuotes { get; set; } = ["lsquo", "rsquo", "ldquo", "rdquo"];
    public Dictionary<string, string> TypographicSymbols { get; set; } = new();
    public int HeaderOffset { get; set; }
    /// <summary>The syntax highlighter's name (rouge by default), or null for none.</summary>
    public string? SyntaxHighlighter { get; set; } = "rouge";
    public Dictionary<string, object?> SyntaxHighlighterOpts { get; set; } = new();
    public string? MathEngine { get; set; } = "mathjax";
    public string FootnoteBacklink { get; set; } = "&#8617;";
    public bool FootnoteBacklinkInline { get; set; }
    public string FootnotePrefix { get; set; } = "";
    public bool RemoveLineBreaksForCjk { get; set; }
    public List<string> ForbiddenInlineOptions { get; set; } = ["template"];
    public bool HardWrap { get; set; } = true;
    public List<string> GfmQuirks { get; set; } = ["paragraph_end"];
    /// <summary>Jekyll's <c>show_warnings</c>: print kramdown's warnings.</summary>
    public bool ShowWarnings { get; set; }

    /// <summary>The syntax highlighter for code blocks and spans (rouge, plugged in by the engine).</summary>
    public ICodeHighlighter? Highlighter { get; set; }

    private static readonly HashSet<string> Known =
    [
        "template", "auto_ids", "auto_id_stripping", "auto_id_prefix", "transliterated_header_ids", "parse_block_html",
        "parse_span_html", "html_to_native", "link_defs", "footnote_nr", "entity_output", "toc_levels", "line_width",
        "latex_headers", "smart_quotes", "typographic_symbols", "remove_block_html_tags", "remove_span_html_tags",
        "header_offset", "syntax_highlighter", "syntax_highlighter_opts", "math_engine", "math_engine_opts",
        "footnote_backlink", "footnote_backlink_inline", "footnote_prefix", "remove_line_breaks_for_cjk",
        "forbidden_inline_options", "list_indent", "hard_wrap", "gfm_quirks",
    ];

    /// <summary>Whether kramdown defines an option of this name.</summary>
    public static bool IsDefined(string name) => Known.Contains(name);

    public KramdownOptions Clone()
    {
        var copy = (KramdownOptions)MemberwiseClone();
        copy.LinkDefs = new(LinkDefs);
        copy.TocLevels = [.. TocLevels];
        copy.SmartQuotes = [.. SmartQuotes];
        copy.TypographicSymbols = new(TypographicSymbols);
        copy.SyntaxHighlighterOpts = new(SyntaxHighlighterOpts);
        copy.GfmQuirks = [.. GfmQuirks];
        copy.ForbiddenInlineOptions = [.. ForbiddenInlineOptions];
        return copy;
    }

    /// <summary>kramdown's options from a hash of raw values (<c>Kramdown::Options.merge</c>); unknown keys are ignored.</summary>
    public static KramdownOptions From(IEnumerable<KeyValuePair<string, object?>>? raw)
    {
        var options = new KramdownOptions();
        if (raw is null) return options;
        foreach (var (key, value) in raw) options.Set(key.TrimStart(':'), value);
        return options;
    }

    /// <summary>Jekyll's kramdown defaults and setup (<c>KramdownParser#setup</c>), then the site's <c>kramdown:</c> hash.</summary>
    public static KramdownOptions FromJekyll(IEnumerable<KeyValuePair<string, object?>>? config, string? siteHighlighter = null)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["auto_ids"] = true, ["toc_levels"] = new List<object?> { 1L, 2L, 3L, 4L, 5L, 6L }, ["entity_output"] = "as_char",
            ["smart_quotes"] = "lsquo,rsquo,ldquo,rdquo", ["input"] = "GFM", ["hard_wrap"] = false, ["guess_lang"] = true,
            ["footnote_nr"] = 1L, ["show_warnings"] = false,
        };
        if (config is not null)
            foreach (var (k, v) in config) values[k] = v;
        if (!values.TryGetValue("syntax_highlighter", out var sh) || sh is null or false)
            values["syntax_highlighter"] = siteHighlighter ?? "rouge";
        var opts = values.TryGetValue("syntax_highlighter_opts", out var o) && o is IEnumerable<KeyValuePair<string, object?>> given
            ? given.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>();
        if (!opts.TryGetValue("default_lang", out var dl) || dl is null or false) opts["default_lang"] = "plaintext";
        opts["guess_lang"] = values.GetValueOrDefault("guess_lang");
        values["syntax_highlighter_opts"] = opts;
        var options = new KramdownOptions();
        foreach (var (key, value) in values) options.Set(key, value);
        return options;
    }

    /// <summary>Sets one option from a raw value as <c>Kramdown::Options.parse</c> converts it; unknown names are ignored.</summary>
    public void Set(string name, object? value)
    {
        switch (name)
        {
            case "input": Input = value is null ? "kramdown" : Str(value).TrimStart(':'); break;
            case "show_warnings": ShowWarnings = value is bool sw ? sw : value is not null && Bool(value); break;
            case "template": Template = Str(value); break;
            case "auto_ids": AutoIds = Bool(value); break;
            case "auto_id_stripping": AutoIdStripping = Bool(value); break;
            case "auto_id_prefix": AutoIdPrefix = Str(value); break;
            case "transliterated_header_ids": TransliteratedHeaderIds = Bool(value); break;
            case "parse_block_html": ParseBlockHtml = Bool(value); break;
            case "parse_span_html": ParseSpanHtml = Bool(value); break;
            case "html_to_native": HtmlToNative = Bool(value); break;
            case "link_defs":
                LinkDefs = new();
                foreach (var (k, v) in Hash(value, name))
                {
                    var list = v as IList ?? throw new KramdownOptionException("Invalid structure for hash value of option link_defs");
                    LinkDefs[k] = (Str(list[0]), list.Count > 1 && list[1] is not null ? Str(list[1]) : null);
                }
                break;
            case "footnote_nr": FootnoteNr = Int(value, name); break;
            case "entity_output":
                EntityOutput = Sym(value) switch
                {
                    "as_input" => EntityOutput.AsInput,
                    "numeric" => EntityOutput.Numeric,
                    "symbolic" => EntityOutput.Symbolic,
                    _ => EntityOutput.AsChar,
                };
                break;
            case "toc_levels": TocLevels = ParseTocLevels(value); break;
            case "smart_quotes":
                var quotes = value is string sq ? sq.Split(',').ToList<object?>() : value is IList l ? l.Cast<object?>().ToList()
                    : throw new KramdownOptionException($"Invalid type {value?.GetType().Name} for option smart_quotes");
                if (quotes.Count != 4) throw new KramdownOptionException("Option smart_quotes needs exactly 4 values");
                SmartQuotes = quotes.Select(q => Str(q)).ToList();
                break;
            case "typographic_symbols":
                TypographicSymbols = Hash(value, name).ToDictionary(p => p.Key.TrimStart(':'), p => Str(p.Value));
                break;
            case "header_offset": HeaderOffset = Int(value, name); break;
            case "syntax_highlighter": SyntaxHighlighter = Sym(value); break;
            case "syntax_highlighter_opts": SyntaxHighlighterOpts = Hash(value, name).ToDictionary(p => p.Key.TrimStart(':'), p => p.Value); break;
            case "math_engine": MathEngine = Sym(value); break;
            case "footnote_backlink": FootnoteBacklink = Str(value); break;
            case "footnote_backlink_inline": FootnoteBacklinkInline = Bool(value); break;
            case "footnote_prefix": FootnotePrefix = Str(value); break;
            case "remove_line_breaks_for_cjk": RemoveLineBreaksForCjk = Bool(value); break;
            case "forbidden_inline_options":
                ForbiddenInlineOptions = (value is string fs ? fs.Split(',') : (value as IList)?.Cast<object?>().Select(x => Str(x)) ?? [])
                    .Select(x => x.TrimStart(':')).ToList();
                break;
            case "hard_wrap": HardWrap = Bool(value); break;
            case "gfm_quirks":
                GfmQuirks = (value is string gs ? gs.Split(',') : (value as IList)?.Cast<object?>().Select(x => Str(x)) ?? [])
                    .Select(x => Sym(x)).Where(x => x is not null).Select(x => x!).ToList();
                break;
        }
    }

    private static string Str(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool Bool(object? value) => value is bool b ? b : Str(value).Trim().ToLowerInvariant() is var s && s != "false" && s.Length > 0;

    private static int Int(object? value, string name) => value switch
    {
        int i => i,
        long l => (int)l,
        _ => int.TryParse(Str(value).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new KramdownOptionException($"Invalid integer value for option '{name}': '{Str(value)}'"),
    };

    /// <summary>Ruby's <c>str_to_sym</c>: a leading colon dropped; empty or "nil" is nil.</summary>
    private static string? Sym(object? value)
    {
        var s = Str(value).Trim();
        if (s.StartsWith(':')) s = s[1..];
        return s.Length == 0 || s == "nil" ? null : s;
    }

    private static IEnumerable<KeyValuePair<string, object?>> Hash(object? value, string name) => value switch
    {
        IEnumerable<KeyValuePair<string, object?>> h => h,
        IDictionary d => d.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(Str(k), d[k])),
        null => [],
        _ => throw new KramdownOptionException($"Invalid type {value.GetType().Name} for option {name}"),
    };

    private static List<int> ParseTocLevels(object? value)
    {
        List<int> levels;
        switch (value)
        {
            case string s:
                var range = Regex.Match(s, @"^(\d)\.\.(\d)$", RegexOptions.Multiline);
                if (range.Success)
                {
                    var a = range.Groups[1].Value[0] - '0';
                    var b = range.Groups[2].Value[0] - '0';
                    levels = a <= b ? Enumerable.Range(a, b - a + 1).ToList() : [];
                }
                else if (Regex.IsMatch(s, @"^\d(?:,\d)*$", RegexOptions.Multiline))
                    levels = s.Split(',').Select(int.Parse).Distinct().ToList();
                else
                    throw new KramdownOptionException("Invalid syntax for option toc_levels");
                break;
            case IList list:
                levels = list.Cast<object?>().Select(x => Int(x, "toc_levels")).Distinct().ToList();
                break;
            default:
                throw new KramdownOptionException($"Invalid type {value?.GetType().Name} for option toc_levels");
        }
        if (levels.Any(i => i is < 1 or > 6))
            throw new KramdownOptionException("Level numbers for option toc_levels have to be integers from 1 to 6");
        return levels;
    }
}

/// <summary>An invalid kramdown option value (<c>Kramdown::Error</c>).</summary>
public sealed class KramdownOptionException(string message) : Exception(message);

/// <summary>Highlights code for kramdown's converter (rouge, through the engine).</summary>
public interface ICodeHighlighter
{
    /// <summary>
    /// The highlighter's markup for the code (kramdown's <c>SyntaxHighlighter::Rouge.call</c>), or null when the language has
    /// no lexer or is plain text without <c>guess_lang</c>. A null language (or <c>guess</c>) asks rouge to guess it from the code. <paramref name="options"/> are the <c>syntax_highlighter_opts</c>
    /// merged with their <c>block</c> or <c>span</c> part; for spans <c>wrap</c> is false.
    /// </summary>
    string? Highlight(string code, string? language, bool isBlock, IReadOnlyDictionary<string, object?> options);
}
