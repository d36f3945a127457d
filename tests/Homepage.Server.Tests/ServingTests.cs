using System.Net;

namespace Homepage.Server.Tests;

public sealed class ServingTests
{
    [Fact]
    public async Task A_theme_folder_outside_the_source_is_watched_too()
    {
        var root = Directory.CreateTempSubdirectory("homepage-watch-").FullName;
        try
        {
            var source = Directory.CreateDirectory(Path.Combine(root, "site")).FullName;
            var theme = Directory.CreateDirectory(Path.Combine(root, "theme", "_layouts")).Parent!.FullName;
            var changed = new TaskCompletionSource<IReadOnlyCollection<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var watcher = new SourceWatcher(source, Path.Combine(source, "_site"), TimeSpan.FromMilliseconds(50),
                changes => changed.TrySetResult(changes), [theme]);
            await File.WriteAllTextAsync(Path.Combine(theme, "_layouts", "default.html"), "<theme>{{ content }}</theme>");
            var changes = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Contains(changes, c => c.EndsWith("_layouts/default.html", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Serve_binds_the_loopback_address_and_jekylls_port_unless_told_otherwise()
    {
        var options = new ServeOptions();
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(4000, options.Port);
    }

    [Fact]
    public async Task Serves_pages_folders_and_extensionless_paths_as_jekyll_does()
    {
        await using var site = await ServedSite.StartAsync();
        var home = await site.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html; charset=utf-8", home.Content.Headers.ContentType!.ToString());
        Assert.Contains("<h1>Home</h1>", await home.Content.ReadAsStringAsync());
        Assert.Contains("no-store", home.Headers.CacheControl!.ToString());

        Assert.Contains("<h1>About</h1>", await site.Client.GetStringAsync("/about"));
        Assert.Contains("<h1>About</h1>", await site.Client.GetStringAsync("/about.html"));
        Assert.Contains("<h1>Docs</h1>", await site.Client.GetStringAsync("/docs/"));
        var folder = await site.Client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.MovedPermanently, folder.StatusCode);
        Assert.Equal("/docs/", folder.Headers.Location!.OriginalString);
        var json = await site.Client.GetAsync("/data.json");
        Assert.Equal("application/json; charset=utf-8", json.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task A_missing_page_gets_the_sites_404_page_with_status_404()
    {
        await using var site = await ServedSite.StartAsync();
        var response = await site.Client.GetAsync("/nowhere/at/all");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Lost</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_baseurl_prefixes_every_path()
    {
        await using var site = await ServedSite.StartAsync("/blog");
        Assert.Contains("<h1>Home</h1>", await site.Client.GetStringAsync("/blog/"));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/about.html")).StatusCode);
        Assert.Contains("<h1>About</h1>", await site.Client.GetStringAsync("/blog/about"));
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%2E%2E/%2e%2e/secret.txt")]
    [InlineData("/docs/..%2f..%2fsecret.txt")]
    [InlineData("/..%5csecret.txt")]
    [InlineData("//etc/passwd")]
    [InlineData("/%2fetc%2fpasswd")]
    public async Task Requests_never_reach_files_outside_the_destination(string path)
    {
        await using var site = await ServedSite.StartAsync();
        // A raw request line, so that no client-side URI handling removes the dot segments first.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(site.Server.Address!.Host, site.Server.Address.Port);
        await using var stream = tcp.GetStream();
        var request = System.Text.Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 ", response);
        Assert.DoesNotContain("do not serve me", response);
        Assert.DoesNotContain("root:", response);
    }

    [Fact]
    public async Task Html_gets_the_live_reload_script_and_a_save_reloads_the_browser()
    {
        await using var site = await ServedSite.StartAsync();
        var html = await site.Client.GetStringAsync("/");
        Assert.Contains("<script src=\"/__homepage/livereload.js\" data-base=\"\"></script></body>", html);
        Assert.Contains("EventSource", await site.Client.GetStringAsync("/__homepage/livereload.js"));

        using var events = await site.Client.GetStreamAsync("/__homepage/events");
        using var reader = new StreamReader(events);
        Assert.Equal(": connected", await reader.ReadLineAsync());
        site.WriteSource("about.html", "---\nlayout: default\n---\n<h1>About, edited</h1>\n");
        Assert.Equal("event: reload", await ReadEventLineAsync(reader));
        Assert.Contains("<h1>About, edited</h1>", await site.Client.GetStringAsync("/about"));
    }

    [Fact]
    public async Task A_stylesheet_change_swaps_css_and_a_broken_build_reports_its_error_while_serving_the_old_site()
    {
        await using var site = await ServedSite.StartAsync();
        using var events = await site.Client.GetStreamAsync("/__homepage/events");
        using var reader = new StreamReader(events);
        await reader.ReadLineAsync();
        site.WriteSource("style.scss", "---\n---\nbody { color: blue; }\n");
        Assert.Equal("event: css", await ReadEventLineAsync(reader));

        site.WriteSource("about.html", "---\nlayout: default\n---\n{% include missing.html %}\n");
        Assert.Equal("event: error-message", await ReadEventLineAsync(reader));
        var data = await reader.ReadLineAsync();
        Assert.Contains("missing.html", data);
        Assert.Contains("<h1>About</h1>", await site.Client.GetStringAsync("/about"));
    }

    [Fact]
    public async Task A_rebuild_renders_what_a_change_affects_and_a_configuration_change_renders_everything()
    {
        await using var site = await ServedSite.StartAsync();
        using var events = await site.Client.GetStreamAsync("/__homepage/events");
        using var reader = new StreamReader(events);
        await reader.ReadLineAsync();

        site.WriteSource("about.html", "---\nlayout: default\n---\n<h1>About, edited</h1>\n");
        Assert.Equal("event: reload", await ReadEventLineAsync(reader));
        Assert.Equal(3, site.Server.Incremental.Rendered); // the page, and the stylesheet with its map

        site.WriteSource("_layouts/default.html", "<html><body><p>{{ site.title }}</p>{{ content }}</body></html>\n");
        Assert.Equal("event: reload", await ReadEventLineAsync(reader));
        Assert.Contains("<p>Served</p>", await site.Client.GetStringAsync("/about"));

        site.WriteSource("_config.yml", "title: Renamed\nbaseurl: \"\"\n");
        Assert.Equal("event: reload", await ReadEventLineAsync(reader));
        Assert.Contains("<p>Renamed</p><h1>About, edited</h1>", await site.Client.GetStringAsync("/about"));
        Assert.Contains("<p>Renamed</p><h1>Docs</h1>", await site.Client.GetStringAsync("/docs/"));
    }

    [Fact]
    public async Task Stopping_the_server_ends_the_live_reload_streams_instead_of_waiting_for_them()
    {
        var site = await ServedSite.StartAsync();
        var events = await site.Client.GetStreamAsync("/__homepage/events");
        using var reader = new StreamReader(events);
        Assert.Equal(": connected", await reader.ReadLineAsync());
        var stopping = site.DisposeAsync().AsTask();
        // ASP.NET Core waits 30 s for open requests before giving up on them; an open browser tab must not hold it.
        Assert.Same(stopping, await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(15))));
        await stopping;
    }

    private static async Task<string?> ReadEventLineAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line is null || line.StartsWith("event:", StringComparison.Ordinal)) return line;
        }
    }
}
