using Homepage.Engine.Model;
using Homepage.Engine.Utilities;
using Homepage.Liquid;

namespace Homepage.Engine.Rendering;

/// <summary>
/// Jekyll's <c>Renderer</c>: per item, Liquid over the content, then the converters, then the layout chain.
/// Documents render before pages, in Jekyll's order.
/// </summary>
public sealed class Renderer
{
    private readonly Site _site;
    private readonly Dictionary<Convertible, LiquidTemplate> _templates = new(ReferenceEqualityComparer.Instance);

    public Renderer(Site site) => _site = site;

    /// <summary>
    /// Documents first, then pages, as Jekyll. Within each phase items render in parallel unless a template reads
    /// another item's content, output or excerpt (then the phase keeps Jekyll's order, since what such a template
    /// sees depends on it).
    /// </summary>
    public void RenderSite()
    {
        foreach (var doc in _site.Collections.Values.SelectMany(c => c.Docs)) _ = doc.Date; // fix each date before threads read it
        var documents = _site.Collections.Values.SelectMany(c => c.Docs).Cast<Convertible>().ToList();
        _reusable = _site.Options.Incremental?.Plan(_site, documents.Concat(_site.Pages).ToList());
        RenderPhase(documents, _site.Options.Parallel && !ReadsOtherContent.InDocuments(_site));
        var parallel = _site.Options.Parallel && !ReadsOtherContent.InPages(_site);
        // Pages may be added while rendering (source maps); Jekyll's each visits them too.
        var rendered = 0;
        while (rendered < _site.Pages.Count)
        {
            List<Convertible> batch;
            lock (_site.Pages) batch = _site.Pages.Skip(rendered).Cast<Convertible>().ToList();
            RenderPhase(batch, parallel);
            rendered += batch.Count;
        }
    }

    private void RenderPhase(List<Convertible> items, bool parallel)
    {
        if (!parallel || items.Count < 2)
        {
            foreach (var item in items) RenderDocument(item);
            return;
        }
        // A long phase shows how far it is (on a terminal only), once a second.
        var done = 0;
        using var progress = items.Count >= ProgressThreshold && _site.Log.ShowProgress
            ? new Timer(_ => _site.Log.Progress("Rendering:", $"{Volatile.Read(ref done):N0} of {items.Count:N0} files"), null, 1000, 1000)
            : null;
        try
        {
            Parallel.ForEach(items, item =>
            {
                RenderDocument(item);
                Interlocked.Increment(ref done);
            });
        }
        catch (AggregateException e)
        {
            // Report the first failure in source order, as a sequential build would have.
            var first = e.InnerExceptions.OfType<BuildException>().FirstOrDefault();
            if (first is not null) throw first;
            throw e.InnerExceptions[0];
        }
        finally
        {
            if (progress is not null) _site.Log.EndProgress();
        }
    }

    private const int ProgressThreshold = 500;

    /// <summary>Items whose previous render <c>serve</c> takes over (null: a plain build).</summary>
    private HashSet<Convertible>? _reusable;

    private void RenderDocument(Convertible item)
    {
        if (_site.Options.Incremental is { } incremental)
        {
            if (_reusable!.Contains(item))
                incremental.Reuse(item);
            else
                incremental.Render(item, () => RenderDocumentNow(item));
            return;
        }
        RenderDocumentNow(item);
    }

    private void RenderDocumentNow(Convertible item)
    {
        if (_site.Log.IsDebug) _site.Log.Debug("Rendering:", ProfileName(item));
        var payload = _site.NewPayload();
        item.Output = Run(item, payload, placeInLayouts: true);
        // The :post_render hooks of the plugins.
        if (_site.Plugins.IsRequested(Plugins.MentionsFilter.Name) && Plugins.MentionsFilter.Mentionable(item))
            Plugins.MentionsFilter.Mentionify(_site, item);
    }

    /// <summary>Render one item with <paramref name="payload"/> (Jekyll's <c>Renderer#run</c>).</summary>
    public string Run(Convertible item, Dictionary<string, object?> payload, bool placeInLayouts)
    {
        payload["page"] = item.ToLiquid();
        payload["paginator"] = item is Page { Pager: { } pager } ? pager : null;
        if (item is Page { Pager: not null }) RenderDependencies.SiteStructure();
        var markdown = item.Converters.FirstOrDefault() is MarkdownConverter;
        payload["highlighter_prefix"] = markdown ? "\n" : null;
        payload["highlighter_suffix"] = markdown ? "\n" : null;
        var layoutName = RubyValue.ToS(item.GetData("layout"));
        if (_site.Layouts.TryGetValue(layoutName, out var firstLayout))
            payload["layout"] = firstLayout.Data;

        var output = item.Content ?? "";
        var debug = _site.Log.IsDebug;
        if (item.RenderWithLiquid)
        {
            if (debug) _site.Log.Debug("Rendering Liquid:", ProfileName(item));
            output = RenderLiquid(Template(item, output), payload, item, item.LiquidPath);
        }

        if (debug) _site.Log.Debug("Rendering Markup:", ProfileName(item));
        output = Convert(output, item);
        if (item is not Excerpt) item.Content = output;

        if (placeInLayouts && item.PlaceInLayout)
        {
            if (debug) _site.Log.Debug("Rendering Layout:", ProfileName(item));
            output = PlaceInLayouts(output, item, payload);
        }
        return output;
    }

    private LiquidTemplate Template(Convertible item, string content)
    {
        lock (_templates)
        {
            if (_templates.TryGetValue(item, out var t)) return t;
            try
            {
                t = _site.Liquid.Parse(content, item.LiquidPath);
            }
            catch (LiquidException e)
            {
                throw LiquidError(e, item.LiquidPath);
            }
            _templates[item] = t;
            return t;
        }
    }

    /// <param name="layout">The layout being rendered around <paramref name="item"/>, if that is what renders.</param>
    private string RenderLiquid(LiquidTemplate template, Dictionary<string, object?> payload, Convertible item, string path, Layout? layout = null)
    {
        try
        {
            if (_site.RenderStats is not { } stats) return template.Render(payload, new LiquidRenderOptions { PagePath = item.RelativePath });
            var started = LiquidRenderStats.Timestamp();
            var output = template.Render(payload, new LiquidRenderOptions { PagePath = item.RelativePath });
            stats.Record(layout?.RelativePath ?? ProfileName(item), output, LiquidRenderStats.Since(started));
            return output;
        }
        catch (LiquidException e)
        {
            throw LiquidError(e, path);
        }
        catch (Plugins.PluginRenderException e)
        {
            throw LiquidError(new LiquidException(e.Message, inner: e), path);
        }
    }

    /// <summary>The file name Jekyll's profile gives a rendered item: its path relative to the source (or theme).</summary>
    private string ProfileName(Convertible item) => item switch
    {
        Excerpt x => _site.RelativeToSourceOrTheme(x.Doc.AbsolutePath) + "/#excerpt",
        Document d => _site.RelativeToSourceOrTheme(d.AbsolutePath),
        _ => item.LiquidPath.TrimStart('/'),
    };

    private BuildException LiquidError(LiquidException e, string path)
    {
        var where = e.Path is { Length: > 0 } p && p != path ? p : path;
        var message = $"{e.Message} in {where}";
        _site.Log.Error("Liquid Exception:", message);
        return new BuildException("Liquid Exception: " + message, where, e.Line, e);
    }

    private string Convert(string content, Convertible item)
    {
        foreach (var converter in item.Converters)
        {
            try
            {
                content = converter.Convert(content, item);
            }
            catch (ConversionException e)
            {
                _site.Log.Error("Conversion error:", e.Header);
                _site.Log.Error("", e.Reason);
                throw;
            }
        }
        return content;
    }

    private string PlaceInLayouts(string content, Convertible item, Dictionary<string, object?> payload)
    {
        var output = content;
        var name = RubyValue.ToS(item.GetData("layout"));
        _site.Layouts.TryGetValue(name, out var layout);
        if (layout is null && item.GetData("layout") is not null && item is not Excerpt)
            _site.Log.Warn("Build Warning:", $"Layout '{name}' requested in {item.RelativePath} does not exist.");
        var used = new HashSet<Layout>();
        if (layout is not null) used.Add(layout);
        payload["layout"] = null;
        while (layout is not null)
        {
            RenderDependencies.File(layout.Path);
            payload["content"] = output;
            payload["layout"] = payload["layout"] is IDictionary<string, object?> inner
                ? RubyHash.DeepMerge(layout.Data, inner)
                : RubyHash.Copy(layout.Data);
            LiquidTemplate template;
            try
            {
                template = layout.Template(_site.Liquid);
            }
            catch (LiquidException e)
            {
                throw LiquidError(e, layout.RelativePath);
            }
            output = RenderLiquid(template, payload, item, layout.RelativePath, layout);
            if (layout.Data.Get("layout") is not { } parentName || !_site.Layouts.TryGetValue(RubyValue.ToS(parentName), out var parent)) break;
            if (!used.Add(parent)) break;
            layout = parent;
        }
        return output;
    }
}
