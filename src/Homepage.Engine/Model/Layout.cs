using Homepage.Engine.Reading;
using Homepage.Engine.Utilities;
using Homepage.Liquid;

namespace Homepage.Engine.Model;

/// <summary>A file of <c>_layouts</c>: its front matter and its Liquid, parsed once.</summary>
public sealed class Layout
{
    private LiquidTemplate? _template;
    private readonly object _gate = new();

    public Layout(string name, string path, string relativePath, IDictionary<string, object?> data, string content, int contentLine = 1)
    {
        Name = name;
        Path = path;
        RelativePath = relativePath;
        Data = data;
        Content = content;
        ContentLine = contentLine;
    }

    public string Name { get; }
    public string Path { get; }
    public string RelativePath { get; }
    public IDictionary<string, object?> Data { get; }
    public string Content { get; }
    public int ContentLine { get; }

    public static Layout Read(Site site, string name, string absolutePath, string relativePath)
    {
        var parsed = FrontMatter.Parse(TextFiles.Read(absolutePath));
        if (parsed.Error is not null)
            site.Log.Warn($"YAML Exception reading {absolutePath}: {parsed.Error.Message} at line {parsed.Error.Line} column {parsed.Error.Column}");
        return new Layout(name, absolutePath, relativePath, parsed.Data ?? RubyHash.New(), parsed.Content, parsed.ContentLine);
    }

    public LiquidTemplate Template(LiquidEnvironment liquid)
    {
        if (_template is not null) return _template;
        lock (_gate) return _template ??= liquid.Parse(Content, RelativePath);
    }
}
