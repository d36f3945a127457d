using Homepage.Engine;
using Homepage.Engine.Commands;

namespace Homepage.Cli;

/// <summary>The <c>homepage</c> command: Jekyll's verbs and options, each mapped onto the engine.</summary>
public static class CommandLine
{
    private const string Usage = """
        homepage: a drop-in replacement for Jekyll, without Ruby.

        Usage:
          homepage build [options]    Build your site (alias: b)
          homepage clean [options]    Remove the destination and the caches
          homepage serve [options]    Build, serve on http://127.0.0.1:4000 and rebuild on save (alias: s)
          homepage new PATH [--force] A new academic homepage in PATH, ready to serve
          homepage doctor [options]   Check the site: URL conflicts, URLs differing only by case, the site url,
                                      deprecated settings, plugins Homepage lacks (alias: hyde)
          homepage kramdown [FILE]    Markdown (FILE or standard input) to HTML with Jekyll's kramdown settings
                                      (--config FILE to use that site's kramdown: options)
          homepage sass FILE [OUT]    SCSS (or .sass, -a) to CSS (--style nested|expanded|compact|compressed, -I LOADPATH, -m: source map)

        Options:
          -s, --source DIR            Source directory (default: ./)
          -d, --destination DIR       Destination directory (default: ./_site)
              --config F1[,F2...]     Configuration files instead of _config.yml
              --baseurl URL           Serve the website from the given base URL
          -D, --drafts                Render posts in the _drafts folder
              --future                Publish posts with a future date
              --unpublished           Render posts that were marked as unpublished
              --safe                  Safe mode
              --limit_posts N         Limits the number of posts to parse and publish
              --profile               Print the time of each build phase and of each Liquid template
              --theme NAME|PATH       Use another theme (_themes/NAME or a folder) than _config.yml names
          -q, --quiet                 Silence output
          -V, --verbose               Print verbose output
          -t, --trace                 Show the full backtrace when an error occurs

        Serve options:
          -H, --host HOST             Host to bind to (default: 127.0.0.1)
          -P, --port PORT             Port to listen on (default: 4000)
          -l, --livereload            Reload the browser after each rebuild (on by default here)
              --no-livereload         Do not inject the live-reload script
              --no-watch              Do not rebuild on changes
              --skip-initial-build    Serve what is already in the destination
          -o, --open-url              Open the site in your browser
          -B, --detach                Serve in the background (without watching), as Jekyll's --detach
          -I, --incremental           Accepted: serve always rebuilds only what a change affects
              --livereload-port PORT  Accepted: the live reload shares the server's port
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (Environment.GetEnvironmentVariable(DetachedVariable) is not null)
        {
            // a detached server: the terminal it was started from has moved on
            stdout = TextWriter.Null;
            stderr = TextWriter.Null;
        }
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 1 : 0;
        }
        if (args[0] is "-v" or "--version")
        {
            stdout.WriteLine("homepage " + typeof(Site).Assembly.GetName().Version?.ToString(3) + " (jekyll " + Engine.Drops.JekyllDrop.Version + ")");
            return 0;
        }
        var verb = args[0];
        if (verb is "kramdown" or "sass") return ConverterVerbs.Run(verb, args[1..], stdout, stderr);
        if (verb is "new") return New(args[1..], stdout, stderr);
        BuildOptions options;
        var serve = new Homepage.Server.ServeOptions();
        try
        {
            options = ParseOptions(args.AsSpan(1), serve);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine(e.Message);
            stderr.WriteLine(Usage);
            return 1;
        }
        var log = NewLogger(stdout, stderr);
        try
        {
            switch (verb)
            {
                case "build" or "b":
                    BuildCommand.Run(options, log);
                    return 0;
                case "clean":
                    CleanCommand.Run(options, log);
                    return 0;
                case "doctor" or "hyde":
                    return DoctorCommand.Run(options, log) ? 0 : 1;
                case "serve" or "s" or "server":
                    return serve.Detach ? Detach(args, log) : Serve(options, serve, log);
                default:
                    stderr.WriteLine($"homepage: unknown command '{verb}'.");
                    stderr.WriteLine(Usage);
                    return 1;
            }
        }
        catch (BuildException e)
        {
            log.Error("Error:", e.Message);
            if (options.Trace) stderr.WriteLine(e.ToString());
            return 1;
        }
        catch (Exception e) when (!options.Trace)
        {
            log.Error("Error:", e.Message);
            log.Error("Error:", "Run your command again with --trace to see the full backtrace.");
            return 1;
        }
    }

    /// <summary>Jekyll's log lines; on a terminal, a progress line and colours.</summary>
    private static Logger NewLogger(TextWriter stdout, TextWriter stderr) => new(stdout, stderr)
    {
        ShowProgress = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
        Colors = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
    };

    private static int New(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var force = args.Contains("--force");
        var paths = args.Where(a => a != "--force").ToList();
        if (paths.Count != 1 || paths[0].StartsWith('-'))
        {
            stderr.WriteLine("Usage: homepage new PATH [--force]");
            return 1;
        }
        var log = NewLogger(stdout, stderr);
        try
        {
            NewCommand.Run(paths[0], force, BuildCommand.PinnedClock() ?? DateTimeOffset.Now, log);
            return 0;
        }
        catch (Exception e) when (e is BuildException or IOException or UnauthorizedAccessException)
        {
            log.Error("Error:", e.Message);
            return 1;
        }
    }

    /// <summary>The environment variable a detached server runs with: it writes no log to the terminal it left.</summary>
    internal const string DetachedVariable = "HOMEPAGE_DETACHED";

    /// <summary>
    /// Jekyll's <c>--detach</c>: the server goes on in a process of its own, without watching (Jekyll's watcher stays
    /// in the process that exits), and this one prints its pid and exits.
    /// </summary>
    private static int Detach(string[] args, Logger log)
    {
        // Its standard streams are pipes closed at once (it writes nothing): inheriting ours would keep a pipe reading
        // this command's output open for as long as the server lives.
        var start = new System.Diagnostics.ProcessStartInfo(Environment.ProcessPath!)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(CommandLine).Assembly.Location); // run as `dotnet homepage.dll`
        foreach (var arg in args)
            if (arg is not ("-B" or "--detach")) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--no-watch");
        start.Environment[DetachedVariable] = "1";
        using var child = System.Diagnostics.Process.Start(start) ?? throw new BuildException("Could not start the server.");
        child.StandardInput.Close();
        child.StandardOutput.Close();
        child.StandardError.Close();
        log.Info("Server detached with pid '" + child.Id + "'.", "Run `kill " + child.Id + "' to stop the server.");
        return 0;
    }

    /// <summary>Jekyll's <c>--open-url</c>: the platform's launcher opens the address.</summary>
    private static void OpenInBrowser(Uri address, Logger log)
    {
        try
        {
            if (OperatingSystem.IsWindows())
                System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(address.ToString()) { UseShellExecute = true })?.Dispose();
            else
                System.Diagnostics.Process.Start(OperatingSystem.IsMacOS() ? "open" : "xdg-open", address.ToString())?.Dispose();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            log.Error("Refusing to launch browser.", "Platform launcher unknown.");
        }
    }

    private static int Serve(BuildOptions options, Homepage.Server.ServeOptions serve, Logger log)
    {
        serve.Build = options;
        options.Watching = serve.Watch;
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var server = new Homepage.Server.DevServer(serve, log);
        try
        {
            server.StartAsync(stop.Token).GetAwaiter().GetResult();
            if (serve.OpenUrl && server.Address is { } address) OpenInBrowser(new Uri(address, server.BaseUrl + "/"), log);
            server.WaitForShutdownAsync(stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // ctrl-c
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return 0;
    }

    private static BuildOptions ParseOptions(ReadOnlySpan<string> args, Homepage.Server.ServeOptions serve)
    {
        var options = new BuildOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--") && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            string Value(ReadOnlySpan<string> a, ref int index)
            {
                if (inlineValue is not null) return inlineValue;
                if (index + 1 >= a.Length) throw new ArgumentException($"Missing value for {arg}.");
                return a[++index];
            }
            switch (arg)
            {
                case "-s" or "--source": options.Source = Value(args, ref i); break;
                case "-d" or "--destination": options.Destination = Value(args, ref i); break;
                case "--config": options.ConfigFiles.AddRange(Value(args, ref i).Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)); break;
                case "-b" or "--baseurl": options.BaseUrl = Value(args, ref i); break;
                case "-D" or "--drafts": options.Drafts = true; break;
                case "--future": options.Future = true; break;
                case "--unpublished": options.Unpublished = true; break;
                case "--safe": options.Safe = true; break;
                case "--profile": options.Profile = true; break;
                case "--theme": options.Theme = Value(args, ref i); break;
                case "--limit_posts": options.LimitPosts = int.Parse(Value(args, ref i)); break;
                case "-q" or "--quiet": options.Quiet = true; break;
                case "-V" or "--verbose": options.Verbose = true; break;
                case "-t" or "--trace": options.Trace = true; break;
                case "-H" or "--host": serve.Host = Value(args, ref i); break;
                case "-P" or "--port": serve.Port = int.Parse(Value(args, ref i)); break;
                case "-l" or "--livereload": serve.LiveReload = true; break;
                case "--no-livereload": serve.LiveReload = false; break;
                case "--no-watch": serve.Watch = false; break;
                case "-w" or "--watch": serve.Watch = true; break;
                case "--skip-initial-build": serve.SkipInitialBuild = true; break;
                case "-o" or "--open-url": serve.OpenUrl = true; break;
                case "-B" or "--detach": serve.Detach = true; break;
                case "-I" or "--incremental": break; // serve is always incremental; a build renders everything anyway
                case "--livereload-port" or "--livereload-min-delay" or "--livereload-max-delay" or "--livereload-ignore": Value(args, ref i); break;
                default: throw new ArgumentException($"Unknown option {arg}.");
            }
        }
        return options;
    }
}
