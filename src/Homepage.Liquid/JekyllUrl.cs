namespace Homepage.Liquid;

/// <summary>Jekyll's <c>relative_url</c> and <c>absolute_url</c> (its URLFilters), with Addressable's normalisation.</summary>
public static class JekyllUrl
{
    public static string Relative(string input, string? baseurl)
    {
        if (IsAbsoluteUri(input)) return input;
        var b = baseurl is null ? "" : baseurl.EndsWith('/') ? baseurl[..^1] : baseurl;
        return Addressable.NormalizePath(EnsureLeadingSlash(b) + EnsureLeadingSlash(input));
    }

    public static string Absolute(string input, string? url, string? baseurl)
    {
        if (IsAbsoluteUri(input)) return input;
        if (string.IsNullOrEmpty(url)) return Relative(input, baseurl);
        return Addressable.NormalizeUrl(url + Relative(input, baseurl));
    }

    private static string EnsureLeadingSlash(string s) => s.Length == 0 || s.StartsWith('/') ? s : "/" + s;

    /// <summary>Addressable's <c>absolute?</c>: the string starts with a scheme.</summary>
    public static bool IsAbsoluteUri(string input)
    {
        var colon = input.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(input[0])) return false;
        for (var i = 1; i < colon; i++)
            if (!(char.IsAsciiLetterOrDigit(input[i]) || input[i] is '+' or '-' or '.')) return false;
        return true;
    }
}
