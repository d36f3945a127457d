namespace Homepage.Engine;

public enum LogLevel { Debug, Info, Warn, Error }

/// <summary>Jekyll's log lines: the topic right-aligned in 20 columns, then the message with whitespace squeezed.</summary>
public sealed class Logger
{
    private readonly object _gate = new();
    private readonly TextWriter _out;
    private readonly TextWriter _err;

    public Logger(TextWriter? stdout = null, TextWriter? stderr = null, LogLevel level = LogLevel.Info)
    {
        _out = stdout ?? Console.Out;
        _err = stderr ?? Console.Error;
        Level = level;
    }

    public LogLevel Level { get; set; }
    public List<string> Messages { get; } = new();

    public static string Format(string topic, string? message)
    {
        var text = message is null ? "" : System.Text.RegularExpressions.Regex.Replace(message, @"\s+", " ");
        return (topic + " ").PadLeft(20) + text;
    }

    public void Debug(string topic, string? message = null) => Write(LogLevel.Debug, topic, message);
    public void Info(string topic, string? message = null) => Write(LogLevel.Info, topic, message);
    public void Warn(string topic, string? message = null) => Write(LogLevel.Warn, topic, message);
    public void Error(string topic, string? message = null) => Write(LogLevel.Error, topic, message);

    /// <summary>A line printed as is (Ruby's <c>warn</c>), to standard error.</summary>
    public void Raw(string line)
    {
        lock (_gate)
        {
            Messages.Add(line);
            _err.WriteLine(line);
        }
    }

    private void Write(LogLevel level, string topic, string? message)
    {
        if (level < Level) return;
        var line = Format(topic, message);
        lock (_gate)
        {
            Messages.Add(line);
            (level >= LogLevel.Warn ? _err : _out).WriteLine(line);
        }
    }
}
