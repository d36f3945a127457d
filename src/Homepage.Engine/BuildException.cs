namespace Homepage.Engine;

/// <summary>A build failure that Jekyll would report and exit on: the message is what the user reads.</summary>
public class BuildException : Exception
{
    public BuildException(string message, string? file = null, int? line = null, Exception? inner = null) : base(message, inner)
    {
        File = file;
        Line = line;
    }

    public string? File { get; }
    public int? Line { get; }
}
