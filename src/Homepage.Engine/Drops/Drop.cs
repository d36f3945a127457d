using Homepage.Liquid;

namespace Homepage.Engine.Drops;

/// <summary>Jekyll's <c>Drops::Drop</c>: named methods first, then a fallback hash (front matter, config...).</summary>
public abstract class Drop : ILiquidDrop
{
    /// <summary>The drop's own keys (Jekyll's <c>content_methods</c>) in order.</summary>
    protected abstract IReadOnlyList<string> MethodNames { get; }

    protected abstract bool TryGetMethod(string key, out object? value);

    protected abstract IDictionary<string, object?> FallbackData { get; }

    public virtual bool TryGetValue(string key, out object? value)
    {
        if (TryGetMethod(key, out value)) return true;
        if (FallbackData.TryGetValue(key, out value)) return true;
        value = null;
        return false;
    }

    public virtual IEnumerable<string> Keys
    {
        get
        {
            var seen = new HashSet<string>(MethodNames);
            foreach (var m in MethodNames) yield return m;
            foreach (var k in FallbackData.Keys) if (seen.Add(k)) yield return k;
        }
    }

    public object? this[string key] => TryGetValue(key, out var v) ? v : null;
}
