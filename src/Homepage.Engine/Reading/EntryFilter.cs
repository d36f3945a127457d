using Homepage.Engine.Utilities;

namespace Homepage.Engine.Reading;

/// <summary>
/// Jekyll's <c>EntryFilter</c>: which directory entries are read. Entries starting with <c>.</c>, <c>_</c>, <c>#</c> or <c>~</c>,
/// or ending with <c>~</c>, are skipped; <c>exclude</c> patterns skip; <c>include</c> wins over both.
/// Patterns are matched as Ruby's <c>File.fnmatch?</c> on the path joined to the source, or as path prefixes.
/// </summary>
public sealed class EntryFilter
{
    private readonly Site _site;
    private readonly string _baseDirectory;

    public EntryFilter(Site site, string baseDirectory = "")
    {
        _site = site;
        var b = baseDirectory;
        if (b.StartsWith(site.Source, StringComparison.Ordinal)) b = b[site.Source.Length..];
        _baseDirectory = b;
    }

    /// <summary>Filter entry names (relative to the base directory; <paramref name="absoluteDirectory"/> is where they are on disk).</summary>
    public List<string> Filter(IEnumerable<string> entries, string absoluteDirectory)
    {
        var kept = new List<string>();
        foreach (var e in entries)
        {
            if (e.EndsWith('.')) continue;
            var included = IsIncluded(e);
            if (IsExcluded(e, absoluteDirectory) && !included) continue;
            if (IsSymlinkOutside(Path.Combine(absoluteDirectory, e))) continue;
            if (included) { kept.Add(e); continue; }
            if (IsSpecial(e) || e.EndsWith('~')) continue;
            kept.Add(e);
        }
        return kept;
    }

    public bool IsIncluded(string entry) =>
        GlobInclude(_site.Include, entry) || GlobInclude(_site.Include, Path.GetFileName(entry));

    public static bool IsSpecial(string entry)
    {
        static bool Special(string s) => s.Length > 0 && s[0] is '.' or '_' or '#' or '~';
        return Special(entry) || Special(Path.GetFileName(entry));
    }

    public bool IsExcluded(string entry, string? absoluteDirectory = null)
    {
        var patterns = _site.Exclude.Where(p => !_site.Include.Contains(p)).ToList();
        return GlobInclude(patterns, JoinPath(_baseDirectory, entry));
    }

    /// <summary>In safe mode a symlink is read only when it stays inside the source.</summary>
    public bool IsSymlinkOutside(string absolutePath)
    {
        if (!_site.Safe) return false;
        var info = new FileInfo(absolutePath);
        if (info.LinkTarget is null) return false;
        var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? absolutePath;
        return !target.StartsWith(_site.Source, StringComparison.Ordinal);
    }

    /// <summary>Jekyll's <c>glob_include?</c>: the entry matches one of the patterns (fnmatch, a prefix, or a folder pattern).</summary>
    public bool GlobInclude(IEnumerable<string> patterns, string entry)
    {
        var entryWithSource = JoinPath(_site.Source, entry);
        bool? isDirectory = null;
        foreach (var pattern in patterns)
        {
            var patternWithSource = JoinPath(_site.Source, pattern);
            if (FnMatch.IsMatch(patternWithSource, entryWithSource)) return true;
            if (entryWithSource.StartsWith(patternWithSource, StringComparison.Ordinal)) return true;
            if (patternWithSource.EndsWith('/'))
            {
                isDirectory ??= Directory.Exists(entryWithSource);
                if (isDirectory.Value && patternWithSource == entryWithSource + "/") return true;
            }
        }
        return false;
    }

    /// <summary>Ruby's <c>File.join</c>: one slash between the parts.</summary>
    public static string JoinPath(string a, string b)
    {
        if (a.Length == 0) return b;
        if (b.Length == 0) return a.EndsWith('/') ? a : a + "/";
        return a.TrimEnd('/') + "/" + b.TrimStart('/');
    }
}
