namespace Homepage.Server;

/// <summary>
/// Maps a request path to a file of the built site as Jekyll's server does: under the baseurl only, a folder's
/// <c>index.html</c>, <c>/about</c> finding <c>about.html</c>; never a file outside the destination.
/// </summary>
public sealed class SiteFiles
{
    private readonly string _root;
    private readonly string _baseUrl;

    public SiteFiles(string destination, string? baseUrl)
    {
        _root = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        _baseUrl = "/" + (baseUrl ?? "").Trim('/');
        if (_baseUrl == "/") _baseUrl = "";
    }

    public string BaseUrl => _baseUrl;

    /// <summary>The file for a decoded request path, or null (not found, or outside the site).</summary>
    public string? Resolve(string requestPath)
    {
        if (requestPath.Contains('\0')) return null;
        if (_baseUrl.Length > 0)
        {
            if (!requestPath.StartsWith(_baseUrl, StringComparison.Ordinal)) return null;
            requestPath = requestPath[_baseUrl.Length..];
            if (requestPath.Length > 0 && requestPath[0] != '/') return null;
        }
        var relative = requestPath.TrimStart('/').Replace('\\', '/');
        // Any dot segment is refused outright rather than normalised.
        if (relative.Split('/').Any(segment => segment is ".." or ".")) return null;
        var candidate = Inside(Path.Combine(_root, relative));
        if (candidate is null) return null;
        if (Directory.Exists(candidate)) return Inside(Path.Combine(candidate, "index.html")) is { } index && File.Exists(index) ? index : null;
        if (File.Exists(candidate)) return candidate;
        if (Path.GetExtension(candidate).Length == 0 && Inside(candidate + ".html") is { } html && File.Exists(html)) return html;
        return null;
    }

    /// <summary>Is the request for a folder without its trailing slash (Jekyll redirects those)?</summary>
    public bool IsFolderWithoutSlash(string requestPath)
    {
        if (requestPath.EndsWith('/')) return false;
        var relative = _baseUrl.Length > 0 && requestPath.StartsWith(_baseUrl, StringComparison.Ordinal) ? requestPath[_baseUrl.Length..] : requestPath;
        if (relative.Split('/').Any(segment => segment is ".." or ".")) return false;
        var candidate = Inside(Path.Combine(_root, relative.TrimStart('/')));
        return candidate is not null && Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "index.html"));
    }

    public string? NotFoundPage => Inside(Path.Combine(_root, "404.html")) is { } p && File.Exists(p) ? p : null;

    private string? Inside(string path)
    {
        var full = Path.GetFullPath(path);
        if (!(full + Path.DirectorySeparatorChar).StartsWith(_root, StringComparison.Ordinal)) return null;
        // A symlink in the built site must not lead outside it either.
        var info = new FileInfo(full);
        if (info.Exists && info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (target is null || !target.StartsWith(_root, StringComparison.Ordinal)) return null;
        }
        return full;
    }
}
