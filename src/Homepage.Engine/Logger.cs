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

    /// <summary>Whether <c>--verbose</c> lines are printed (callers skip building them otherwise).</summary>
    public bool IsDebug => Level <= LogLevel.Debug;

    /// <summary>Whether long phases may show a progress line (set by the command line when standard output is a terminal).</summary>
    public bool ShowProgress { get; set; }

    /// <summary>A progress line, rewritten in place (<c>\r</c>); <see cref="EndProgress"/> clears it. Only when <see cref="ShowProgress"/>.</summary>
    public void Progress(string topic, string message)
    {
        if (!ShowProgress || Level > LogLevel.Info) return;
        lock (_gate) _out.Write("\r" + Format(topic, message));
    }

    public void EndProgress()
    {
        if (!ShowProgress || Level > LogLevel.Info) return;
        lock (_gate) _out.Write("\r" + new string(' ', 79) + "\r");
    }
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
            if (level >= LogLevel.Warn && Colors)
                _err.WriteLine((level == LogLevel.Error ? Red : Yellow) + line + Reset);
            else
                (level >= LogLevel.Warn ? _err : _out).WriteLine(line);
        }
    }

    /// <summary>Jekyll's colours: warnings yellow, errors red (set by the command line when standard error is a terminal
    /// and <c>NO_COLOR</c> is not set; <see cref="Messages"/> stay plain).</summary>
    public bool Colors { get; set; }

    private const string Yellow = "\u001b[33m";
    private const string Red = "\u001b[31m";
    private const string Reset = "\u001b[0m";
}
