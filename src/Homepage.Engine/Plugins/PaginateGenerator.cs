using Homepage.Engine.Model;
using Homepage.Engine.Reading;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Plugins;

/// <summary>jekyll-paginate 1.1: <c>paginate: N</c> splits <c>site.posts</c> over copies of an <c>index.html</c> at <c>paginate_path</c>.</summary>
public sealed class PaginateGenerator : IGenerator
{
    public string Name => "jekyll-paginate";
    public int Priority => -100;

    public void Generate(Site site)
    {
        if (site.Config.Get("paginate") is null || site.Pages.Count == 0) return;
        var template = TemplatePage(site);
        if (template is null)
        {
            site.Log.Warn("Pagination:", "Pagination is enabled, but I couldn't find an index.html page to use as the pagination template. Skipping pagination.");
            return;
        }
        var perPage = ToInt(site.Config.Get("paginate"));
        var allPosts = site.Posts.Docs.OrderByDescending(d => d, DocumentComparer.Instance)
            .Where(d => !RubyValue.Truthy(d.GetData("hidden")))
            .ToList();
        var pages = perPage == 0 ? 0 : (int)Math.Ceiling(allPosts.Count / (double)perPage);
        for (var num = 1; num <= pages; num++)
        {
            var pager = Pager(site, template, num, allPosts, pages, perPage);
            if (num > 1)
            {
                var copy = PageReader.Read(site, template.UrlDirForLiquid, template.Name)!;
                copy.Pager = pager;
                copy.Dir = PaginatePath(site, template, num)!;
                site.Pages.Add(copy);
            }
            else
            {
                template.Pager = pager;
            }
        }
    }

    private static int ToInt(object? value) => value switch
    {
        long l => (int)l,
        int i => i,
        double d => (int)d,
        string s when int.TryParse(s, out var n) => n,
        _ => 0,
    };

    private static OrderedDictionary<string, object?> Pager(Site site, Page template, int page, List<Document> allPosts, int totalPages, int perPage)
    {
        var init = (page - 1) * perPage;
        var offset = init + perPage - 1 >= allPosts.Count ? allPosts.Count : init + perPage - 1;
        var posts = allPosts.Skip(init).Take(offset - init + 1).Select(d => d.ToLiquid()).ToList<object?>();
        int? previous = page != 1 ? page - 1 : null;
        int? next = page != totalPages ? page + 1 : null;
        var hash = RubyHash.New();
        hash["page"] = (long)page;
        hash["per_page"] = (long)perPage;
        hash["posts"] = posts;
        hash["total_posts"] = (long)allPosts.Count;
        hash["total_pages"] = (long)totalPages;
        hash["previous_page"] = previous is { } p ? (long)p : null;
        hash["previous_page_path"] = PaginatePath(site, template, previous);
        hash["next_page"] = next is { } n ? (long)n : null;
        hash["next_page_path"] = PaginatePath(site, template, next);
        return hash;
    }

    private static string? PaginatePath(Site site, Page template, int? num)
    {
        if (num is null) return null;
        if (num <= 1) return template.Url;
        var format = RubyValue.ToS(site.Config.Get("paginate_path") ?? "/page:num");
        var idx = format.IndexOf(":num", StringComparison.Ordinal);
        if (idx >= 0) format = format[..idx] + num + format[(idx + 4)..];
        return format.StartsWith('/') ? format : "/" + format;
    }

    private static Page? TemplatePage(Site site)
    {
        var paginatePath = RubyValue.ToS(site.Config.Get("paginate_path") ?? "/page:num").TrimStart('/');
        var paginateDir = UrlUtil.Dirname("/" + paginatePath);
        return site.Pages
            .Where(p => p.Name == "index.html" && InHierarchy(UrlUtil.Dirname("/" + p.PathForLiquid.TrimStart('/')), paginateDir))
            .OrderByDescending(p => p.PathForLiquid.Length)
            .FirstOrDefault();
    }

    /// <summary>The page's folder is the pagination folder or one of its ancestors (paths relative to the source).</summary>
    private static bool InHierarchy(string pageDir, string paginateDir)
    {
        for (var dir = paginateDir; ; dir = UrlUtil.Dirname(dir))
        {
            if (dir == pageDir) return true;
            if (dir == "/") return false;
        }
    }
}
