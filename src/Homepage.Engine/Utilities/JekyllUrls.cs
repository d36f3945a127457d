using System.Text;

namespace Homepage.Engine.Utilities;

/// <summary>Jekyll's <c>relative_url</c> and <c>absolute_url</c> with Addressable's path normalisation, for the engine's own use.</summary>
public static class JekyllUrls
{
    public static string RelativeUrl(string input, string? baseurl)
    {
        if (IsAbsolute(input)) return input;
        var sanitizedBase = baseurl is null ? "" : baseurl.TrimEnd('/') is var b && baseurl.EndsWith('/') ? b : baseurl;
        return NormalizePath(EnsureLeadingSlash(sanitizedBase) + EnsureLeadingSlash(input));
    }

    public static string AbsoluteUrl(string input, string? url, string? baseurl)
    {
        if (IsAbsolute(input)) return input;
        var relative = RelativeUrl(input, baseurl);
        if (string.IsNullOrEmpty(url)) return relative;
        return NormalizeUrl(url + relative);
    }

    private static string EnsureLeadingSlash(string s) => s.Length == 0 || s.StartsWith('/') ? s : "/" + s;

    public static bool IsAbsolute(string input)
    {
        var colon = input.IndexOf(':');
        if (colon <= 0) return false;
        if (!char.IsAsciiLetter(input[0])) return false;
        for (var i = 1; i < colon; i++)
            if (!(char.IsAsciiLetterOrDigit(input[i]) || input[i] is '+' or '-' or '.')) return false;
        return true;
    }

    /// <summary>Addressable's <c>normalize</c> of a path: characters outside the path set percent-encoded (UTF-8), escapes upper-cased.</summary>
    public static string NormalizePath(string path)
    {
        var sb = new StringBuilder(path.Length);
        var bytes = Encoding.UTF8.GetBytes(path);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var c = (char)b;
            if (c == '%' && i + 2 < bytes.Length && Uri.IsHexDigit((char)bytes[i + 1]) && Uri.IsHexDigit((char)bytes[i + 2]))
            {
                var value = Convert.ToByte(Encoding.ASCII.GetString(bytes, i + 1, 2), 16);
                var vc = (char)value;
                if (value < 0x80 && (char.IsAsciiLetterOrDigit(vc) || "-._~".Contains(vc))) sb.Append(vc);
                else sb.Append('%').Append(value.ToString("X2"));
                i += 2;
                continue;
            }
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?#[]".Contains(c))) sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    /// <summary>Addressable's <c>normalize</c> of a whole URL: scheme and host lower-cased, default port dropped, empty path as <c>/</c>.</summary>
    public static string NormalizeUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return NormalizePath(url);
        var scheme = url[..schemeEnd].ToLowerInvariant();
        var rest = url[(schemeEnd + 3)..];
        var pathStart = rest.IndexOfAny(['/', '?', '#']);
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var path = pathStart < 0 ? "" : rest[pathStart..];
        authority = authority.ToLowerInvariant();
        if ((scheme == "http" && authority.EndsWith(":80")) || (scheme == "https" && authority.EndsWith(":443")))
            authority = authority[..authority.LastIndexOf(':')];
        if (path.Length == 0 && scheme is "http" or "https") path = "/";
        return scheme + "://" + authority + NormalizePath(path);
    }
}
