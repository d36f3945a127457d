using System.Globalization;

namespace Homepage.Liquid.Filters;

/// <summary>Ruby's lenient <c>Time.parse</c> for the formats dates come in (ISO 8601, RFC 822, "1 Jan 2024").</summary>
internal static class RubyDateParse
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy/MM/dd", "yyyy/M/d", "d MMM yyyy", "d MMMM yyyy", "MMM d yyyy", "MMMM d, yyyy", "MMM d, yyyy",
        "ddd, d MMM yyyy HH:mm:ss", "yyyy-M-d",
    ];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), DateTimeOffset?> Cache = new();

    /// <summary>Parse once per string and zone (templates parse the same dates again and again; Jekyll caches too).</summary>
    public static DateTimeOffset? Parse(string s, TimeZoneInfo zone) =>
        Cache.Count < 100_000 ? Cache.GetOrAdd((s, zone.Id), key => ParseUncached(key.Item1, zone)) : ParseUncached(s, zone);

    private static DateTimeOffset? ParseUncached(string s, TimeZoneInfo zone)
    {
        s = s.Trim();
        var zoneMatch = System.Text.RegularExpressions.Regex.Match(s, @"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})$");
        TimeSpan? offset = null;
        var body = s;
        if (zoneMatch.Success)
        {
            var z = zoneMatch.Groups[1].Value;
            offset = z is "Z" or "UTC" or "GMT" ? TimeSpan.Zero
                : new TimeSpan((z[0] == '-' ? -1 : 1) * int.Parse(z.Substring(1, 2), CultureInfo.InvariantCulture), (z[0] == '-' ? -1 : 1) * int.Parse(z.Replace(":", "").Substring(3, 2), CultureInfo.InvariantCulture), 0);
            body = s[..zoneMatch.Index];
        }
        if (!DateTime.TryParseExact(body, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local)
            && !DateTime.TryParse(body, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out local))
            return null;
        // Time.parse keeps a stated offset (only Jekyll's own parse_date converts to local time).
        if (offset is { } o) return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), o);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
