using System.Text;
using System.Text.RegularExpressions;

namespace Homepage.Liquid;

/// <summary>Jekyll's <c>Utils.slugify</c>: the modes raw, default, pretty, ascii and latin; lower-cased unless <c>cased</c>.</summary>
public static partial class JekyllSlug
{
    [GeneratedRegex(@"[ \t\r\n\f\v]+")] private static partial Regex Raw(); // Ruby's \s is ASCII
    [GeneratedRegex(@"[^\p{M}\p{L}\p{Nd}]+")] private static partial Regex Default();
    [GeneratedRegex(@"[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+")] private static partial Regex Pretty();
    [GeneratedRegex(@"[^A-Za-z0-9]+")] private static partial Regex Ascii();

    public static string? Slugify(string? value, string? mode = null, bool cased = false)
    {
        if (value is null) return null;
        mode ??= "default";
        if (mode is not ("raw" or "default" or "pretty" or "ascii" or "latin")) return cased ? value : value.ToLowerInvariant();
        if (mode == "latin") value = Transliterate(value);
        var regex = mode switch { "raw" => Raw(), "pretty" => Pretty(), "ascii" => Ascii(), _ => Default() };
        var slug = regex.Replace(value, "-");
        if (slug.StartsWith('-')) slug = slug[1..];
        if (slug.EndsWith('-')) slug = slug[..^1];
        return cased ? slug : slug.ToLowerInvariant();
    }

    /// <summary>I18n.transliterate: each non-ASCII character by its approximation, else <c>?</c>.</summary>
    private static string Transliterate(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value < 0x80) sb.Append((char)rune.Value);
            else sb.Append(Approximations.TryGetValue(rune.ToString(), out var ascii) ? ascii : "?");
        }
        return sb.ToString();
    }
}
