namespace Homepage.Kramdown.Parsing;

/// <summary>An HTML entity: its code point and, when it has one, its name (kramdown's <c>Utils::Entities::Entity</c>).</summary>
public sealed record Entity(int CodePoint, string? Name)
{
    /// <summary>The character itself (null for a code point that is not a valid scalar value).</summary>
    public string? Char => CodePoint is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(CodePoint) : null;
}

/// <summary>kramdown's entity map: names and code points to entities.</summary>
internal static partial class Entities
{
    private static readonly Dictionary<string, Entity> ByName = new(StringComparer.Ordinal);
    private static readonly Dictionary<int, Entity> ByCode = new();

    static Entities()
    {
        foreach (var (code, name, aliasOf) in Table)
        {
            if (name is not null)
            {
                var e = new Entity(code, name);
                ByName[name] = e;
                ByCode[code] = e;
            }
            else
            {
                ByCode[code] = Lookup(aliasOf);
            }
        }
    }

    private static Entity Lookup(int code)
    {
        if (!ByCode.TryGetValue(code, out var e)) ByCode[code] = e = new Entity(code, null);
        return e;
    }

    /// <summary>The entity for a code point (every code point has one).</summary>
    public static Entity Get(int codePoint) => ByCode.TryGetValue(codePoint, out var e) ? e : new Entity(codePoint, null);

    /// <summary>The named entity, or null when kramdown does not know the name (it raises there).</summary>
    public static Entity? Get(string name) => ByName.GetValueOrDefault(name);
}
