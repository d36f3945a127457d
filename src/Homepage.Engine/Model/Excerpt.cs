using System.Text.RegularExpressions;
using Homepage.Engine.Drops;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Model;

/// <summary>Jekyll's <c>Excerpt</c>: a post's content up to the excerpt separator, rendered on first use (Liquid and converter, no layout).</summary>
public sealed partial class Excerpt : Convertible
{
    private readonly object _gate = new();
    private OrderedDictionary<string, object?>? _data;
    private ExcerptDrop? _drop;

    public Excerpt(Document doc) : base(doc.Site)
    {
        Doc = doc;
        Content = ExtractExcerpt(doc.Content ?? "");
        ContentLine = doc.ContentLine;
    }

    public Document Doc { get; }

    public override string RelativePath => Doc.RelativePath + "/#excerpt";
    public override string LiquidPath => Doc.AbsolutePath + "/#excerpt";
    public override string Extname => Doc.Extname;
    public override string Url => Doc.Url;

    public OrderedDictionary<string, object?> Data
    {
        get
        {
            if (_data is not null) return _data;
            var copy = RubyHash.Copy(Doc.Data);
            copy.Remove("layout");
            copy.Remove("excerpt");
            return _data = copy;
        }
    }

    public override object? GetData(string key) => Data.TryGetValue(key, out var v) ? v : Doc.GetData(key) is var d && key is not ("layout" or "excerpt") ? d : null;

    public override bool PlaceInLayout => false;

    public override bool RenderWithLiquid
    {
        get
        {
            if (Data.TryGetValue("render_with_liquid", out var r) && r is false) return false;
            return !(Doc.Extname == ".coffee" || Doc.IsYamlFile) && base.RenderWithLiquid;
        }
    }

    public string Id => Doc.Id + "#excerpt";

    public override object ToLiquid() => _drop ??= new ExcerptDrop(this);

    /// <summary>The rendered excerpt (Jekyll renders it lazily, the first time it is printed).</summary>
    public string Render()
    {
        if (Output is not null) return Output;
        lock (_gate)
        {
            return Output ??= Site.Renderer.Run(this, Site.NewPayload(), placeInLayouts: false);
        }
    }

    public override string ToString() => Render();

    public override string DestinationPath(string destination) => throw new InvalidOperationException("An excerpt is not written.");
    public override bool Write => false;

    [GeneratedRegex(@"{%-?\s*(\w+)\s*.*?-?%}", RegexOptions.Singleline)]
    private static partial Regex LiquidTag();

    [GeneratedRegex(@"^ {0,3}(?:(\[[^\]]+\])(:.+))$", RegexOptions.Multiline)]
    private static partial Regex LinkReference();

    private static readonly HashSet<string> LiquidBlocks =
    [
        "capture", "case", "comment", "for", "if", "ifchanged", "raw", "tablerow", "unless", "highlight",
    ];

    private string ExtractExcerpt(string content)
    {
        var separator = Doc.ExcerptSeparator;
        var idx = content.IndexOf(separator, StringComparison.Ordinal);
        if (idx < 0) return content;
        var head = content[..idx];
        var tail = content[(idx + separator.Length)..];
        if (tail.Length == 0) return head;
        if (head.Contains("{%")) head = SanctifyLiquidTags(head);
        var definitions = new List<string>();
        foreach (Match m in LinkReference().Matches(tail))
            if (head.Contains(m.Groups[1].Value, StringComparison.Ordinal))
                definitions.Add(m.Groups[1].Value + m.Groups[2].Value);
        if (definitions.Count == 0) return head;
        return head + "\n\n" + string.Join("\n", definitions);
    }

    private string SanctifyLiquidTags(string head)
    {
        var modified = false;
        var names = LiquidTag().Matches(head).Select(m => m.Groups[1].Value).ToList();
        for (var i = names.Count - 1; i >= 0; i--)
        {
            var name = names[i];
            if (!LiquidBlocks.Contains(name)) continue;
            if (Regex.IsMatch(head, "{%-?\\s*end" + Regex.Escape(name) + ".*?\\s*-?%}", RegexOptions.Singleline)) continue;
            modified = true;
            head += "\n{% end" + name + " %}";
        }
        if (modified)
        {
            Site.Log.Warn("Warning:", $"Excerpt modified in {Doc.RelativePath}!");
            Site.Log.Warn("", $"Found a Liquid block containing the excerpt separator {RubyInspect(Doc.ExcerptSeparator)}.");
            Site.Log.Warn("", "The block has been modified with the appropriate closing tag.");
            Site.Log.Warn("", "Feel free to define a custom excerpt or excerpt_separator in the");
            Site.Log.Warn("", "document's Front Matter if the generated excerpt is unsatisfactory.");
        }
        return head;
    }

    private static string RubyInspect(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
