using System.Text;

namespace Homepage.Liquid;

/// <summary>The parts of Ruby's Addressable gem Jekyll's URL filters rely on: <c>normalize</c> of paths and URLs.</summary>
public static class Addressable
{
    /// <summary>Characters outside the path set percent-encoded (UTF-8); escapes of unreserved characters decoded, others upper-cased.</summary>
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

    /// <summary>A whole URL: scheme and host lower-cased, default port dropped, an empty path as <c>/</c>.</summary>
    public static string NormalizeUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return NormalizePath(url);
        var scheme = url[..schemeEnd].ToLowerInvariant();
        var rest = url[(schemeEnd + 3)..];
        var pathStart = rest.IndexOfAny(['/', '?', '#']);
        var authority = (pathStart < 0 ? rest : rest[..pathStart]).ToLowerInvariant();
        var path = pathStart < 0 ? "" : rest[pathStart..];
        if ((scheme == "http" && authority.EndsWith(":80", StringComparison.Ordinal)) || (scheme == "https" && authority.EndsWith(":443", StringComparison.Ordinal)))
            authority = authority[..authority.LastIndexOf(':')];
        if (path.Length == 0 && scheme is "http" or "https") path = "/";
        return scheme + "://" + authority + NormalizePath(path);
    }
}
