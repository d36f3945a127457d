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

    private static readonly string[] ShortDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] LongDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] ShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] LongMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The strftime directives used by permalinks and Jekyll's own output (a subset of Ruby's).</summary>
    public static string Strftime(DateTimeOffset t, string format)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 >= format.Length) { sb.Append(c); continue; }
            var d = format[++i];
            var noPad = false;
            if (d == '-' && i + 1 < format.Length) { noPad = true; d = format[++i]; }
            string Pad(int v, int width) => noPad ? v.ToString(CultureInfo.InvariantCulture) : v.ToString(new string('0', width), CultureInfo.InvariantCulture);
            switch (d)
            {
                case 'Y': sb.Append(t.Year.ToString(CultureInfo.InvariantCulture)); break;
                case 'y': sb.Append(Pad(t.Year % 100, 2)); break;
                case 'm': sb.Append(Pad(t.Month, 2)); break;
                case 'd': sb.Append(Pad(t.Day, 2)); break;
                case 'e': sb.Append(noPad ? t.Day.ToString(CultureInfo.InvariantCulture) : t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)); break;
                case 'H': sb.Append(Pad(t.Hour, 2)); break;
                case 'M': sb.Append(Pad(t.Minute, 2)); break;
                case 'S': sb.Append(Pad(t.Second, 2)); break;
                case 'j': sb.Append(Pad(t.DayOfYear, 3)); break;
                case 'b': sb.Append(ShortMonths[t.Month - 1]); break;
                case 'B': sb.Append(LongMonths[t.Month - 1]); break;
                case 'a': sb.Append(ShortDays[(int)t.DayOfWeek]); break;
                case 'A': sb.Append(LongDays[(int)t.DayOfWeek]); break;
                case 'u': sb.Append(t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek); break;
                case 'w': sb.Append((int)t.DayOfWeek); break;
                case 'G': sb.Append(ISOWeek.GetYear(t.DateTime).ToString(CultureInfo.InvariantCulture)); break;
                case 'V': sb.Append(Pad(ISOWeek.GetWeekOfYear(t.DateTime), 2)); break;
                case 'z':
                {
                    var o = t.Offset;
                    sb.Append(o < TimeSpan.Zero ? '-' : '+').Append(Math.Abs(o.Hours).ToString("00", CultureInfo.InvariantCulture)).Append(Math.Abs(o.Minutes).ToString("00", CultureInfo.InvariantCulture));
                    break;
                }
                case ':':
                    if (i + 1 < format.Length && format[i + 1] == 'z')
                    {
                        i++;
                        var o = t.Offset;
                        sb.Append(o < TimeSpan.Zero ? '-' : '+').Append(Math.Abs(o.Hours).ToString("00", CultureInfo.InvariantCulture)).Append(':').Append(Math.Abs(o.Minutes).ToString("00", CultureInfo.InvariantCulture));
                    }
                    else sb.Append("%:");
                    break;
                case '%': sb.Append('%'); break;
                default: sb.Append('%').Append(d); break;
            }
        }
        return sb.ToString();
    }

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
