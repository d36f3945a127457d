using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Plugins;

/// <summary>jekyll-redirect-from 0.16: a redirect page for each <c>redirect_from</c>, <c>redirect_to</c> pages, <c>redirects.json</c>.</summary>
public sealed class RedirectFromGenerator : IGenerator
{
    public string Name => "jekyll-redirect-from";
    public int Priority => 0;

    public void Generate(Site site)
    {
        var redirects = new List<(string From, string To)>();
        if (!site.Layouts.ContainsKey("redirect"))
            site.Layouts["redirect"] = new Layout("redirect", "_layouts/redirect.html", "_layouts/redirect.html", RubyHash.New(), PluginSet.Template("redirect.html"));
        var items = site.DocsToWrite.Cast<Convertible>().Concat(site.Pages.ToList()).ToList();
        foreach (var item in items)
        {
            foreach (var from in RedirectFrom(item))
            {
                var page = RedirectPage(site, from, item.Url);
                site.Pages.Add(page);
                AddRedirect(redirects, page);
            }
            if (RedirectTo(item) is { } to)
            {
                var page = RedirectPage(site, item.Url, to);
                var data = item switch { Page p => p.Data, Document d => d.Data, _ => null };
                if (data is not null) foreach (var (k, v) in page.Data) data[k] = v;
                item.Content = item.Output = page.Output;
                AddRedirect(redirects, page);
            }
        }
        if (site.Config.GetHash("redirect_from")?.Get("json") is not false && !File.Exists(site.InSourceDir("redirects.json")))
        {
            var json = new PageWithoutAFile(site, "", "redirects.json") { Content = ToJson(redirects) };
            json.Data["layout"] = null;
            site.Pages.Add(json);
        }
    }

    private static void AddRedirect(List<(string From, string To)> redirects, Page page)
    {
        var redirect = (IDictionary<string, object?>)page.Data["redirect"]!;
        var from = (string)redirect["from"]!;
        var to = (string)redirect["to"]!;
        var idx = redirects.FindIndex(r => r.From == from);
        if (idx >= 0) redirects[idx] = (from, to);
        else redirects.Add((from, to));
    }

    private static object? LiquidValue(Convertible item, string key) => item switch
    {
        Page p => ((Drops.PageDrop)p.ToLiquid())[key],
        Document d => d.GetData(key),
        _ => null,
    };

    private static IEnumerable<string> RedirectFrom(Convertible item) => LiquidValue(item, "redirect_from") switch
    {
        IList<object?> list => list.Where(x => x is not null).Select(RubyValue.ToS),
        null => [],
        var one => [RubyValue.ToS(one)],
    };

    private static string? RedirectTo(Convertible item) => LiquidValue(item, "redirect_to") switch
    {
        IList<object?> list => list.FirstOrDefault(x => x is not null) is { } first ? RubyValue.ToS(first) : null,
        null => null,
        var one => RubyValue.ToS(one),
    };

    private static Page RedirectPage(Site site, string from, string to)
    {
        var page = new RedirectPage(site) { Content = "", Output = "" };
        from = from.StartsWith('/') ? from : "/" + from;
        page.Data["sitemap"] = false;
        page.Data["layout"] = "redirect";
        page.Data["permalink"] = from;
        var redirect = RubyHash.New();
        redirect["from"] = from;
        redirect["to"] = System.Text.RegularExpressions.Regex.IsMatch(to, "^https?://")
            ? to
            : Homepage.Liquid.JekyllUrl.Absolute(to, site.Config.GetString("url"), site.Config.GetString("baseurl"));
        page.Data["redirect"] = redirect;
        return page;
    }

    /// <summary>Ruby's <c>Hash#to_json</c> of the redirects, in the order they were made.</summary>
    private static string ToJson(List<(string From, string To)> redirects)
    {
        var hash = RubyHash.New();
        foreach (var (from, to) in redirects) hash[from] = to;
        return Homepage.Liquid.Json.Write(hash);
    }
}

/// <summary>jekyll-redirect-from's <c>RedirectPage</c>: a page that only sends the browser on (doctor allows its URL twice).</summary>
public sealed class RedirectPage(Site site) : PageWithoutAFile(site, "", "redirect.html");
