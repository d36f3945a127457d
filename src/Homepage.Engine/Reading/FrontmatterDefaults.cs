using Homepage.Engine.Utilities;

namespace Homepage.Engine.Reading;

/// <summary>Jekyll's front-matter <c>defaults</c>: sets scoped by <c>path</c> (with globs) and <c>type</c>; the more specific scope wins.</summary>
public sealed class FrontmatterDefaults
{
    private readonly Site _site;
    private readonly List<IDictionary<string, object?>> _sets;
    private readonly Dictionary<string, string[]> _globCache = new();
    private readonly Dictionary<(string, string?), List<IDictionary<string, object?>>> _matched = new();
    private readonly object _gate = new();

    public FrontmatterDefaults(Site site)
    {
        _site = site;
        _sets = ValidSets();
    }

    private List<IDictionary<string, object?>> ValidSets()
    {
        var result = new List<IDictionary<string, object?>>();
        if (_site.Config.Get("defaults") is not IList<object?> sets) return result;
        foreach (var s in sets)
        {
            if (s is IDictionary<string, object?> set && set.Get("values") is IDictionary<string, object?> values)
            {
                var copy = RubyHash.Copy(set);
                if (copy.Get("scope") is IDictionary<string, object?> scope && scope.Get("type") is { } type)
                {
                    var t = RubyValue.ToS(type);
                    var renamed = t switch { "page" => "pages", "post" => "posts", "draft" => "drafts", _ => t };
                    if (renamed != t)
                    {
                        _site.Log.Warn("Defaults:", $"The '{t}' type has become '{renamed}'.");
                        _site.Log.Warn("", $"Please update your front-matter defaults to use 'type: {renamed}'.");
                    }
                    var newScope = RubyHash.Copy(scope);
                    newScope["type"] = renamed;
                    copy["scope"] = newScope;
                }
                if (values.Get("date") is { } date && date is not DateTimeOffset)
                {
                    var newValues = RubyHash.Copy(values);
                    newValues["date"] = RubyTime.FromValue(date, _site.TimeZone) ?? throw new BuildException($"An invalid date format was found in a front-matter default set: {RubyValue.ToS(set)}");
                    copy["values"] = newValues;
                }
                result.Add(copy);
            }
            else
            {
                _site.Log.Warn("Defaults:", "An invalid front-matter default set was found:");
                _site.Log.Warn(RubyValue.ToS(s));
            }
        }
        return result;
    }

    /// <summary><c>FrontmatterDefaults#find</c>: the value of one setting for a path and type, or null.</summary>
    public object? Find(string path, string? type, string setting)
    {
        object? value = null;
        IDictionary<string, object?>? oldScope = null;
        foreach (var set in Matching(path, type))
        {
            var values = (IDictionary<string, object?>)set["values"]!;
            var scope = set.GetHash("scope");
            if (values.ContainsKey(setting) && HasPrecedence(oldScope, scope))
            {
                value = values[setting];
                oldScope = scope;
            }
        }
        return value;
    }

    /// <summary><c>FrontmatterDefaults#all</c>: every default that applies, merged by precedence.</summary>
    public OrderedDictionary<string, object?> All(string path, string? type)
    {
        var defaults = RubyHash.New();
        IDictionary<string, object?>? oldScope = null;
        foreach (var set in Matching(path, type))
        {
            var values = (IDictionary<string, object?>)set["values"]!;
            var scope = set.GetHash("scope");
            if (HasPrecedence(oldScope, scope))
            {
                defaults = RubyHash.DeepMerge(defaults, values);
                oldScope = scope;
            }
            else
            {
                defaults = RubyHash.DeepMerge(values, defaults);
            }
        }
        return defaults;
    }

    private List<IDictionary<string, object?>> Matching(string path, string? type)
    {
        lock (_gate)
        {
            if (_matched.TryGetValue((path, type), out var cached)) return cached;
            var list = _sets.Where(set => set.GetHash("scope") is not { } scope || Applies(scope, path, type)).ToList();
            _matched[(path, type)] = list;
            return list;
        }
    }

    private bool Applies(IDictionary<string, object?> scope, string path, string? type) =>
        AppliesType(scope, type) && AppliesPath(scope, path);

    private static bool AppliesType(IDictionary<string, object?> scope, string? type) =>
        !scope.ContainsKey("type") || (type is not null && type == RubyValue.ToS(scope["type"]));

    private bool AppliesPath(IDictionary<string, object?> scope, string path)
    {
        if (scope.Get("path") is not string scopePath || scopePath.Length == 0) return true;
        var sanitized = SanitizePath(path);
        if (scopePath.Contains('*')) return GlobScope(sanitized, scopePath);
        return sanitized.StartsWith(StripCollectionsDir(scopePath), StringComparison.Ordinal);
    }

    private bool GlobScope(string sanitizedPath, string scopePath)
    {
        if (!_globCache.TryGetValue(scopePath, out var matches))
        {
            matches = Glob.Expand(_site.Source, scopePath)
                .Select(p => StripCollectionsDir(Path.GetRelativePath(_site.Source, p).Replace('\\', '/')))
                .ToArray();
            _globCache[scopePath] = matches;
        }
        return matches.Any(m => sanitizedPath.StartsWith(m, StringComparison.Ordinal));
    }

    private string StripCollectionsDir(string path)
    {
        var dir = _site.Config.GetString("collections_dir") ?? "";
        if (dir.Length == 0 || !path.StartsWith(dir + "/", StringComparison.Ordinal)) return path;
        return path[(dir.Length + 1)..];
    }

    private static bool HasPrecedence(IDictionary<string, object?>? oldScope, IDictionary<string, object?>? newScope)
    {
        if (oldScope is null) return true;
        var newPath = SanitizePath(newScope?.Get("path") as string);
        var oldPath = SanitizePath(oldScope.Get("path") as string);
        if (newPath.Length != oldPath.Length) return newPath.Length >= oldPath.Length;
        if (newScope is not null && newScope.ContainsKey("type")) return true;
        return !oldScope.ContainsKey("type");
    }

    private static string SanitizePath(string? path)
    {
        if (string.IsNullOrEmpty(path)) return "";
        if (!path.StartsWith('/')) return path;
        // gsub(%r!\A/|(?<=[^/])\z!, "") removes the leading slash only.
        return path[1..];
    }
}
