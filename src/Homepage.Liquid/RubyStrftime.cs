using System.Globalization;
using System.Text;

namespace Homepage.Liquid;

/// <summary>Ruby's <c>Time#strftime</c>: conversions, flags (<c>-</c> <c>_</c> <c>0</c> <c>^</c> <c>#</c>), widths and <c>%:z</c>.</summary>
public static class RubyStrftime
{
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Format(DateTimeOffset t, string format, TimeZoneInfo? zone = null)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                sb.Append(c);
                continue;
            }
            var start = i;
            i++;
            char? flag = null;
            var upper = false;
            var swap = false;
            while (i < format.Length && format[i] is '-' or '_' or '0' or '^' or '#')
            {
                if (format[i] == '^') upper = true;
                else if (format[i] == '#') swap = true;
                else flag = format[i];
                i++;
            }
            var width = 0;
            while (i < format.Length && char.IsAsciiDigit(format[i])) width = width * 10 + (format[i++] - '0');
            var colons = 0;
            while (i < format.Length && format[i] == ':') { colons++; i++; }
            if (i >= format.Length)
            {
                sb.Append(format, start, format.Length - start);
                break;
            }
            var d = format[i];
            string? text = d switch
            {
                'Y' => Num(t.Year, 1, flag, width, '0'),
                'C' => Num(t.Year / 100, 2, flag, width, '0'),
                'y' => Num(t.Year % 100, 2, flag, width, '0'),
                'm' => Num(t.Month, 2, flag, width, '0'),
                'B' => Months[t.Month - 1],
                'b' or 'h' => Months[t.Month - 1][..3],
                'd' => Num(t.Day, 2, flag, width, '0'),
                'e' => Num(t.Day, 2, flag, width, ' '),
                'j' => Num(t.DayOfYear, 3, flag, width, '0'),
                'H' => Num(t.Hour, 2, flag, width, '0'),
                'k' => Num(t.Hour, 2, flag, width, ' '),
                'I' => Num(t.Hour % 12 == 0 ? 12 : t.Hour % 12, 2, flag, width, '0'),
                'l' => Num(t.Hour % 12 == 0 ? 12 : t.Hour % 12, 2, flag, width, ' '),
                'P' => t.Hour < 12 ? "am" : "pm",
                'p' => swap ? (t.Hour < 12 ? "am" : "pm") : (t.Hour < 12 ? "AM" : "PM"),
                'M' => Num(t.Minute, 2, flag, width, '0'),
                'S' => Num(t.Second, 2, flag, width, '0'),
                'L' => Num(t.Millisecond, 3, flag, width, '0'),
                'N' => (t.Ticks % TimeSpan.TicksPerSecond * 100).ToString("000000000", CultureInfo.InvariantCulture)[..(width > 0 ? Math.Min(width, 9) : 9)],
                'z' => Zone(t.Offset, colons),
                'Z' => TimeZoneAbbreviations.Get(zone, t),
                'A' => Days[(int)t.DayOfWeek],
                'a' => Days[(int)t.DayOfWeek][..3],
                'u' => ((int)t.DayOfWeek == 0 ? 7 : (int)t.DayOfWeek).ToString(CultureInfo.InvariantCulture),
                'w' => ((int)t.DayOfWeek).ToString(CultureInfo.InvariantCulture),
                'G' => Num(ISOWeek.GetYear(t.DateTime), 1, flag, width, '0'),
                'g' => Num(ISOWeek.GetYear(t.DateTime) % 100, 2, flag, width, '0'),
                'V' => Num(ISOWeek.GetWeekOfYear(t.DateTime), 2, flag, width, '0'),
                'U' => Num((t.DayOfYear + 6 - (int)t.DayOfWeek) / 7, 2, flag, width, '0'),
                'W' => Num((t.DayOfYear + 6 - ((int)t.DayOfWeek + 6) % 7) / 7, 2, flag, width, '0'),
                's' => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                'n' => "\n",
                't' => "\t",
                '%' => "%",
                'F' => Format(t, "%Y-%m-%d", zone),
                'D' or 'x' => Format(t, "%m/%d/%y"),
                'T' or 'X' => Format(t, "%H:%M:%S"),
                'R' => Format(t, "%H:%M"),
                'r' => Format(t, "%I:%M:%S %p"),
                'c' => Format(t, "%a %b %e %H:%M:%S %Y"),
                '+' => Format(t, "%a %b %e %H:%M:%S %Z %Y", zone),
                'v' => Format(t, "%e-%^b-%Y"),
                _ => null,
            };
            if (text is null)
            {
                sb.Append(format, start, i - start + 1);
                continue;
            }
            if (upper) text = text.ToUpperInvariant();
            else if (swap && d is 'A' or 'a' or 'B' or 'b' or 'h') text = text.ToUpperInvariant();
            if (width > text.Length && d is 'A' or 'a' or 'B' or 'b' or 'h' or 'p' or 'P' or 'Z')
                text = text.PadLeft(width, flag == '0' ? '0' : ' ');
            sb.Append(text);
        }
        return sb.ToString();
    }

    private static string Num(int value, int defaultWidth, char? flag, int width, char defaultPad)
    {
        var w = width > 0 ? width : defaultWidth;
        var s = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var sign = value < 0 ? "-" : "";
        if (flag == '-') return sign + s;
        var pad = flag == '_' ? ' ' : flag == '0' ? '0' : defaultPad;
        return sign + s.PadLeft(w - sign.Length, pad);
    }

    private static string Zone(TimeSpan offset, int colons)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var h = Math.Abs(offset.Hours).ToString("00", CultureInfo.InvariantCulture);
        var m = Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture);
        return colons switch { 1 => $"{sign}{h}:{m}", 2 => $"{sign}{h}:{m}:00", _ => $"{sign}{h}{m}" };
    }
}
