namespace Homepage.Kramdown;

/// <summary>kramdown's options, with the defaults Jekyll passes (<c>kramdown:</c> in <c>_config.yml</c>).</summary>
public sealed class KramdownOptions
{
    public string Input { get; set; } = "kramdown";
    public bool AutoIds { get; set; } = true;
    public string AutoIdPrefix { get; set; } = "";
    public bool HardWrap { get; set; } = true;
    public string? SyntaxHighlighter { get; set; } = "rouge";
    public string DefaultLang { get; set; } = "";
    public bool GuessLang { get; set; }
    public int FootnoteNr { get; set; } = 1;
    public string EntityOutput { get; set; } = "as_char";
    public IReadOnlyDictionary<string, object?> Raw { get; private set; } = new Dictionary<string, object?>();

    /// <summary>The syntax highlighter for code blocks and spans (rouge, plugged in by the engine).</summary>
    public ICodeHighlighter? Highlighter { get; set; }

    /// <summary>Jekyll's kramdown defaults, then the site's <c>kramdown:</c> hash.</summary>
    public static KramdownOptions FromJekyll(IReadOnlyDictionary<string, object?>? config)
    {
        var o = new KramdownOptions { Input = "GFM", HardWrap = false, GuessLang = true, DefaultLang = "plaintext" };
        if (config is null) return o;
        o.Raw = config;
        if (config.TryGetValue("input", out var input) && input is string i) o.Input = i;
        if (config.TryGetValue("auto_ids", out var ids) && ids is bool b) o.AutoIds = b;
        if (config.TryGetValue("auto_id_prefix", out var prefix) && prefix is string p) o.AutoIdPrefix = p;
        if (config.TryGetValue("hard_wrap", out var hw) && hw is bool h) o.HardWrap = h;
        if (config.TryGetValue("syntax_highlighter", out var sh)) o.SyntaxHighlighter = sh as string;
        if (config.TryGetValue("footnote_nr", out var fn) && fn is long n) o.FootnoteNr = (int)n;
        if (config.TryGetValue("entity_output", out var eo) && eo is string e) o.EntityOutput = e;
        if (config.TryGetValue("guess_lang", out var gl) && gl is bool g) o.GuessLang = g;
        return o;
    }
}

/// <summary>Highlights code for kramdown's converter (rouge, through the engine).</summary>
public interface ICodeHighlighter
{
    /// <summary>The highlighter's markup for the code, or null when the language has no lexer.</summary>
    string? Highlight(string code, string? language, bool isBlock, IReadOnlyDictionary<string, object?> options);
}
