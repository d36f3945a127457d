using Homepage.Engine.Model;

namespace Homepage.Engine.Plugins;

/// <summary>jekyll-default-layout 0.1: Markdown pages and posts without a layout get <c>home</c> (the site's root),
/// <c>page</c> or <c>post</c>, else <c>default</c>, whichever the site has.</summary>
public sealed class DefaultLayoutGenerator : IGenerator
{
    public string Name => "jekyll-default-layout";
    public int Priority => -100;

    public void Generate(Site site)
    {
        var documents = site.Pages.Cast<Convertible>().Concat(site.Posts.Docs).ToList();
        foreach (var document in documents)
        {
            if (!PluginSet.IsMarkdown(site, document.Extname) || LayoutSpecified(document)) continue;
            var layout = LayoutFor(site, document);
            switch (document)
            {
                case Page page: page.Data["layout"] = layout; break;
                case Document doc: doc.Data["layout"] = layout; break;
            }
        }
    }

    /// <summary><c>document.to_liquid.key?("layout")</c>: front matter or front matter defaults name one (even as null).</summary>
    private static bool LayoutSpecified(Convertible document) => document switch
    {
        Page page => page.Data.ContainsKey("layout") || page.Site.FrontmatterDefaults.All(page.RelativePath, "pages").ContainsKey("layout"),
        Document doc => doc.Data.ContainsKey("layout"),
        _ => true,
    };

    private static string? LayoutFor(Site site, Convertible document)
    {
        bool Exists(string name) => site.Layouts.ContainsKey(name);
        if (document.Url == "/" && Exists("home")) return "home";
        if (document is Page && Exists("page")) return "page";
        if (document is Document { Collection.Label: "posts" } && Exists("post")) return "post";
        return Exists("default") ? "default" : null;
    }
}
