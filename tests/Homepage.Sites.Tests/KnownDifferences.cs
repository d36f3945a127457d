namespace Homepage.Sites.Tests;

/// <summary>
/// <c>tests/Sites/known-differences.txt</c>: files that cannot be identical yet, one per line as
/// <c>SITE/PATH  reason</c> (the reason names the open issue). Blank lines and lines starting with <c>#</c> are ignored.
/// </summary>
public static class KnownDifferences
{
    public static Dictionary<string, string> Load()
    {
        var path = Path.Combine(Repository.SitesDirectory, "known-differences.txt");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var split = line.IndexOfAny([' ', '\t']);
            var key = split < 0 ? line : line[..split];
            var reason = split < 0 ? "" : line[split..].Trim();
            if (reason.Length == 0) throw new InvalidOperationException($"known-differences.txt: '{key}' needs a reason.");
            result[key] = reason;
        }
        return result;
    }
}
