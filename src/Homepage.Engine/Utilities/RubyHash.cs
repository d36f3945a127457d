using System.Collections;

namespace Homepage.Engine.Utilities;

/// <summary>Hash helpers with Jekyll's semantics (<c>Utils.deep_merge_hashes</c> and friends).</summary>
public static class RubyHash
{
    public static OrderedDictionary<string, object?> New() => new(StringComparer.Ordinal);

    /// <summary>Jekyll's <c>deep_merge_hashes</c>: a copy of <paramref name="master"/> with <paramref name="other"/> merged in;
    /// nil values of <paramref name="other"/> keep the old value, nested hashes merge.</summary>
    public static OrderedDictionary<string, object?> DeepMerge(IDictionary<string, object?> master, IDictionary<string, object?> other)
    {
        var result = Copy(master);
        DeepMergeInto(result, other);
        return result;
    }

    public static void DeepMergeInto(IDictionary<string, object?> target, IDictionary<string, object?> other)
    {
        foreach (var (key, newValue) in other)
        {
            if (target.TryGetValue(key, out var oldValue))
            {
                if (newValue is null) continue;
                if (oldValue is IDictionary<string, object?> oldHash && newValue is IDictionary<string, object?> newHash)
                {
                    target[key] = DeepMerge(oldHash, newHash);
                    continue;
                }
            }
            target[key] = newValue;
        }
    }

    public static OrderedDictionary<string, object?> Copy(IDictionary<string, object?> source)
    {
        var copy = New();
        foreach (var (k, v) in source) copy[k] = v;
        return copy;
    }

    /// <summary>A deep copy (hashes and arrays copied, leaves shared).</summary>
    public static object? DeepCopy(object? value) => value switch
    {
        IDictionary<string, object?> hash => hash.ToDictionaryCopy(),
        IList<object?> list => list.Select(DeepCopy).ToList(),
        _ => value,
    };

    private static OrderedDictionary<string, object?> ToDictionaryCopy(this IDictionary<string, object?> hash)
    {
        var copy = New();
        foreach (var (k, v) in hash) copy[k] = DeepCopy(v);
        return copy;
    }

    public static object? Get(this IDictionary<string, object?> hash, string key) => hash.TryGetValue(key, out var v) ? v : null;

    public static string? GetString(this IDictionary<string, object?> hash, string key) =>
        hash.TryGetValue(key, out var v) && v is not null ? RubyValue.ToS(v) : null;

    public static IDictionary<string, object?>? GetHash(this IDictionary<string, object?> hash, string key) =>
        hash.TryGetValue(key, out var v) ? v as IDictionary<string, object?> : null;

    /// <summary>Ruby's <c>Array(value)</c>.</summary>
    public static List<object?> ToArray(object? value) => value switch
    {
        null => [],
        string s => [s],
        IDictionary<string, object?> h => h.Select(kv => (object?)new List<object?> { kv.Key, kv.Value }).ToList(),
        IEnumerable e => e.Cast<object?>().ToList(),
        _ => [value],
    };
}
