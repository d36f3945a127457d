using Homepage.Engine;
using Homepage.Engine.Commands;

namespace Homepage.Server.Tests;

/// <summary>A small site served on a free port of 127.0.0.1, with a secret file beside (outside) the destination.</summary>
public sealed class ServedSite : IAsyncDisposable
{
    private ServedSite(string root, DevServer server, HttpClient client)
    {
        Root = root;
        Server = server;
        Client = client;
    }

    public string Root { get; }
    public string Source => Path.Combine(Root, "site");
    public DevServer Server { get; }
    public HttpClient Client { get; }

    public static async Task<ServedSite> StartAsync(string baseUrl = "", bool watch = true)
    {
        var root = Path.Combine(Path.GetTempPath(), "homepage-serve", Guid.NewGuid().ToString("N")[..10]);
        var source = Path.Combine(root, "site");
        void Write(string path, string text)
        {
            var full = Path.Combine(source, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        Write("_config.yml", $"title: Served\nbaseurl: \"{baseUrl}\"\n");
        Write("_layouts/default.html", "<html><head><link rel=\"stylesheet\" href=\"{{ '/style.css' | relative_url }}\"></head><body>{{ content }}</body></html>\n");
        Write("index.html", "---\nlayout: default\n---\n<h1>Home</h1>\n");
        Write("about.html", "---\nlayout: default\n---\n<h1>About</h1>\n");
        Write("docs/index.html", "---\nlayout: default\n---\n<h1>Docs</h1>\n");
        Write("404.html", "---\nlayout: default\n---\n<h1>Lost</h1>\n");
        Write("style.scss", "---\n---\nbody { color: red; }\n");
        Write("data.json", "{\"a\": 1}\n");
        File.WriteAllText(Path.Combine(root, "secret.txt"), "do not serve me");
        var options = new ServeOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            Watch = watch,
            Debounce = TimeSpan.FromMilliseconds(50),
            Build = new BuildOptions
            {
                Source = source,
                Destination = Path.Combine(root, "_site"),
                WorkingDirectory = source,
                Now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
                TimeZone = TimeZoneInfo.Utc,
                Watching = watch,
            },
        };
        var server = new DevServer(options, new Logger(TextWriter.Null, TextWriter.Null));
        await server.StartAsync();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        return new ServedSite(root, server, client);
    }

    public void WriteSource(string path, string text) => File.WriteAllText(Path.Combine(Source, path), text);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
