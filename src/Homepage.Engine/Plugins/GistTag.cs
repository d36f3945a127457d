using System.Text.RegularExpressions;
using Homepage.Engine.Utilities;
using Homepage.Liquid;

namespace Homepage.Engine.Plugins;

/// <summary>jekyll-gist 1.5: <c>{% gist [user/]ID [FILE] %}</c>, the gist's script tag after a <c>noscript</c> copy of
/// its code fetched from gist.githubusercontent.com (unless <c>gist.noscript: false</c>).</summary>
public static partial class GistTag
{
    [GeneratedRegex(@"\A(\S+|.*(?=/).+)\s?(\S*)\z")]
    private static partial Regex Arguments();

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    public static string Render(Site site, string markup, LiquidTagContext context)
    {
        var m = Arguments().Match(markup.Trim());
        if (!m.Success)
            throw new LiquidException("  Syntax error in tag 'gist' while parsing the following markup:\n\n  Valid syntax:\n    {% gist user/1234567 %}\n    {% gist user/1234567 foo.js %}\n    {% gist 28949e1d5ee2273f9fd3 %}\n    {% gist 28949e1d5ee2273f9fd3 best.md %}\n");
        var gistId = m.Groups[1].Value.Trim();
        var filename = m.Groups[2].Value.Trim();
        if (context.Get(gistId) is { } id) gistId = RubyValue.ToS(id);
        if (filename.Length > 0 && context.Get(filename) is { } file) filename = RubyValue.ToS(file);

        var url = $"https://gist.github.com/{gistId}.js";
        if (filename.Length > 0) url += "?file=" + filename;
        return NoScript(site, gistId, filename) + $"<script src=\"{url}\"> </script>";
    }

    private static string NoScript(Site site, string gistId, string filename)
    {
        if (site.Config.Get("gist") is IDictionary<string, object?> settings && settings.Get("noscript") is false) return "";
        var code = FetchRawCode(gistId, filename);
        if (code is not null) return "<noscript><pre>" + CgiHtml.Escape(code) + "</pre></noscript>";
        site.Log.Warn("Warning:", $"The <noscript> tag for your gist {gistId} ");
        site.Log.Warn("", "could not be generated. This will affect users who do ");
        site.Log.Warn("", "not have JavaScript enabled in their browsers.");
        // The gem interpolates the logger's return value here.
        return "true";
    }

    private static string? FetchRawCode(string gistId, string filename)
    {
        var url = $"https://gist.githubusercontent.com/{gistId}/raw";
        if (filename.Length > 0) url += "/" + filename;
        try
        {
            return Http.GetStringAsync(url).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            return null;
        }
    }
}
