using System.Text;
using System.Text.RegularExpressions;
using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Plugins;

/// <summary>
/// jekyll-mentions 1.6 (a <c>:pages, :documents, :post_render</c> hook): in an HTML output holding an <c>@name</c>,
/// html-pipeline 2's MentionFilter links each mention to <c>BASE/name</c> — outside <c>pre</c>, <c>code</c>, <c>a</c>,
/// <c>style</c> and <c>script</c>. The gem runs the filter over the part between <c>&lt;body ...&gt;</c> and
/// <c>&lt;/body&gt;</c> (or the whole output when there is no <c>&lt;body</c>), parsed as a Nokogiri fragment and written
/// back with <c>to_html</c>; that rewrites the whole part as libxml2 does (<see cref="LibxmlHtml"/>), mention or not.
/// An output whose text has no mention at all is left as it is.
/// </summary>
public static partial class MentionsFilter
{
    public const string Name = "jekyll-mentions";

    // html-pipeline's MentionPatterns with jekyll-mentions' username pattern [\w][\w-]*, \w and \W as Ruby's (ASCII).
    private const string Word = "[a-zA-Z0-9_]";
    private const string NonWord = "[^a-zA-Z0-9_]";

    [GeneratedRegex("(?:^|" + NonWord + ")@((?>" + Word + "[a-zA-Z0-9_-]*))(?!/)(?=\\.+[ \\t]|\\.+" + NonWord + "|\\.+$|[^0-9a-zA-Z_.]|$)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"<body(.*?)>[ \t\r\n\f\v]*", RegexOptions.Singleline)]
    private static partial Regex OpeningBodyTag();

    private static readonly HashSet<string> MentionLogins = ["mention", "mentions", "mentioned", "mentioning"];
    private static readonly HashSet<string> IgnoreParents = ["pre", "code", "a", "style", "script"];

    /// <summary><c>Jekyll::Mentions.mentionable?</c>: a page, or a document that is written, with an HTML output (or a
    /// permalink ending in a slash), and no <c>jekyll-mentions: false</c>.</summary>
    public static bool Mentionable(Convertible item)
    {
        if (item is not (Page or Document { Write: true })) return false;
        var permalink = item.GetData("permalink") as string;
        return (item.OutputExt == ".html" || (permalink?.EndsWith('/') ?? false)) && item.GetData("jekyll-mentions") is not false;
    }

    /// <summary><c>Jekyll::Mentions.mentionify</c>.</summary>
    public static void Mentionify(Site site, Convertible item)
    {
        var content = item.Output;
        if (content is null || !content.Contains('@')) return;
        var baseUrl = MentionBase(site, item);
        if (content.Contains("<body", StringComparison.Ordinal))
        {
            var opener = OpeningBodyTag().Match(content);
            if (!opener.Success) return;
            var head = content[..opener.Index];
            var tail = content[(opener.Index + opener.Length)..];
            var close = tail.IndexOf("</body>", StringComparison.Ordinal);
            var body = close < 0 ? tail : tail[..close];
            var rest = close < 0 ? "" : tail[close..];
            if (!MentionPattern().IsMatch(body)) return;
            item.Output = head + opener.Value + Filter(body, baseUrl) + rest;
        }
        else
        {
            if (!MentionPattern().IsMatch(content)) return;
            item.Output = Filter(content, baseUrl);
        }
    }

    /// <summary><c>mention_base</c>: the page's or the site's <c>jekyll-mentions</c> (a URL, or a hash with <c>base_url</c>),
    /// else github.com (or the GitHub Enterprise host of <c>SSL</c> and <c>GITHUB_HOSTNAME</c>).</summary>
    private static string MentionBase(Site site, Convertible item)
    {
        var setting = site.Config.Get(Name);
        if (item.GetData(Name) is var own && HasOwnSetting(item)) setting = own;
        return setting switch
        {
            null => DefaultBase(),
            string url => url,
            IDictionary<string, object?> hash => hash.TryGetValue("base_url", out var b) ? RubyValue.ToS(b) : DefaultBase(),
            _ => throw new BuildException("Your jekyll-mentions config has to either be a string or a hash. " +
                                          $"It's a {RubyClass(setting)} right now."),
        };
    }

    private static string RubyClass(object value) => value switch
    {
        true => "TrueClass",
        false => "FalseClass",
        long or int => "Integer",
        double => "Float",
        System.Collections.IList => "Array",
        DateTimeOffset => "Time",
        DateOnly => "Date",
        _ => value.GetType().Name,
    };

    private static bool HasOwnSetting(Convertible item) => item switch
    {
        Page page => page.Data.ContainsKey(Name),
        Document doc => doc.Data.ContainsKey(Name) || doc.GetData(Name) is not null, // a document's data holds its defaults
        _ => false,
    };

    private static string DefaultBase()
    {
        var ssl = System.Environment.GetEnvironmentVariable("SSL") ?? "";
        var host = System.Environment.GetEnvironmentVariable("GITHUB_HOSTNAME") ?? "";
        if (ssl.Length > 0 && host.Length > 0)
            return (ssl == "true" ? "https://" : "http://") + (host.EndsWith('/') ? host[..^1] : host);
        return "https://github.com";
    }

    /// <summary>html-pipeline's MentionFilter over a fragment, and the fragment written back.</summary>
    public static string Filter(string html, string baseUrl)
    {
        var fragment = LibxmlHtml.ParseFragment(html);
        var texts = new List<LibxmlText>();
        CollectTexts(fragment, texts);
        foreach (var text in texts)
        {
            var content = LibxmlHtml.TextToHtml(text);
            if (!content.Contains('@')) continue;
            if (HasIgnoredAncestor(text)) continue;
            var replaced = LinkMentions(content, baseUrl);
            if (replaced == content) continue;
            var parent = text.Parent!;
            var index = parent.Children.IndexOf(text);
            parent.Children.RemoveAt(index);
            var nodes = LibxmlHtml.ParseInContext("<div>" + replaced + "</div>");
            var inserted = nodes.Count > 0 && nodes[0] is LibxmlElement div ? div.Children.ToList() : [];
            foreach (var node in inserted)
            {
                node.Parent = parent;
                parent.Children.Insert(index++, node);
            }
        }
        return LibxmlHtml.Serialize(fragment);
    }

    private static void CollectTexts(LibxmlElement element, List<LibxmlText> texts)
    {
        foreach (var child in element.Children)
        {
            if (child is LibxmlText text) texts.Add(text);
            else if (child is LibxmlElement e) CollectTexts(e, texts);
        }
    }

    private static bool HasIgnoredAncestor(LibxmlNode node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
            if (IgnoreParents.Contains(parent.Name)) return true;
        return false;
    }

    private static string LinkMentions(string text, string baseUrl) => MentionPattern().Replace(text, match =>
    {
        var login = match.Groups[1].Value;
        if (MentionLogins.Contains(login.ToLowerInvariant())) return match.Value;
        var url = baseUrl.EndsWith('/') || baseUrl.EndsWith('~') ? baseUrl : baseUrl + "/";
        var link = $"<a href='{url}{login}' class='user-mention'>@{login}</a>";
        var at = match.Value.IndexOf("@" + login, StringComparison.Ordinal);
        return match.Value[..at] + link + match.Value[(at + login.Length + 1)..];
    });
}
