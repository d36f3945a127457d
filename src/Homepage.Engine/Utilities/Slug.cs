using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Homepage.Engine.Utilities;

/// <summary>Jekyll's <c>Utils.slugify</c> and <c>titleize_slug</c>.</summary>
public static class Slug
{
    public static string? Slugify(string? value, string? mode = null, bool cased = false) => Homepage.Liquid.JekyllSlug.Slugify(value, mode, cased);

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
