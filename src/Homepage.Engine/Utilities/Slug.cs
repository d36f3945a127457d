using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Homepage.Engine.Utilities;

/// <summary>Jekyll's <c>Utils.slugify</c> and <c>titleize_slug</c>.</summary>
public static partial class Slug
{
    [GeneratedRegex(@"\s+")] private static partial Regex Raw();
    [GeneratedRegex(@"[^\p{M}\p{L}\p{Nd}]+")] private static partial Regex Default();
    [GeneratedRegex(@"[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+")] private static partial Regex Pretty();
    [GeneratedRegex(@"[^A-Za-z0-9]+")] private static partial Regex Ascii();
    [GeneratedRegex(@"^-|-$")] private static partial Regex EdgeHyphen();

    public static string? Slugify(string? value, string? mode = null, bool cased = false)
    {
        if (value is null) return null;
        mode ??= "default";
        if (mode is not ("raw" or "default" or "pretty" or "ascii" or "latin"))
            return cased ? value : value.ToLowerInvariant();
        if (mode == "latin") value = Transliterate(value);
        var regex = mode switch { "raw" => Raw(), "pretty" => Pretty(), "ascii" => Ascii(), _ => Default() };
        var slug = regex.Replace(value, "-");
        slug = EdgeHyphen().Replace(slug, "");
        if (!cased) slug = slug.ToLowerInvariant();
        return slug;
    }

    /// <summary>An approximation of I18n.transliterate: decomposed accents dropped, other non-ASCII as '?'.</summary>
    private static string Transliterate(string value)
    {
        var sb = new StringBuilder();
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c < 128 ? c : '?');
        }
        return sb.ToString();
    }

    /// <summary><c>slug.split("-").map!(&amp;:capitalize).join(" ")</c>.</summary>
    public static string Titleize(string slug)
    {
        var parts = slug.Split('-');
        // Ruby's split drops trailing empty fields.
        var count = parts.Length;
        while (count > 0 && parts[count - 1].Length == 0) count--;
        return string.Join(" ", parts.Take(count).Select(Capitalize));
    }

    public static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();
}
