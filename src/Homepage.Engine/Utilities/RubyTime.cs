using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Homepage.Engine.Utilities;

/// <summary>Ruby's <c>Time.parse(...).localtime</c> in the site's zone, and the strftime directives permalinks use.</summary>
public static partial class RubyTime
{
    [GeneratedRegex(@"^\s*(-?\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|GMT|[-+]\d{2}:?\d{2}|[-+]\d{2})?\s*$")]
    private static partial Regex IsoLike();

    /// <summary>Parse like <c>Time.parse</c>: a time without zone is local to <paramref name="zone"/>; the result is in that zone.</summary>
    public static DateTimeOffset? Parse(string input, TimeZoneInfo zone)
    {
        var m = IsoLike().Match(input);
        if (m.Success)
        {
            try
            {
                int G(int i, int fallback = 0) => m.Groups[i].Success && m.Groups[i].Value.Length > 0 ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : fallback;
                var local = new DateTime(G(1), G(2), G(3), G(4), G(5), G(6), DateTimeKind.Unspecified);
                if (m.Groups[7].Success) local = local.AddTicks(long.Parse((m.Groups[7].Value + "0000000")[..7], CultureInfo.InvariantCulture));
                if (m.Groups[8].Success)
                {
                    var offset = ParseOffset(m.Groups[8].Value);
                    return ToZone(new DateTimeOffset(local, offset), zone);
                }
                return InZone(local, zone);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }
        if (DateTimeOffset.TryParse(input, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            var hasZone = Regex.IsMatch(input, @"(Z|[+-]\d{2}:?\d{2}|UTC|GMT)\s*$");
            return hasZone ? ToZone(parsed, zone) : InZone(parsed.DateTime, zone);
        }
        return null;
    }

    private static TimeSpan ParseOffset(string tz)
    {
        if (tz is "Z" or "UTC" or "GMT") return TimeSpan.Zero;
        var sign = tz[0] == '-' ? -1 : 1;
        var digits = tz[1..].Replace(":", "");
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;
        return new TimeSpan(sign * hours, sign * minutes, 0);
    }

    /// <summary>A wall-clock time in the zone.</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The same instant, in the zone (<c>Time#localtime</c>).</summary>
    public static DateTimeOffset ToZone(DateTimeOffset t, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(t, zone);

    /// <summary>Convert any YAML date value to a Time in the zone, as Jekyll's <c>Utils.parse_date(value.to_s)</c>.</summary>
    public static DateTimeOffset? FromValue(object? value, TimeZoneInfo zone) => value switch
    {
        DateTimeOffset t => ToZone(t, zone),
        DateOnly d => InZone(d.ToDateTime(TimeOnly.MinValue), zone),
        DateTime dt => InZone(dt, zone),
        null => null,
        _ => Parse(RubyValue.ToS(value), zone),
    };

    /// <summary>Ruby's <c>strftime</c> (the Liquid library's implementation).</summary>
    public static string Strftime(DateTimeOffset t, string format) => Homepage.Liquid.RubyStrftime.Format(t, format);

    /// <summary>The site's zone: the <c>timezone</c> setting, else <c>TZ</c>, else the machine's.</summary>
    public static TimeZoneInfo ResolveZone(string? timezone)
    {
        var name = string.IsNullOrEmpty(timezone) ? Environment.GetEnvironmentVariable("TZ") : timezone;
        if (!string.IsNullOrEmpty(name))
        {
            name = name.TrimStart(':');
            try { return TimeZoneInfo.FindSystemTimeZoneById(name); }
            catch (TimeZoneNotFoundException) { }
            catch (InvalidTimeZoneException) { }
        }
        return TimeZoneInfo.Local;
    }
}
