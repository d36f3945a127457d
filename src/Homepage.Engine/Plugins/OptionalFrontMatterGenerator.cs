using Homepage.Engine.Reading;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Plugins;

/// <summary>jekyll-optional-front-matter 0.3: Markdown files without front matter become pages instead of static files
/// (except README, LICENSE and the like, unless <c>include:</c> names them).</summary>
public sealed class OptionalFrontMatterGenerator : IGenerator
{
    private static readonly HashSet<string> Blacklist =
        ["README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING", "ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE"];

    public string Name => "jekyll-optional-front-matter";
    public int Priority => 0;

    public void Generate(Site site)
    {
        var requireFrontMatter = RubyValue.Truthy(site.Config.Get("require_front_matter"));
        if (PluginSet.Option(site, "optional_front_matter", "enabled") is false || requireFrontMatter) return;
        var markdown = site.StaticFiles.Where(f => PluginSet.IsMarkdown(site, f.Extname)).ToList();
        var entryFilter = new EntryFilter(site);
        var whitelisting = site.Config.Get("include") is IList<object?>;
        bool Blacklisted(string relativePath, string basename) =>
            !(whitelisting && entryFilter.IsIncluded(relativePath)) && Blacklist.Contains(basename.ToUpperInvariant());

        foreach (var file in markdown)
        {
            var page = PageReader.Read(site, file.Dir, file.Name, file.BaseDirectory);
            if (page is not null && !Blacklisted(page.RelativePath, page.Basename)) site.Pages.Add(page);
        }
        if (PluginSet.Option(site, "optional_front_matter", "remove_originals") is true || requireFrontMatter)
            foreach (var file in markdown.Where(f => !Blacklisted(f.RelativePath, f.Basename)))
                site.StaticFiles.Remove(file);
    }
}
