using System.Text.RegularExpressions;
using Homepage.Engine.Model;
using Homepage.Engine.Reading;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Plugins;

/// <summary>jekyll-readme-index 0.3: a folder's README (a Markdown static file) becomes its index page when the folder has none.</summary>
public sealed class ReadmeIndexGenerator : IGenerator
{
    public string Name => "jekyll-readme-index";
    public int Priority => -10;

    public void Generate(Site site)
    {
        if (PluginSet.Option(site, "readme_index", "enabled") is false) return;
        var readme = ReadmeRegex(site);
        var cleanup = PluginSet.Option(site, "readme_index", "remove_originals") is true;
        foreach (var file in site.StaticFiles.Where(f => readme.IsMatch(Slashed(f.RelativePath))).ToList())
        {
            if (DirHasIndex(site, UrlUtil.Dirname(file.Url))) continue;
            var page = PageReader.Read(site, file.Dir, file.Name, file.BaseDirectory)!;
            page.Data["permalink"] = UrlUtil.Dirname(file.Url) + "/";
            site.Pages.Add(page);
            if (cleanup) site.StaticFiles.Remove(file);
        }
        if (PluginSet.Option(site, "readme_index", "with_frontmatter") is true)
        {
            foreach (var page in site.Pages.Where(p => readme.IsMatch("/" + p.PathForLiquid)).ToList())
            {
                if (DirHasIndex(site, UrlUtil.Dirname(page.Url))) continue;
                page.Data["permalink"] = UrlUtil.Dirname(page.Url) + "/";
                page.ResetUrl();
            }
        }
    }

    private static string Slashed(string path) => path.StartsWith('/') ? path : "/" + path;

    /// <summary><c>/readme(\.md|\.markdown|...)$</c> for the site's <c>markdown_ext</c>, case-insensitively.</summary>
    private static Regex ReadmeRegex(Site site)
    {
        var extensions = (site.Config.GetString("markdown_ext") ?? "markdown,mkdown,mkdn,mkd,md").Split(',').Select(e => Regex.Escape("." + e));
        return new Regex("/readme(" + string.Join("|", extensions) + ")$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant);
    }


    private static bool DirHasIndex(Site site, string dir)
    {
        if (!dir.EndsWith('/')) dir += "/";
        var index = new Regex("^" + Regex.Escape(dir) + "(?:$|index\\.(html?|xhtml|xml)$)", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant);
        return site.Pages.Any(p => index.IsMatch(p.Url)) || site.StaticFiles.Any(f => index.IsMatch(f.Url));
    }
}
