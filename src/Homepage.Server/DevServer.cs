using System.Text;
using Homepage.Engine;
using Homepage.Engine.Commands;
using Homepage.Engine.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Homepage.Server;

/// <summary>
/// <c>homepage serve</c>: builds the site, serves the destination under the baseurl as Jekyll's server does, rebuilds
/// when a source file is saved, and reloads the browsers (stylesheets in place; a failed build shown over the page).
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    private const string CacheControl = "private, max-age=0, proxy-revalidate, no-store, no-cache, must-revalidate";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly string LiveReloadScript = ReadScript();

    private readonly ServeOptions _options;
    private readonly Logger _log;
    private readonly LiveReloadHub _hub = new();
    private readonly SemaphoreSlim _buildLock = new(1, 1);
    private readonly IncrementalState _incremental = new();
    private string _source = "";
    private WebApplication? _app;
    private SourceWatcher? _watcher;
    private SiteFiles? _files;

    public DevServer(ServeOptions options, Logger log)
    {
        _options = options;
        _log = log;
        _options.Build.Incremental = _incremental;
    }

    /// <summary>What the last rebuild rendered and reused.</summary>
    public IncrementalState Incremental => _incremental;

    public LiveReloadHub Hub => _hub;
    public string? LastError { get; private set; }
    public int BuildCount { get; private set; }

    /// <summary>The site's baseurl as served (<c>""</c> or <c>/path</c>).</summary>
    public string BaseUrl => _files?.BaseUrl ?? "";

    /// <summary>The address the server listens on (resolved when the port was 0).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var site = _options.SkipInitialBuild ? null : await BuildAsync(reason: null);
        if (_options.SkipInitialBuild)
            _log.Warn("Build Warning:", "Skipping the initial build. This may result in an out-of-date site.");
        var workingDirectory = _options.Build.WorkingDirectory;
        var source = _source = site?.Source ?? Path.GetFullPath(_options.Build.Source ?? workingDirectory, workingDirectory);
        var destination = site?.Destination ?? Path.GetFullPath(_options.Build.Destination ?? Path.Combine(workingDirectory, "_site"), workingDirectory);
        var baseUrl = _options.Build.BaseUrl ?? site?.Config.GetValueOrDefault("baseurl") as string;
        _files = new SiteFiles(destination, baseUrl);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{_options.Host}:{_options.Port}");
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken);
        var address = _app.Urls.First();
        Address = new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "localhost"));
        if (_options.Watch)
        {
            var themeRoot = site?.Theme?.Root is { } theme ? new[] { theme } : [];
            _watcher = new SourceWatcher(source, destination, _options.Debounce, changes => _ = RebuildAsync(changes), themeRoot);
            _log.Info("Auto-regeneration:", $"enabled for '{source}'");
        }
        if (_options.LiveReload) _log.Info("LiveReload address:", new Uri(Address, _files.BaseUrl + "/__homepage/events").ToString());
        _log.Info("Server address:", new Uri(Address, _files.BaseUrl + "/").ToString());
        _log.Info("Server running...", "press ctrl-c to stop.");
    }

    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.WaitForShutdownAsync(cancellationToken);
    }

    private async Task<Site?> BuildAsync(IReadOnlyCollection<string>? reason)
    {
        await _buildLock.WaitAsync();
        try
        {
            if (reason is not null) _log.Info("Regenerating:", $"{reason.Count} file(s) changed at {DateTime.Now:yyyy-MM-dd HH:mm:ss}");
            var site = BuildCommand.Run(_options.Build, _log);
            LastError = null;
            BuildCount++;
            return site;
        }
        catch (Exception e) when (e is BuildException or IOException or UnauthorizedAccessException)
        {
            LastError = e.Message;
            _log.Error("Error:", e.Message);
            return null;
        }
        finally
        {
            _buildLock.Release();
        }
    }

    private async Task RebuildAsync(IReadOnlyCollection<string> changes)
    {
        var paths = changes.Select(c => Path.GetFullPath(c, _source)).ToList();
        if (paths.Any(IsConfiguration)) _incremental.RenderEverything();
        _incremental.AddChanges(paths);
        var site = await BuildAsync(changes);
        if (site is null)
        {
            _hub.Publish("error-message", LastError ?? "build failed");
            return;
        }
        var onlyStyles = changes.All(c => Path.GetExtension(c) is ".css" or ".scss" or ".sass");
        _hub.Publish(onlyStyles ? "css" : "reload");
    }

    /// <summary>A configuration file: the site's <c>_config.*</c>, one given with <c>--config</c>, or a theme's.</summary>
    private bool IsConfiguration(string path)
    {
        var name = Path.GetFileName(path);
        if (_options.Build.ConfigFiles.Any(c => Path.GetFullPath(c, _options.Build.WorkingDirectory) == path)) return true;
        return name.StartsWith("_config.", StringComparison.Ordinal) && Path.GetExtension(name) is ".yml" or ".yaml" or ".toml";
    }

    /// <summary>Rebuild now, as a save would (for tests and for a forced refresh).</summary>
    public Task RebuildNowAsync(params string[] changes) => RebuildAsync(changes);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = CacheControl;
        var path = request.Path.Value ?? "/";
        var files = _files!;
        var internalPrefix = files.BaseUrl + "/__homepage/";
        if (path.StartsWith(internalPrefix, StringComparison.Ordinal))
        {
            await HandleInternalAsync(path[internalPrefix.Length..], context);
            return;
        }
        if (request.Method is not ("GET" or "HEAD"))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        if (files.IsFolderWithoutSlash(path))
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = path + "/" + request.QueryString;
            return;
        }
        var file = files.Resolve(path);
        if (file is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            if (files.NotFoundPage is { } notFound) await SendFileAsync(context, notFound);
            else await response.WriteAsync("Not Found");
            return;
        }
        await SendFileAsync(context, file);
    }

    private async Task SendFileAsync(HttpContext context, string file)
    {
        var response = context.Response;
        if (!ContentTypes.TryGetContentType(file, out var type)) type = "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "application/json" or "application/xml" or "image/svg+xml")
            type += "; charset=utf-8";
        response.ContentType = type;
        if (_options.LiveReload && type.StartsWith("text/html", StringComparison.Ordinal))
        {
            var html = await File.ReadAllTextAsync(file);
            var tag = $"<script src=\"{_files!.BaseUrl}/__homepage/livereload.js\" data-base=\"{_files.BaseUrl}\"></script>";
            var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            html = at >= 0 ? html.Insert(at, tag) : html + tag;
            var bytes = Encoding.UTF8.GetBytes(html);
            response.ContentLength = bytes.Length;
            if (context.Request.Method != "HEAD") await response.Body.WriteAsync(bytes);
            return;
        }
        response.ContentLength = new FileInfo(file).Length;
        if (context.Request.Method != "HEAD") await response.SendFileAsync(file);
    }

    private async Task HandleInternalAsync(string name, HttpContext context)
    {
        var response = context.Response;
        switch (name)
        {
            case "livereload.js":
                response.ContentType = "application/javascript; charset=utf-8";
                await response.WriteAsync(LiveReloadScript);
                return;
            case "events":
            {
                response.ContentType = "text/event-stream";
                var reader = _hub.Subscribe(out var unsubscribe);
                // The stream ends when the browser goes away or the server stops (else stopping waits for it).
                using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app!.Lifetime.ApplicationStopping);
                try
                {
                    await response.WriteAsync(": connected\n\n", ended.Token);
                    await response.Body.FlushAsync(ended.Token);
                    if (LastError is not null) await WriteEventAsync(response, "error-message", LastError, ended.Token);
                    await foreach (var (eventName, data) in reader.ReadAllAsync(ended.Token))
                        await WriteEventAsync(response, eventName, data, ended.Token);
                }
                catch (OperationCanceledException)
                {
                    // the browser went away
                }
                finally
                {
                    unsubscribe();
                }
                return;
            }
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, string eventName, string data, CancellationToken token)
    {
        var sb = new StringBuilder("event: ").Append(eventName).Append('\n');
        foreach (var line in data.Split('\n')) sb.Append("data: ").Append(line).Append('\n');
        sb.Append('\n');
        await response.WriteAsync(sb.ToString(), token);
        await response.Body.FlushAsync(token);
    }

    private static string ReadScript()
    {
        using var stream = typeof(DevServer).Assembly.GetManifestResourceStream("livereload.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
