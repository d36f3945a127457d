using Homepage.Engine;
using Homepage.Engine.Commands;
using Homepage.Server;
using Microsoft.Playwright;

namespace Homepage.Browser.Tests;

/// <summary>
/// <c>homepage serve</c> as a person uses it: this repository's site in headless Chromium (Debian's, driven by
/// Playwright), a save that reloads the open page, and a preview under another theme. Screenshots are kept in
/// <c>screenshots/</c> beside the test assembly.
/// </summary>
public sealed class LivePreviewTests
{
    [BrowserFact]
    public async Task The_home_page_renders_with_its_stylesheet_and_a_save_reloads_it_with_the_new_text()
    {
        using var copy = SiteCopy.OfThisRepository();
        await using var server = await StartAsync(copy.Source, theme: null);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Address!.ToString());

        Assert.Equal("🔥 News", (await page.Locator("h1#-news").InnerTextAsync()).Trim());
        // body { color: $text-color } from the compiled assets/css/main.css
        Assert.Equal("rgb(73, 78, 82)", await page.EvaluateAsync<string>("getComputedStyle(document.body).color"));
        await page.ScreenshotAsync(new() { Path = Screenshot("home-before-edit.png"), FullPage = true });

        await page.EvaluateAsync("window.__beforeReload = true");
        var about = Path.Combine(copy.Source, "_pages", "about.md");
        await File.AppendAllTextAsync(about, "\nA sentence saved while the page was open.\n");
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('A sentence saved while the page was open.')",
            null, new() { Timeout = 30_000 });
        Assert.False(await page.EvaluateAsync<bool>("window.__beforeReload === true"), "the page was reloaded, not patched");
        await page.ScreenshotAsync(new() { Path = Screenshot("home-after-edit.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task Serving_with_another_theme_shows_that_themes_markup_and_style()
    {
        using var copy = SiteCopy.OfThisRepository();
        // The site's layouts and includes become the "academic" theme; "plain" provides the same layouts, plainly.
        var themes = Path.Combine(copy.Source, "_themes");
        Directory.CreateDirectory(Path.Combine(themes, "academic"));
        foreach (var folder in new[] { "_layouts", "_includes" })
            Directory.Move(Path.Combine(copy.Source, folder), Path.Combine(themes, "academic", folder));
        var plainLayouts = Directory.CreateDirectory(Path.Combine(themes, "plain", "_layouts")).FullName;
        foreach (var layout in Directory.EnumerateFiles(Path.Combine(themes, "academic", "_layouts")))
            File.WriteAllText(Path.Combine(plainLayouts, Path.GetFileName(layout)),
                "<!doctype html><html><head><style>main.plain-theme { color: rgb(1, 2, 3) }</style></head>" +
                "<body><main class=\"plain-theme\">{{ content }}</main></body></html>\n");

        await using var browser = await Browser.LaunchAsync();
        await using (var academic = await StartAsync(copy.Source, theme: "academic"))
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(academic.Address!.ToString());
            Assert.Equal(1, await page.Locator(".masthead").CountAsync());
            Assert.Equal(0, await page.Locator("main.plain-theme").CountAsync());
            await page.ScreenshotAsync(new() { Path = Screenshot("theme-academic.png"), FullPage = true });
        }
        await using (var plain = await StartAsync(copy.Source, theme: "plain"))
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(plain.Address!.ToString());
            Assert.Equal(0, await page.Locator(".masthead").CountAsync());
            Assert.Contains("KAUST", await page.Locator("main.plain-theme").InnerTextAsync());
            Assert.Equal("rgb(1, 2, 3)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('main')).color"));
            await page.ScreenshotAsync(new() { Path = Screenshot("theme-plain.png"), FullPage = true });
        }
    }

    private static async Task<DevServer> StartAsync(string source, string? theme)
    {
        var options = new ServeOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            Debounce = TimeSpan.FromMilliseconds(50),
            Build = new BuildOptions
            {
                Source = source,
                Destination = Path.Combine(source, "_site"),
                WorkingDirectory = source,
                Theme = theme,
                Watching = true,
                TimeZone = TimeZoneInfo.Utc,
            },
        };
        var server = new DevServer(options, new Logger(TextWriter.Null, TextWriter.Null));
        await server.StartAsync();
        Assert.Null(server.LastError);
        return server;
    }

    private static string Screenshot(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        return Path.Combine(folder, name);
    }
}

/// <summary>Debian's Chromium, headless, through Playwright (never a downloaded browser).</summary>
internal sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A page that reaches only the local server: the site's CDN fonts and badges are refused, so that tests
    /// neither wait on the network nor depend on it.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.RouteAsync("**/*", route => new Uri(route.Request.Url).Host == "127.0.0.1" ? route.ContinueAsync() : route.AbortAsync());
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>A browser test: skipped, saying why, where no Chromium is installed (<c>.ci/run</c> installs Debian's).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public static string Chromium => Environment.GetEnvironmentVariable("HOMEPAGE_CHROMIUM") ?? "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium)) Skip = $"no Chromium at {Chromium} (apt-get install chromium, or set HOMEPAGE_CHROMIUM)";
    }
}

/// <summary>A copy of this repository's site (its files beside src/ and tests/) in a temporary folder.</summary>
internal sealed class SiteCopy : IDisposable
{
    private static readonly string[] NotSite = [".git", "src", "tests", "bench", "docs", "_site", ".ci", "bin", "obj", "TestResults"];

    private SiteCopy(string root) => Root = root;

    public string Root { get; }
    public string Source => Path.Combine(Root, "site");

    public static SiteCopy OfThisRepository()
    {
        var copy = new SiteCopy(Path.Combine(Path.GetTempPath(), "homepage-browser", Guid.NewGuid().ToString("N")[..10]));
        Copy(RepositoryRoot(), copy.Source, top: true);
        return copy;
    }

    private static void Copy(string from, string to, bool top)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (top && NotSite.Contains(name) || name is "bin" or "obj") continue;
            Copy(dir, Path.Combine(to, name), top: false);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Homepage.sln"))) return dir.FullName;
        throw new InvalidOperationException("Homepage.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
