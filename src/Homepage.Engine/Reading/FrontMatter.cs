using System.Text.RegularExpressions;
using Homepage.Engine.Yaml;

namespace Homepage.Engine.Reading;

/// <summary>Jekyll's <c>YAML_FRONT_MATTER_REGEXP</c> split: the YAML between the <c>---</c> lines, and the content after.</summary>
public static partial class FrontMatter
{
    // Ruby's \s is [ \t\n\v\f\r]: after the closing dashes it also takes the blank lines before the content ("---\n\n\nText"
    // leaves "Text"), as Jekyll does.
    [GeneratedRegex(@"\A(---[ \t\n\r\f\v]*\n.*?\n?)^((---|\.\.\.)[ \t\n\r\f\v]*$\n?)", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Block();

    public sealed record Result(IDictionary<string, object?>? Data, string Content, YamlLoadException? Error, bool HasFrontMatter, int ContentLine);

    public static Result Parse(string text)
    {
        var m = Block().Match(text);
        if (!m.Success) return new Result(null, text, null, false, 1);
        var content = text[(m.Index + m.Length)..];
        var yaml = m.Groups[1].Value;
        var contentLine = 1 + m.Value.Count(c => c == '\n');
        try
        {
            var loaded = RubyYaml.Load(yaml);
            if (loaded is null) return new Result(null, content, null, true, contentLine);
            if (loaded is IDictionary<string, object?> hash) return new Result(hash, content, null, true, contentLine);
            return new Result(null, content, new YamlLoadException("Invalid YAML front matter", 1, 1), true, contentLine);
        }
        catch (YamlLoadException e)
        {
            return new Result(null, content, e, true, contentLine);
        }
    }
}
