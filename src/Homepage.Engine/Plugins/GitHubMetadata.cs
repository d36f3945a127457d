using System.Text.RegularExpressions;
using Homepage.Engine.Utilities;
using Homepage.Liquid;

namespace Homepage.Engine.Plugins;

/// <summary>
/// An error a plugin raises while a template reads one of its values; Jekyll reports it as
/// <c>Liquid Exception: MESSAGE in PATH</c> (the message is Ruby's, not prefixed with "Liquid error").
/// </summary>
public sealed class PluginRenderException(string message) : Exception(message);

/// <summary>
/// jekyll-github-metadata 2.15 as it behaves without network access (Homepage never calls the GitHub API):
/// <c>site.github</c> (the gem's <c>MetadataDrop</c>), and the <c>site.title</c> / <c>site.description</c> fallbacks.
/// The repository comes from <c>PAGES_REPO_NWO</c>, then <c>repository</c> in <c>_config.yml</c> (with a slash), then
/// (when JEKYLL_ENV is development or test) the <c>origin</c> remote of the git repository the site is built in.
/// Every value the gem fetches from the API is what it gets offline: <c>false</c> from a call, <c>{}</c> for the
/// repository and its Pages information, so <c>nil</c> for their fields.
/// </summary>
public sealed partial class GitHubMetadata : IGenerator
{
    public string Name => "jekyll-github-metadata";

    /// <summary>The gem sets <c>site.github</c> in the <c>:site, :pre_render</c> hook: after every generator.</summary>
    public int Priority => int.MinValue;

    private const string NoRepository = "No repo name found. Specify using PAGES_REPO_NWO environment variables, " +
                                        "'repository' in your configuration, or set up an 'origin' git remote pointing to your github.com repository.";

    private Site _site = null!;
    private string? _nwo;
    private bool _nwoResolved;
    private bool _clientBuilt;
    private readonly HashSet<string> _lazyConfigErrors = new(StringComparer.Ordinal);

    /// <summary>The <c>:site, :after_init</c> hook (<c>SiteGitHubMunger#munge!</c>): the title and description
    /// fallbacks, and <c>url</c>/<c>baseurl</c> in production or a Pages build.</summary>
    internal void Munge(Site site)
    {
        _site = site;
        var config = site.Config;
        if (RubyValue.Truthy(config.Get("name")) && !RubyValue.Truthy(config.Get("title")))
            Log(LogLevel.Warn, "site.name is set in _config.yml, but many plugins and themes expect site.title to be used instead. " +
                               "To avoid potential inconsistency, Jekyll GitHub Metadata will not set site.title to the repository's name.");
        else if (!RubyValue.Truthy(config.Get("title")))
            Fallback("title", () => ProjectPage ? RepoName : (OwnerDisplayName ?? Owner));
        if (!RubyValue.Truthy(config.Get("description"))) Fallback("description", () => Tagline);

        if (site.Environment == "production" || !string.IsNullOrEmpty(Env("PAGE_BUILD_ID")))
        {
            if (!RubyValue.Truthy(config.Get("url"))) Fallback("url", UrlWithoutPath);
            if (config.Get("baseurl") is null || RubyValue.ToS(config.Get("baseurl")) == "/") Fallback("baseurl", () => BaseUrl);
        }
    }

    /// <summary>
    /// The gem stores a lazy value in the configuration; it is computed when first read. Without network access it is
    /// fixed once the repository is known, so it is stored as such. Without a repository, reading it is the error the
    /// gem raises then (<see cref="ThrowIfUnresolvable"/>).
    /// </summary>
    private void Fallback(string key, Func<object?> value)
    {
        if (Nwo() is null)
        {
            _lazyConfigErrors.Add(key);
            return;
        }
        _site.Config[key] = value();
    }

    /// <summary>A template reads <c>site.KEY</c>: raise the gem's error if that key is a fallback with no repository to come from.</summary>
    internal void ThrowIfUnresolvable(string key)
    {
        if (!_lazyConfigErrors.Contains(key) || _site.Config.ContainsKey(key)) return;
        if (key == "description") BuildClient(); // its value asks the API for the repository, which builds the client first
        Log(LogLevel.Error, $"Error processing value '{key}':");
        throw new PluginRenderException(NoRepository);
    }

    /// <summary><c>inject_metadata!</c>: <c>site.github</c> (written into the configuration, the site drop's fallback).</summary>
    public void Generate(Site site)
    {
        _site = site;
        switch (site.Config.Get("github"))
        {
            case null:
                site.Config["github"] = new MetadataDrop(this);
                break;
            case IDictionary<string, object?>:
                // Jekyll::Utils.deep_merge_hashes(drop, hash) visits every key of the drop, public_repositories among them,
                // which fails offline (Octokit's list_repos gives false, and the gem maps over it).
                var drop = new MetadataDrop(this);
                foreach (var key in drop.Keys)
                {
                    try { drop.TryGetValue(key, out _); }
                    catch (PluginRenderException e) { throw new BuildException(e.Message); }
                }
                break;
        }
    }

    // ---- {% github_edit_link ["TEXT"] %} (the gem's EditLinkTag) ----

    [GeneratedRegex("""(?:\"(.*)\"|'(.*)')""")]
    private static partial Regex LinkText();

    /// <summary>The URL to edit the page on GitHub (<c>REPOSITORY_URL/edit/BRANCH/PATH/PAGE_PATH</c>), or a link to it
    /// when the tag has a quoted text; empty, with a warning, when a part is missing.</summary>
    internal string EditLink(string markup, LiquidTagContext context)
    {
        var text = LinkText().Match(markup) is { Success: true } m ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null;
        var github = _site.Config.Get("github");
        var repositoryUrl = Lookup(github, "repository_url");
        var source = Lookup(github, "source") ?? RubyHash.New();
        string?[] parts = [Str(repositoryUrl), "edit/", Str(Lookup(source, "branch")), Str(Lookup(source, "path")), Str(context.Get("page.path"))];
        string uri;
        if (parts.Any(p => p is null))
        {
            _site.Log.Warn("JekyllEditLink: ", "Cannot generate edit URLs due to missing site.github data");
            uri = "";
        }
        else
        {
            var normalized = parts.Select((part, index) =>
            {
                var p = part!.StartsWith('/') ? part[1..] : part;
                if (index != parts.Length - 1 && !p.EndsWith('/')) p += "/";
                return p == "/" ? "" : p;
            }).ToList();
            uri = Homepage.Liquid.Addressable.NormalizeUrl(normalized.Skip(1).Aggregate(normalized[0], UriJoinReference));
        }
        return text is null ? uri : $"<a href=\"{uri}\">{text}</a>";
    }

    private static object? Lookup(object? hash, string key) => hash switch
    {
        ILiquidDrop drop => drop.TryGetValue(key, out var v) ? v : null,
        IDictionary<string, object?> dict => dict.TryGetValue(key, out var v) ? v : null,
        _ => null,
    };

    private static string? Str(object? value) => value is null ? null : RubyValue.ToS(value);

    /// <summary>Addressable's <c>URI.join</c> step for a relative path reference (RFC 3986 merge, dot segments removed).</summary>
    private static string UriJoinReference(string baseUrl, string reference)
    {
        if (reference.Length == 0) return baseUrl;
        if (reference.Contains("://")) return reference;
        var schemeEnd = baseUrl.IndexOf("://", StringComparison.Ordinal);
        var pathStart = schemeEnd < 0 ? 0 : baseUrl.IndexOf('/', schemeEnd + 3);
        if (pathStart < 0) return baseUrl + "/" + reference;
        var authority = baseUrl[..pathStart];
        var basePath = baseUrl[pathStart..];
        var merged = basePath[..(basePath.LastIndexOf('/') + 1)] + reference;
        var output = new List<string>();
        foreach (var segment in merged.Split('/'))
        {
            if (segment == ".") continue;
            if (segment == "..") { if (output.Count > 1) output.RemoveAt(output.Count - 1); continue; }
            output.Add(segment);
        }
        return authority + string.Join('/', output);
    }

    // ---- the repository (RepositoryFinder, Repository, RepositoryCompat) ----

    /// <summary><c>RepositoryFinder#nwo</c>, or null where the gem raises NoRepositoryError.</summary>
    private string? Nwo()
    {
        lock (_gate) return ResolveNwo();
    }

    private string? ResolveNwo()
    {
        if (_nwoResolved) return _nwo;
        _nwoResolved = true;
        if (Env("PAGES_REPO_NWO") is { } fromEnv) return _nwo = fromEnv; // set, even empty, it wins (Ruby: "" is true)
        if (_site.Config.Get("repository") is string repo && repo.Contains('/')) return _nwo = repo;
        return _nwo = NwoFromGitOriginRemote();
    }

    private string RequireNwo() => Nwo() ?? throw new PluginRenderException(NoRepository);

    private string? NwoFromGitOriginRemote()
    {
        if (_site.Environment is not ("development" or "test")) return null;
        var (ran, output) = Git(["remote", "--verbose"], withStderr: true);
        if (!ran) return null;
        var remote = output.Trim().Split('\n')
            .Where(line => line.StartsWith("origin\t", StringComparison.Ordinal))
            .Select(line => OriginRemote().Replace(line, "$1", 1))
            .FirstOrDefault() ?? "";
        if (remote.EndsWith(".git", StringComparison.Ordinal)) remote = remote[..^4];
        var match = new Regex(Regex.Escape(Pages.GithubHostname()) + @"(:|/)([A-Za-z0-9_-]+)/([A-Za-z0-9_.-]+)").Match(remote);
        return match.Success ? match.Groups[2].Value + "/" + match.Groups[3].Value : null;
    }

    [GeneratedRegex(@"\Aorigin\t(.*) \([a-z]+\)")]
    private static partial Regex OriginRemote();

    /// <summary>Run git in the site's folder (Jekyll runs it in its working directory, the source when built from there).</summary>
    private (bool Ran, string Output) Git(string[] args, bool withStderr)
    {
        try
        {
            var info = new System.Diagnostics.ProcessStartInfo("git")
            {
                WorkingDirectory = _site.Source,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            using var process = System.Diagnostics.Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (true, withStderr ? stdout.Trim() + stderr.Result.Trim() : stdout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            _site.Log.Warn("Not Installed:", e.Message);
            return (false, "");
        }
    }

    private string Owner => RubySplitSlash(RequireNwo()).FirstOrDefault() ?? "";
    private string RepoName => RubySplitSlash(RequireNwo()).LastOrDefault() ?? "";

    /// <summary>Ruby's <c>String#split("/")</c>: trailing empty fields dropped.</summary>
    private static List<string> RubySplitSlash(string s)
    {
        var parts = s.Split('/').ToList();
        while (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        return parts;
    }

    private bool _repoInfoFetched, _pagesInfoFetched, _ownerFetched;

    /// <summary>An API call offline: the client is built (warning once when no credentials), then the call gives false.</summary>
    private object ApiCall()
    {
        BuildClient();
        Log(LogLevel.Warn, "No internet connection. GitHub metadata may be missing or incorrect.");
        return false;
    }

    private void BuildClient()
    {
        lock (_gate) BuildClientOnce();
    }

    private void BuildClientOnce()
    {
        if (_clientBuilt) return;
        _clientBuilt = true;
        if (!string.IsNullOrEmpty(Env("JEKYLL_GITHUB_TOKEN"))) return;
        Log(LogLevel.Warn, "No GitHub API authentication could be found. Some fields may be missing or have incorrect data.");
    }

    private readonly Lock _gate = new(); // pages render in parallel: each fetch (and its warning) happens once

    /// <summary><c>repo_info</c>: the API's repository, <c>{}</c> offline (fetched once).</summary>
    private object? RepoInfo(string field)
    {
        RequireNwo();
        lock (_gate) if (!_repoInfoFetched) { _repoInfoFetched = true; ApiCall(); }
        return null;
    }

    /// <summary><c>repo_pages_info</c>: the API's Pages information, <c>{}</c> offline (fetched once).</summary>
    private void RepoPagesInfo()
    {
        RequireNwo();
        lock (_gate) if (!_pagesInfoFetched) { _pagesInfoFetched = true; ApiCall(); }
    }

    private object? Tagline => RepoInfo("description");

    private string? OwnerDisplayName
    {
        get
        {
            RequireNwo();
            lock (_gate) if (!_ownerFetched) { _ownerFetched = true; ApiCall(); ApiCall(); } // organization(owner) || user(owner)
            return null;
        }
    }

    private OrderedDictionary<string, object?> OwnerMetadata()
    {
        _ = OwnerDisplayName;
        var hash = RubyHash.New();
        foreach (var key in OwnerKeys) hash[key] = null;
        return hash;
    }

    private static readonly string[] OwnerKeys =
    [
        "avatar_url", "bio", "blog", "collaborators", "company", "created_at", "description", "email", "followers", "following",
        "has_organization_projects", "has_repository_projects", "hireable", "html_url", "id", "is_verified", "location", "login",
        "name", "node_id", "public_gists", "public_repos", "type", "updated_at",
    ];

    private string OwnerUrl => $"{Pages.GithubUrl()}/{Owner}";
    private string RepositoryUrl => $"{OwnerUrl}/{RepoName}";

    private bool GithubRepo => !Pages.Enterprise && Owner == "github";

    private string DefaultUserDomain =>
        (GithubRepo ? $"{Owner}.{Pages.GithubHostname()}" : Pages.Enterprise ? Pages.PagesHostname(_site) : $"{Owner}.{Pages.PagesHostname(_site)}").ToLowerInvariant();

    private List<string> UserPageDomains
    {
        get
        {
            var domains = new List<string> { DefaultUserDomain };
            if (!Pages.Enterprise) domains.Add($"{Owner}.github.com".ToLowerInvariant());
            return domains;
        }
    }

    private bool UserPage => Pages.Enterprise
        ? RepoName.ToLowerInvariant() == $"{Owner.ToLowerInvariant()}.{Pages.GithubHostname()}"
        : UserPageDomains.Contains(RepoName.ToLowerInvariant());

    private bool ProjectPage => !UserPage;

    private OrderedDictionary<string, object?> Source()
    {
        RepoPagesInfo();
        var source = RubyHash.New();
        source["branch"] = UserPage ? "master" : "gh-pages";
        source["path"] = "/";
        return source;
    }

    private string GitRef => (string)Source()["branch"]!;

    /// <summary><c>html_url</c>: the Pages URL the gem derives when the API gives none.</summary>
    private string HtmlUrl
    {
        get
        {
            RepoPagesInfo();
            string url;
            if (!Pages.CustomDomainsEnabled)
            {
                var path = UserPage ? Owner : RequireNwo();
                url = Pages.SubdomainIsolation
                    ? UriJoin($"{Pages.Scheme}://{Pages.PagesHostname(_site)}/", path)
                    : UriJoin($"{Pages.GithubUrl()}/pages/", path);
            }
            else
            {
                string domain;
                if (UserPage) domain = DefaultUserDomain;
                else
                {
                    domain = DefaultUserDomain;
                    foreach (var _ in UserPageDomains) ApiCall(); // client.repository?(owner/domain): false offline
                }
                var scheme = Owner == "github" && domain.EndsWith(".github.com", StringComparison.Ordinal) ? "https" : "http";
                url = UserPage ? $"{scheme}://{domain}" : UriJoin($"{scheme}://{domain}", RepoName);
            }
            return url.EndsWith('/') ? url[..^1] : url;
        }
    }

    /// <summary>Ruby's <c>URI.join(base, relative)</c> for a relative path without dots or a scheme.</summary>
    private static string UriJoin(string baseUrl, string relative)
    {
        var uri = new Uri(baseUrl);
        var basePath = uri.AbsolutePath;
        var dir = basePath[..(basePath.LastIndexOf('/') + 1)];
        if (dir.Length == 0) dir = "/";
        return uri.GetLeftPart(UriPartial.Authority) + dir + relative;
    }

    /// <summary><c>URI(html_url).path</c>: empty for a URL without a path.</summary>
    private string BaseUrl
    {
        get
        {
            var url = HtmlUrl;
            var path = url[new Uri(url).GetLeftPart(UriPartial.Authority).Length..];
            var end = path.IndexOfAny(['?', '#']);
            return end < 0 ? path : path[..end];
        }
    }

    private string UrlWithoutPath() => new Uri(HtmlUrl).GetLeftPart(UriPartial.Authority);

    private string BuildRevision()
    {
        if (System.Environment.GetEnvironmentVariable("JEKYLL_BUILD_REVISION") is { } revision) return revision;
        var (_, output) = Git(["rev-parse", "HEAD"], withStderr: false);
        return output.Trim();
    }

    private void Log(LogLevel level, string message)
    {
        if (level == LogLevel.Error) _site.Log.Error("GitHub Metadata:", message);
        else _site.Log.Warn("GitHub Metadata:", message);
    }

    private enum LogLevel { Warn, Error }

    private static string? Env(string name) => System.Environment.GetEnvironmentVariable(name);

    /// <summary>The gem's <c>Pages</c>: settings from the environment, with its defaults.</summary>
    private static class Pages
    {
        private static string? EnvVar(string key, string? intermediateDefault, string? fallback) =>
            !string.IsNullOrEmpty(GitHubMetadata.Env(key)) ? GitHubMetadata.Env(key) : intermediateDefault ?? fallback;

        internal static string CurrentEnv => EnvVar("PAGES_ENV", GitHubMetadata.Env("JEKYLL_ENV"), "development")!;

        internal static bool Ssl => EnvVar("SSL", null, "false") == "true" || CurrentEnv == "test";
        internal static string Scheme => Ssl ? "https" : "http";
        internal static bool SubdomainIsolation => EnvVar("SUBDOMAIN_ISOLATION", null, "false") == "true";
        internal static bool Enterprise => CurrentEnv == "enterprise";
        private static bool Dotcom => CurrentEnv == "dotcom";
        private static bool Development => CurrentEnv == "development";
        internal static bool CustomDomainsEnabled => Dotcom || CurrentEnv == "test";

        internal static string GithubUrl() => Dotcom || GithubHostname() == "github.com" ? "https://github.com" : $"{Scheme}://{GithubHostname()}";
        internal static string ApiUrl() => TrimLastSlash(EnvVar("PAGES_API_URL", GitHubMetadata.Env("API_URL"), "https://api.github.com")!);
        internal static string HelpUrl() => TrimLastSlash(EnvVar("PAGES_HELP_URL", GitHubMetadata.Env("HELP_URL"), "https://help.github.com")!);
        internal static string GithubHostname() => TrimLastSlash(EnvVar("PAGES_GITHUB_HOSTNAME", GitHubMetadata.Env("GITHUB_HOSTNAME"), "github.com")!);

        internal static string PagesHostname(Site site)
        {
            var intermediate = GitHubMetadata.Env("PAGES_HOSTNAME") ?? (Development ? "localhost:4000" : null);
            return TrimLastSlash(EnvVar("PAGES_PAGES_HOSTNAME", intermediate, "github.io")!);
        }

        private static string TrimLastSlash(string url) => url.EndsWith('/') ? url[..^1] : url;
    }

    /// <summary>The gem's <c>MetadataDrop</c>: each key computed when read (and what it needs from the repository).</summary>
    private sealed class MetadataDrop(GitHubMetadata gh) : ILiquidDrop
    {
        private static readonly string[] Methods =
        [
            "api_url", "archived", "baseurl", "build_revision", "clone_url", "contributors", "disabled", "environment", "help_url",
            "hostname", "is_project_page", "is_user_page", "issues_url", "language", "latest_release", "license", "organization_members",
            "owner", "owner_display_name", "owner_gravatar_url", "owner_name", "owner_url", "pages_env", "pages_hostname", "private",
            "project_tagline", "project_title", "public_repositories", "releases", "releases_url", "repository_name", "repository_nwo",
            "repository_url", "show_downloads", "source", "tar_url", "url", "versions", "wiki_url", "zip_url",
        ];

        private readonly Dictionary<string, object?> _memo = new(StringComparer.Ordinal);

        public IEnumerable<string> Keys => Methods;

        public bool TryGetValue(string key, out object? value)
        {
            if (!Methods.Contains(key))
            {
                value = null;
                return false;
            }
            lock (_memo)
            {
                if (_memo.TryGetValue(key, out value)) return true;
                value = Compute(key);
                if (key is "contributors" or "releases" or "latest_release" or "organization_members" or "versions" or "build_revision")
                    _memo[key] = value;
                return true;
            }
        }

        private object? Compute(string key)
        {
            switch (key)
            {
                case "environment" or "pages_env": return Pages.CurrentEnv;
                case "hostname": return Pages.GithubHostname();
                case "pages_hostname": return Pages.PagesHostname(gh._site);
                case "api_url": return Pages.ApiUrl();
                case "help_url": return Pages.HelpUrl();
                case "versions": return RubyHash.New(); // the github-pages gem is not there
                case "build_revision": return gh.BuildRevision();
            }
            gh.RequireNwo();
            switch (key)
            {
                case "public_repositories":
                    gh.ApiCall();
                    gh.Log(LogLevel.Error, "Error processing value 'owner_public_repositories':");
                    throw new PluginRenderException("undefined method `map' for false:FalseClass");
                case "organization_members": gh.ApiCall(); return null; // organization(owner) is false: no members asked for
                case "project_title" or "repository_name": return gh.RepoName;
                case "project_tagline": return gh.Tagline;
                case "owner": return gh.OwnerMetadata();
                case "owner_name": return gh.Owner;
                case "owner_display_name": return gh.OwnerDisplayName;
                case "owner_url": return gh.OwnerUrl;
                case "owner_gravatar_url": return gh.OwnerUrl + ".png";
                case "repository_url": return gh.RepositoryUrl;
                case "repository_nwo": return gh.RequireNwo();
                case "zip_url": return $"{gh.RepositoryUrl}/zipball/{gh.GitRef}";
                case "tar_url": return $"{gh.RepositoryUrl}/tarball/{gh.GitRef}";
                case "clone_url": return gh.RepositoryUrl + ".git";
                case "releases_url": return gh.RepositoryUrl + "/releases";
                case "issues_url": return gh.RepoInfo("has_issues") is true ? gh.RepositoryUrl + "/issues" : null;
                case "wiki_url": return gh.RepoInfo("has_wiki") is true ? gh.RepositoryUrl + "/wiki" : null;
                case "language" or "show_downloads" or "private" or "archived" or "disabled" or "license": return gh.RepoInfo(key);
                case "is_user_page": return gh.UserPage;
                case "is_project_page": return gh.ProjectPage;
                case "url": return gh.HtmlUrl;
                case "baseurl": return gh.BaseUrl;
                case "contributors" or "releases" or "latest_release": return gh.ApiCall();
                case "source": return gh.Source();
            }
            return null;
        }
    }
}
