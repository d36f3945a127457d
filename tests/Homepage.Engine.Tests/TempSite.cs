using Homepage.Engine.Commands;

namespace Homepage.Engine.Tests;

/// <summary>A throwaway site folder for end-to-end tests of the engine.</summary>
public sealed class TempSite : IDisposable
{
    public TempSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "homepage-tests", Guid.NewGuid().ToString("N")[..12]);
        Source = Path.Combine(Root, "site");
        Destination = Path.Combine(Root, "_site");
        Directory.CreateDirectory(Source);
    }

    public string Root { get; }
    public string Source { get; }
    public string Destination { get; }

    public TempSite With(string relativePath, string content)
    {
        var path = Path.Combine(Source, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Destination, relativePath));

    public (Site? Site, Logger Log, StringWriter Out, StringWriter Err) Build(Action<BuildOptions>? configure = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var log = new Logger(stdout, stderr);
        var options = new BuildOptions
        {
            Source = Source,
            Destination = Destination,
            WorkingDirectory = Source,
            Now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            TimeZone = TimeZoneInfo.Utc,
        };
        configure?.Invoke(options);
        var site = BuildCommand.Run(options, log);
        return (site, log, stdout, stderr);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
