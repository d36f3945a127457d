using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Reading;

/// <summary>Jekyll's <c>Reader</c>: layouts, pages and static files by folder, posts and drafts, collections, data.</summary>
public sealed class SiteReader
{
    private readonly Site _site;

    public SiteReader(Site site) => _site = site;

    public void Read()
    {
        ReadLayouts();
        ReadDirectories("");
        ReadIncludedExcludes();
        SortFiles();
        foreach (var collection in _site.Collections.Values)
            if (collection.Label != "posts") collection.Read();
        ReadThemeAssets();
        _site.Data = new DataReader(_site).Read(_site.InSourceDir(_site.Config.GetString("data_dir") ?? "_data"));
        if (_site.Theme?.DataPath is { } themeData)
            _site.Data = RubyHash.DeepMerge(new DataReader(_site).Read(themeData), _site.Data);
        if (_site.Log.IsDebug) LogRead();
    }

    /// <summary><c>--verbose</c>: what was read (Jekyll prints these as it reads).</summary>
    private void LogRead()
    {
        foreach (var layout in _site.Layouts.Values) _site.Log.Debug("Reading:", "/" + layout.RelativePath);
        foreach (var doc in _site.Collections.Values.SelectMany(c => c.Docs)) _site.Log.Debug("Reading:", doc.RelativePath);
        foreach (var page in _site.Pages) _site.Log.Debug("Reading:", page.RelativePath);
        foreach (var file in _site.StaticFiles) _site.Log.Debug("Reading:", file.RelativePath.TrimStart('/'));
    }

    private void SortFiles()
    {
        foreach (var c in _site.Collections.Values) c.SortDocs();
        var pages = _site.Pages.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        _site.Pages.Clear();
        _site.Pages.AddRange(pages);
        var files = _site.StaticFiles.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        _site.StaticFiles.Clear();
        _site.StaticFiles.AddRange(files);
    }

    /// <summary>Jekyll's <c>ThemeAssetsReader</c>: the theme's <c>assets</c> unless the site has a file at the same path.</summary>
    private void ReadThemeAssets()
    {
        if (_site.Theme?.AssetsPath is not { } assets) return;
        var root = _site.Theme.Root;
        foreach (var path in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                _site.Log.Warn("Theme reader:", $"Ignored symlinked asset: {path}");
                continue;
            }
            var rel = Path.GetRelativePath(root, path).Replace('\\', '/');
            var dir = UrlUtil.Dirname("/" + rel);
            var name = Path.GetFileName(path);
            if (TextFiles.HasYamlHeader(path))
            {
                var page = PageReader.Read(_site, dir == "/" ? "" : dir, name, root);
                if (page is not null && !_site.Pages.Any(p => p.RelativePath == page.RelativePath)) _site.Pages.Add(page);
            }
            else
            {
                var file = new StaticFile(_site, dir == "/" ? "" : dir, name) { BaseDirectory = root };
                if (!_site.StaticFiles.Any(f => f.RelativePath == file.RelativePath)) _site.StaticFiles.Add(file);
            }
        }
    }

    private void ReadLayouts()
    {
        var dir = _site.InSourceDir(_site.Config.GetString("layouts_dir") ?? "_layouts");
        ReadLayoutsFrom(dir, overwrite: true);
        if (_site.Theme?.LayoutsPath is { } themeLayouts) ReadLayoutsFrom(themeLayouts, overwrite: false);
    }

    private void ReadLayoutsFrom(string dir, bool overwrite)
    {
        if (!Directory.Exists(dir)) return;
        var entries = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(dir, p).Replace('\\', '/'))
            .Where(p => Path.GetFileName(p).Contains('.'))
            .Order(StringComparer.Ordinal);
        foreach (var entry in new EntryFilter(_site).Filter(entries, dir))
        {
            var parts = entry.Split('.');
            var name = string.Join('.', parts[..^1]);
            if (!overwrite && _site.Layouts.ContainsKey(name)) continue;
            var absolute = Path.Combine(dir, entry);
            var relative = _site.RelativeToSourceOrTheme(absolute);
            _site.Layouts[name] = Layout.Read(_site, name, absolute, relative);
        }
    }

    /// <summary><c>Reader#read_directories</c>: <paramref name="dir"/> is <c>""</c> or <c>/sub/dir</c>.</summary>
    private void ReadDirectories(string dir)
    {
        var basePath = dir.Length == 0 ? _site.Source : _site.InSourceDir(dir);
        if (!Directory.Exists(basePath)) return;
        var names = Directory.EnumerateFileSystemEntries(basePath).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
        var entries = new EntryFilter(_site, basePath).Filter(names, basePath);
        var dirs = new List<string>();
        var pages = new List<string>();
        var statics = new List<string>();
        foreach (var entry in entries)
        {
            var path = Path.Combine(basePath, entry);
            if (Directory.Exists(path)) dirs.Add(entry);
            else if (TextFiles.HasYamlHeader(path)) pages.Add(entry);
            else statics.Add(entry);
        }
        RetrievePosts(dir);
        foreach (var sub in dirs)
        {
            var subPath = Path.Combine(basePath, sub);
            if (Path.TrimEndingDirectorySeparator(_site.Destination) == subPath) continue;
            ReadDirectories(EntryFilter.JoinPath(dir, sub).StartsWith('/') ? EntryFilter.JoinPath(dir, sub) : "/" + EntryFilter.JoinPath(dir, sub));
        }
        foreach (var name in pages) AddPage(dir, name);
        foreach (var name in statics) _site.StaticFiles.Add(new StaticFile(_site, dir, name));
    }

    private void AddPage(string dir, string name)
    {
        var page = PageReader.Read(_site, dir, name);
        if (page is not null && _site.Publisher.Publish(page)) _site.Pages.Add(page);
    }

    private void RetrievePosts(string dir)
    {
        var collectionsDir = _site.Config.GetString("collections_dir") ?? "";
        if (collectionsDir.Length > 0 && !dir.StartsWith("/" + collectionsDir, StringComparison.Ordinal)) return;
        var posts = _site.Posts;
        posts.Docs.AddRange(ReadPublishable(dir, "_posts", Document.DateFilename()));
        if (_site.ShowDrafts)
            posts.Docs.AddRange(ReadPublishable(dir, "_drafts", new System.Text.RegularExpressions.Regex(@"^(?:.+/)*(.*)(\.[^.]+)$")));
    }

    private IEnumerable<Document> ReadPublishable(string dir, string magicDir, System.Text.RegularExpressions.Regex matcher)
    {
        var basePath = _site.InSourceDir(dir, magicDir);
        if (!Directory.Exists(basePath)) return [];
        var entries = Directory.EnumerateFileSystemEntries(basePath, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(basePath, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var docs = new List<Document>();
        foreach (var entry in new EntryFilter(_site, basePath).Filter(entries, basePath))
        {
            var full = Path.Combine(basePath, entry);
            if (Directory.Exists(full) || !matcher.IsMatch(entry)) continue;
            var doc = new Document(_site, full, _site.Posts);
            doc.Read();
            if (doc.Content is null) continue;
            if (_site.Publisher.Publish(doc)) docs.Add(doc);
            else if (_site.Publisher.HiddenInTheFuture(doc))
                _site.Log.Warn("Skipping:", $"{doc.RelativePath} has a future date");
        }
        return docs;
    }

    private void ReadIncludedExcludes()
    {
        var filter = new EntryFilter(_site);
        foreach (var entry in _site.Include)
        {
            var path = _site.InSourceDir(entry);
            if (Directory.Exists(path) || !File.Exists(path) || filter.IsSymlinkOutside(path)) continue;
            var rel = Path.GetRelativePath(_site.Source, path).Replace('\\', '/');
            var dirRel = UrlUtil.Dirname("/" + rel);
            var dir = dirRel == "/" ? "" : dirRel;
            var name = Path.GetFileName(path);
            if (TextFiles.HasYamlHeader(path))
            {
                if (_site.Pages.Any(p => _site.InSourceDir(p.RelativePath) == path)) continue;
                AddPage(dir, name);
            }
            else
            {
                if (_site.StaticFiles.Any(f => _site.InSourceDir(f.RelativePath) == path)) continue;
                _site.StaticFiles.Add(new StaticFile(_site, dir, name));
            }
        }
    }
}

/// <summary>Reads one page file: its front matter and content.</summary>
public static class PageReader
{
    public static Page? Read(Site site, string dir, string name, string? baseDirectory = null)
    {
        var page = new Page(site, dir, name) { BaseDirectory = baseDirectory ?? "" };
        var absolute = page.SourcePath;
        var parsed = FrontMatter.Parse(TextFiles.Read(absolute));
        page.Content = parsed.Content;
        page.ContentLine = parsed.ContentLine;
        if (parsed.Error is not null)
        {
            site.Log.Warn($"YAML Exception reading {absolute}: {parsed.Error.Message} at line {parsed.Error.Line} column {parsed.Error.Column}");
            if (site.StrictFrontMatter) throw new BuildException($"YAML Exception reading {page.RelativePath}: {parsed.Error.Message}", page.RelativePath, parsed.Error.Line);
        }
        if (parsed.Data is not null) foreach (var (k, v) in parsed.Data) page.Data[k] = v;
        if (page.Data.TryGetValue("permalink", out var permalink) && permalink is "")
            throw new BuildException($"Invalid permalink in {absolute}", page.RelativePath);
        return page;
    }
}
