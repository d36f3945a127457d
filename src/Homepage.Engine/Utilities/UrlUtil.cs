using System.Text;
using System.Text.RegularExpressions;

namespace Homepage.Engine.Utilities;

/// <summary>Jekyll's <c>URL</c> helpers: placeholder substitution, sanitising, and Addressable's path escaping.</summary>
public static partial class UrlUtil
{
    [GeneratedRegex("^[a-zA-Z0-9./-]+$")]
    private static partial Regex PlainPath();

    /// <summary><c>URL.escape_path</c>: Addressable's encoding of a path (unreserved, sub-delims, <c>:@/</c> kept), then <c>#</c> as <c>%23</c>.</summary>
    public static string EscapePath(string path)
    {
        if (path.Length == 0 || PlainPath().IsMatch(path)) return path;
        var sb = new StringBuilder(path.Length + 16);
        var replacedHash = false;
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".Contains(c)))
                sb.Append(c);
            else if (c == '#' && !replacedHash)
            {
                // Addressable leaves the first '#' as the fragment delimiter; Jekyll then replaces it with %23.
                sb.Append("%23");
                replacedHash = true;
            }
            else
                sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    /// <summary><c>URL.unescape_path</c>.</summary>
    public static string UnescapePath(string path)
    {
        if (!path.Contains('%')) return path;
        var bytes = new List<byte>(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '%' && i + 2 < path.Length && Uri.IsHexDigit(path[i + 1]) && Uri.IsHexDigit(path[i + 2]))
            {
                bytes.Add(Convert.ToByte(path.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(path[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary><c>URL#sanitize_url</c>: a leading slash, <c>..</c> and <c>./</c> removed, slashes squeezed.</summary>
    public static string Sanitize(string url)
    {
        var s = ("/" + url).Replace("..", "/").Replace("./", "");
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == '/' && sb.Length > 0 && sb[^1] == '/') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary><c>URL#generate_url_from_hash</c>: placeholders replaced in order; a nil value removes <c>/:key</c>.</summary>
    public static string FromHash(string template, IEnumerable<(string Key, string? Value)> placeholders)
    {
        var result = template;
        foreach (var (key, value) in placeholders)
        {
            if (!result.Contains(':')) break;
            result = value is null ? result.Replace("/:" + key, "") : result.Replace(":" + key, EscapePath(value));
        }
        return result;
    }

    [GeneratedRegex(":([a-z_]+)")]
    private static partial Regex Placeholder();

    /// <summary><c>URL#generate_url_from_drop</c>: every <c>:name</c> looked up (a trailing <c>_</c> may be dropped).</summary>
    public static string FromLookup(string template, Func<string, (bool Found, string? Value)> lookup)
    {
        return Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            var pool = name.EndsWith('_') ? new[] { name, name.TrimEnd('_') } : [name];
            foreach (var key in pool)
            {
                var (found, value) = lookup(key);
                if (!found) continue;
                var replacement = EscapePath(value ?? "");
                var text = match.Value;
                var idx = text.IndexOf(":" + key, StringComparison.Ordinal);
                return text[..idx] + replacement + text[(idx + key.Length + 1)..];
            }
            throw new BuildException($"The URL template doesn't have {string.Join(" or ", pool)} keys. Check your permalink template!");
        });
    }

    /// <summary><c>Utils.add_permalink_suffix</c>.</summary>
    public static string AddPermalinkSuffix(string template, string permalinkStyle)
    {
        switch (permalinkStyle)
        {
            case "pretty": return template + "/";
            case "date" or "ordinal" or "none": return template + ":output_ext";
        }
        if (permalinkStyle.EndsWith('/')) template += "/";
        if (permalinkStyle.EndsWith(":output_ext")) template += ":output_ext";
        return template;
    }

    /// <summary>Ruby's <c>File.dirname</c> on a URL path.</summary>
    public static string Dirname(string path)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        var idx = trimmed.LastIndexOf('/');
        if (idx < 0) return ".";
        if (idx == 0) return "/";
        return trimmed[..idx];
    }
}
