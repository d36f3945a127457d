using Homepage.Engine.Model;

namespace Homepage.Engine.Rendering;

/// <summary>
/// What one render read: the layout and include files, the other items whose rendered content, output or excerpt
/// it printed, and whether it read the site's lists (<c>site.posts</c>, <c>paginator</c>, <c>page.next</c>...),
/// or <c>site.data</c>. Recorded only while <c>serve</c> rebuilds incrementally; the hooks cost a
/// null check otherwise.
/// </summary>
public sealed class RenderDependencies
{
    [ThreadStatic] private static RenderDependencies? t_current;

    /// <summary>Absolute paths of the layouts and includes used.</summary>
    public HashSet<string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys (<see cref="IncrementalState.Key"/>) of the items whose rendered text was read. Their front matter
    /// needs no entry: every way to reach another item (<c>site.posts</c>, <c>page.next</c>, <c>paginator</c>...)
    /// sets <see cref="Structure"/>, and a front-matter change renders what read the structure.</summary>
    public HashSet<string> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>Read a list of the site's items (whose membership and order a front-matter edit can change).</summary>
    public bool Structure { get; private set; }

    /// <summary>Read <c>site.data</c>.</summary>
    public bool Data { get; private set; }

    public static bool Recording => t_current is not null;

    public static void File(string absolutePath) => t_current?.Files.Add(absolutePath);

    public static void Item(Convertible item)
    {
        if (t_current is { } current) current.Items.Add(IncrementalState.Key(item));
    }

    public static void SiteStructure()
    {
        if (t_current is { } current) current.Structure = true;
    }

    public static void SiteData()
    {
        if (t_current is { } current) current.Data = true;
    }

    /// <summary>Records on this thread until the scope ends (renders are synchronous, one item per thread).</summary>
    public static Scope Record(RenderDependencies dependencies)
    {
        var scope = new Scope(t_current);
        t_current = dependencies;
        return scope;
    }

    public readonly struct Scope : IDisposable
    {
        private readonly RenderDependencies? _previous;
        internal Scope(RenderDependencies? previous) => _previous = previous;
        public void Dispose() => t_current = _previous;
    }
}
