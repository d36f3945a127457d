using Homepage.Engine.Commands;

namespace Homepage.Server;

/// <summary><c>homepage serve</c>'s options, with Jekyll's defaults.</summary>
public sealed class ServeOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 4000;
    public bool LiveReload { get; set; } = true;
    public bool Watch { get; set; } = true;
    public bool SkipInitialBuild { get; set; }
    public bool OpenUrl { get; set; }

    /// <summary>Jekyll's <c>--detach</c> (the command line starts the server in a process of its own).</summary>
    public bool Detach { get; set; }

    /// <summary>What each build uses (source, destination, flags, theme...).</summary>
    public BuildOptions Build { get; set; } = new();

    /// <summary>Quiet period after the last change before a rebuild starts.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(100);
}
