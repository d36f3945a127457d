using System.Text.RegularExpressions;
using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Plugins;

/// <summary>jekyll-feed 0.17: an Atom feed per collection and category configured under <c>feed:</c>, and per tag when asked.</summary>
public sealed partial class FeedGenerator : IGenerator
{
    public string Name => "jekyll-feed";
    public int Priority => -100;

    [GeneratedRegex(@"(?<=>|})\s+")]
    private static partial Regex Minify();

    [GeneratedRegex("[^a-zA-Z0-9_]")]
    private static partial Regex UnsafeTag();

    public void Generate(Site site)
    {
        var config = site.Config.GetHash("feed") ?? RubyHash.New();
        if (RubyValue.Truthy(config.Get("disable_in_development")) && site.Environment == "development")
        {
            site.Log.Info("Jekyll Feed:", "Skipping feed generation in development");
            return;
        }
        var template = Minify().Replace(PluginSet.Template("feed.xml"), "");
        foreach (var (name, meta) in Collections(config))
        {
            site.Log.Info("Jekyll Feed:", $"Generating feed for {name}");
            var categories = RubyHash.ToArray(meta.Get("categories")).Select(RubyValue.ToS).Distinct().Cast<string?>().Append(null);
            foreach (var category in categories)
            {
                var path = FeedPath(config, meta, name, category);
                if (File.Exists(site.InSourceDir(path))) continue;
                site.Pages.Add(MakePage(site, template, path, name, category, null));
            }
        }
        if (RubyValue.Truthy(config.Get("tags")) && site.PostAttrHash("tags").Count > 0)
        {
            var tagsConfig = config.Get("tags") as IDictionary<string, object?> ?? RubyHash.New();
            var except = RubyHash.ToArray(tagsConfig.Get("except")).Select(RubyValue.ToS).ToHashSet();
            var only = tagsConfig.Get("only") is { } o ? RubyHash.ToArray(o).Select(RubyValue.ToS).ToList() : site.PostAttrHash("tags").Keys.ToList();
            var tagsPath = tagsConfig.GetString("path") ?? "/feed/by_tag/";
            foreach (var tag in only.Where(t => !except.Contains(t)))
            {
                if (UnsafeTag().IsMatch(tag)) continue;
                site.Log.Info("Jekyll Feed:", $"Generating feed for posts tagged {tag}");
                var path = tagsPath + tag + ".xml";
                if (File.Exists(site.InSourceDir(path))) continue;
                site.Pages.Add(MakePage(site, template, path, "posts", null, tag));
            }
        }
    }

    /// <summary>jekyll-feed's <c>{% feed_meta %}</c>: the link element pointing at the site's feed.</summary>
    public static string MetaTag(Site site)
    {
        var path = site.Config.GetHash("feed")?.GetString("path") ?? "feed.xml";
        var title = site.Config.GetString("title") ?? site.Config.GetString("name");
        var href = Homepage.Liquid.JekyllUrl.Absolute(path, site.Config.GetString("url"), site.Config.GetString("baseurl"));
        string Attr(string value) => "\"" + value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&apos;") + "\"";
        var attributes = $"type={Attr("application/atom+xml")} rel={Attr("alternate")} href={Attr(href)}";
        if (title is not null) attributes += $" title={Attr(title)}";
        return $"<link {attributes} />";
    }

    private static OrderedDictionary<string, IDictionary<string, object?>> Collections(IDictionary<string, object?> config)
    {
        var result = new OrderedDictionary<string, IDictionary<string, object?>>(StringComparer.Ordinal);
        switch (config.Get("collections"))
        {
            case IList<object?> list:
                foreach (var c in list) result[RubyValue.ToS(c)] = RubyHash.New();
                break;
            case IDictionary<string, object?> hash:
                foreach (var (k, v) in hash) result[k] = v as IDictionary<string, object?> ?? RubyHash.New();
                break;
        }
        if (!result.TryGetValue("posts", out var posts)) result["posts"] = posts = RubyHash.New();
        posts = RubyHash.Copy(posts);
        if (posts.Get("path") is null) posts["path"] = config.Get("path");
        if (posts.Get("categories") is null) posts["categories"] = config.Get("categories");
        result["posts"] = posts;
        return result;
    }

    private static string FeedPath(IDictionary<string, object?> config, IDictionary<string, object?> meta, string collection, string? category)
    {
        var prefix = collection == "posts" ? "/feed" : "/feed/" + collection;
        if (category is not null) return prefix + "/" + category + ".xml";
        return meta.GetString("path") ?? prefix + ".xml";
    }

    private static Page MakePage(Site site, string template, string path, string collection, string? category, string? tags)
    {
        var page = new PageWithoutAFile(site, "", path) { Content = template };
        page.Data["layout"] = null;
        page.Data["sitemap"] = false;
        page.Data["xsl"] = File.Exists(site.InSourceDir("feed.xslt.xml"));
        page.Data["collection"] = collection;
        page.Data["category"] = category;
        page.Data["tags"] = tags;
        return page;
    }
}
