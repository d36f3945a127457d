namespace Homepage.Engine.Utilities;

/// <summary>Ruby's <c>Dir.glob</c> for one pattern relative to a base folder (<c>*</c>, <c>?</c>, <c>**</c>, classes).</summary>
public static class Glob
{
    public static IEnumerable<string> Expand(string baseDirectory, string pattern)
    {
        var segments = pattern.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var results = new List<string>();
        Walk(baseDirectory, segments, 0, results);
        return results;
    }

    private static void Walk(string dir, string[] segments, int index, List<string> results)
    {
        if (index == segments.Length)
        {
            results.Add(dir);
            return;
        }
        if (!Directory.Exists(dir)) return;
        var segment = segments[index];
        if (segment == "**")
        {
            Walk(dir, segments, index + 1, results);
            foreach (var sub in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
                if (!Path.GetFileName(sub).StartsWith('.'))
                    Walk(sub, segments, index, results);
            return;
        }
        if (!segment.AsSpan().ContainsAny("*?["))
        {
            var next = Path.Combine(dir, segment);
            if (index == segments.Length - 1 ? File.Exists(next) || Directory.Exists(next) : Directory.Exists(next))
                Walk(next, segments, index + 1, results);
            return;
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (FnMatch.IsMatch(segment, name)) Walk(entry, segments, index + 1, results);
        }
    }
}
