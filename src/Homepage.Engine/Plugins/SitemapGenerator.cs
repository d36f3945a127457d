using System.Text.RegularExpressions;
using Homepage.Engine.Model;

namespace Homepage.Engine.Plugins;

/// <summary>jekyll-sitemap 1.4: <c>sitemap.xml</c> and <c>robots.txt</c> unless the site has its own.</summary>
public sealed partial class SitemapGenerator : IGenerator
{
    private static readonly string[] IncludedExtensions = [".htm", ".html", ".xhtml", ".pdf"];

    public string Name => "jekyll-sitemap";
    public int Priority => -100;

    [GeneratedRegex(@"(?<=>\n|})\s+")]
    private static partial Regex Minify();

    public void Generate(Site site)
    {
        var existing = site.Pages.Select(p => p.Url).Concat(site.StaticFiles.Select(f => f.Url)).ToHashSet(StringComparer.Ordinal);
        if (!existing.Contains("/sitemap.xml"))
        {
            var sitemap = new PageWithoutAFile(site, "", "sitemap.xml") { Content = Minify().Replace(PluginSet.Template("sitemap.xml"), "") };
            sitemap.Data["layout"] = null;
            sitemap.Data["static_files"] = site.StaticFiles.Where(f => IncludedExtensions.Contains(f.Extname)).Select(f => f.ToLiquid()).ToList<object?>();
            sitemap.Data["xsl"] = existing.Contains("/sitemap.xsl");
            site.Pages.Add(sitemap);
        }
        if (!existing.Contains("/robots.txt"))
        {
            var robots = new PageWithoutAFile(site, "", "robots.txt") { Content = PluginSet.Template("robots.txt") };
            robots.Data["layout"] = null;
            site.Pages.Add(robots);
        }
    }
}
