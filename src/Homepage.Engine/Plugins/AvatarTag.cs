using System.Text.RegularExpressions;
using Homepage.Engine.Utilities;
using Homepage.Liquid;

namespace Homepage.Engine.Plugins;

/// <summary>jekyll-avatar 0.7: <c>{% avatar USER [size=N] [lazy=true] %}</c> or <c>{% avatar user=VARIABLE %}</c>,
/// an <c>img</c> of the GitHub avatar with a 1x-4x <c>srcset</c> on one of the four avatar servers.</summary>
public static partial class AvatarTag
{
    [GeneratedRegex(@"\bsize=(\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"\buser=([\w.]+)\b")]
    private static partial Regex UserPattern();

    private static readonly string[] BaseAttributes = ["class", "alt", "width", "height", "data-proofer-ignore", "src"];

    public static string Render(Site site, string markup, LiquidTagContext context)
    {
        var text = markup.Trim();
        // Size and the user variable come from the markup as written; the rest from the markup rendered.
        var size = SizePattern().Match(text) is { Success: true } s ? s.Groups[1].Value : "40";
        var userVariable = UserPattern().Match(text) is { Success: true } u ? u.Groups[1].Value : null;
        if (text.Contains("{{") || text.Contains("{%"))
        {
            var payload = site.NewPayload();
            foreach (var key in new[] { "page", "paginator", "layout", "include" }) payload[key] = context.Get(key);
            text = site.Liquid.Parse(text, "(avatar)").Render(payload);
        }
        string username;
        if (userVariable is not null)
            username = context.Get(userVariable) is { } value ? RubyValue.ToS(value) : userVariable;
        else
        {
            username = text.Contains(' ') ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "" : text;
            if (username.StartsWith('@')) username = username[1..];
        }
        var customHost = System.Environment.GetEnvironmentVariable("PAGES_AVATARS_URL") ?? "";
        var path = Path(username, size, 1);
        var host = customHost.Length > 0 ? customHost : $"https://avatars{Crc32(System.Text.Encoding.UTF8.GetBytes(path)) % 4}.githubusercontent.com";
        string Url(int scale) => customHost.Length > 0
            ? host.TrimEnd('/') + "/" + Path(username, size, scale)
            : host + "/" + Path(username, size, scale);
        var srcset = string.Join(", ", new[] { 1, 2, 3, 4 }.Select(scale => $"{Url(scale)} {scale}x"));
        var lazy = text.Contains("lazy=true");
        var attributes = new List<(string, string)>
        {
            ("class", int.Parse(size) < 48 ? "avatar avatar-small" : "avatar"), ("alt", username), ("width", size), ("height", size),
            ("data-proofer-ignore", "true"),
        };
        if (lazy) attributes.AddRange([("src", ""), ("data-src", Url(1)), ("data-srcset", srcset)]);
        else attributes.AddRange([("src", Url(1)), ("srcset", srcset)]);
        return "<img " + string.Join(" ", attributes.Select(a => $"{a.Item1}=\"{a.Item2}\"")) + " />";
    }

    private static string Path(string username, string size, int scale) =>
        $"{username}?v=3&s={(scale == 1 ? size : (long.Parse(size) * scale).ToString(System.Globalization.CultureInfo.InvariantCulture))}";

    /// <summary>Zlib's CRC-32 (IEEE 802.3).</summary>
    internal static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
