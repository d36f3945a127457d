using System.Text;
using System.Text.RegularExpressions;
using Homepage.Engine.Utilities;
using Homepage.Engine.Yaml;

namespace Homepage.Engine.Reading;

/// <summary>Jekyll's <c>DataReader</c>: <c>_data</c> YAML, JSON, CSV and TSV files, nested folders as nested hashes.</summary>
public sealed partial class DataReader
{
    private readonly Site _site;

    public DataReader(Site site) => _site = site;

    /// <summary>Read the data folder at <paramref name="absoluteDir"/>.</summary>
    public OrderedDictionary<string, object?> Read(string absoluteDir)
    {
        var content = RubyHash.New();
        ReadInto(absoluteDir, content);
        return content;
    }

    private static readonly string[] Extensions = [".yaml", ".yml", ".json", ".csv", ".tsv"];

    private void ReadInto(string dir, OrderedDictionary<string, object?> data)
    {
        if (!Directory.Exists(dir)) return;
        var filter = new EntryFilter(_site);
        if (filter.IsSymlinkOutside(dir)) return;
        // Dir["*.{yaml,yml,json,csv,tsv}"] + Dir["*"] directories; Ruby's Dir[] skips dot files.
        var files = Directory.EnumerateFiles(dir).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.StartsWith('.'))
            .Where(n => Extensions.Contains(Path.GetExtension(n)))
            .OrderBy(n => Array.IndexOf(Extensions, Path.GetExtension(n))).ThenBy(n => n, StringComparer.Ordinal);
        var dirs = Directory.EnumerateDirectories(dir).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal);
        foreach (var entry in files.Concat(dirs))
        {
            var path = Path.Combine(dir, entry);
            if (filter.IsSymlinkOutside(path)) continue;
            if (Directory.Exists(path))
            {
                var nested = RubyHash.New();
                data[SanitizeFilename(entry)] = nested;
                ReadInto(path, nested);
            }
            else
            {
                data[SanitizeFilename(Path.GetFileNameWithoutExtension(entry))] = ReadFile(path);
            }
        }
    }

    private object? ReadFile(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var relative = _site.RelativeToSourceOrTheme(path);
        var text = TextFiles.Read(path);
        switch (ext)
        {
            case ".csv": return Csv.Read(text, ',', Headers("csv_reader"));
            case ".tsv": return Csv.Read(text, '\t', Headers("tsv_reader"));
            default:
                try
                {
                    return RubyYaml.Load(text);
                }
                catch (YamlLoadException e)
                {
                    throw new BuildException($"(<unknown>): {e.Message} at line {e.Line} column {e.Column} in {relative}", relative, e.Line, e);
                }
        }
    }

    private bool Headers(string key) => _site.Config.GetHash(key)?.Get("headers") is not false;

    [GeneratedRegex(@"[^\w\s-]+|(?<=^|\b\s)\s+(?=$|\s?\b)")]
    private static partial Regex Unsafe();

    public static string SanitizeFilename(string name) => Regex.Replace(Unsafe().Replace(name, ""), @"\s+", "_");
}

/// <summary>Ruby's CSV reader as Jekyll calls it: with headers, rows become hashes of strings.</summary>
public static class Csv
{
    public static List<object?> Read(string text, char separator, bool headers)
    {
        var rows = Parse(text, separator);
        if (!headers) return rows.Select(r => (object?)r.Cast<object?>().ToList()).ToList();
        if (rows.Count == 0) return [];
        var header = rows[0];
        var result = new List<object?>();
        foreach (var row in rows.Skip(1))
        {
            var hash = RubyHash.New();
            for (var i = 0; i < header.Count; i++)
            {
                var key = header[i] ?? "";
                if (!hash.ContainsKey(key)) hash[key] = i < row.Count ? row[i] : null;
            }
            result.Add(hash);
        }
        return result;
    }

    private static List<List<string?>> Parse(string text, char sep)
    {
        var rows = new List<List<string?>>();
        var row = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            if (c == '"' && !fieldStarted) { quoted = true; fieldStarted = true; wasQuoted = true; continue; }
            if (c == sep)
            {
                row.Add(!fieldStarted ? null : field.ToString());
                field.Clear();
                fieldStarted = wasQuoted = false;
                continue;
            }
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (c == '\n')
            {
                row.Add(!fieldStarted ? (row.Count == 0 ? null : null) : field.ToString());
                if (!(row.Count == 1 && row[0] is null)) rows.Add(row);
                else rows.Add([]);
                row = new List<string?>();
                field.Clear();
                fieldStarted = wasQuoted = false;
                continue;
            }
            field.Append(c);
            fieldStarted = true;
        }
        if (fieldStarted || row.Count > 0)
        {
            row.Add(!fieldStarted ? null : field.ToString());
            rows.Add(row);
        }
        _ = wasQuoted;
        return rows;
    }
}
