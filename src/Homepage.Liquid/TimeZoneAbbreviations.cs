using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Homepage.Liquid;

/// <summary>
/// The zone abbreviation Ruby's <c>%Z</c> prints (<c>CET</c>, <c>CEST</c>, <c>UTC</c>), read from the system's tz database
/// (TZif files), as the C library Ruby calls does. .NET exposes offsets but not these names.
/// </summary>
public static class TimeZoneAbbreviations
{
    private static readonly ConcurrentDictionary<string, ZoneNames> Cache = new();

    /// <summary>A TZif file's local time types and its footer's names for today's rule.</summary>
    private sealed record ZoneNames((int Offset, bool Dst, string Abbreviation)[] Types, (string Std, string? Dst)? Footer);
    private static readonly string[] Roots = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"];

    public static string Get(TimeZoneInfo? zone, DateTimeOffset time)
    {
        if (zone is null) return time.Offset == TimeSpan.Zero ? "UTC" : "";
        var offset = (int)time.Offset.TotalSeconds;
        if ((int)zone.GetUtcOffset(time).TotalSeconds != offset) return offset == 0 ? "UTC" : "";
        var dst = zone.IsDaylightSavingTime(time);
        // Today's rule (the TZif footer, e.g. EST5EDT,M3.2.0,M11.1.0) names current times; the table of types also
        // holds historic names with the same offset (New York's EPT of 1945).
        var names = Cache.GetOrAdd(zone.Id, Load);
        if (names.Footer is { } f && (dst ? f.Dst : f.Std) is { Length: > 0 } name) return name;
        var types = names.Types;
        for (var i = types.Length - 1; i >= 0; i--)
            if (types[i].Offset == offset && types[i].Dst == dst) return types[i].Abbreviation;
        for (var i = types.Length - 1; i >= 0; i--)
            if (types[i].Offset == offset) return types[i].Abbreviation;
        return zone.Id is "UTC" or "Etc/UTC" || offset == 0 && types.Length == 0 ? "UTC" : "";
    }

    private static ZoneNames Load(string id)
    {
        foreach (var root in Roots)
        {
            var path = Path.Combine(root, id);
            if (!File.Exists(path)) continue;
            try
            {
                var data = File.ReadAllBytes(path);
                return new ZoneNames(Parse(data), Footer(data));
            }
            catch (Exception e) when (e is IOException or ArgumentException or IndexOutOfRangeException)
            {
                return new ZoneNames([], null);
            }
        }
        return new ZoneNames([], null);
    }

    /// <summary>The std and dst names of the POSIX TZ string at the end of a TZif file (<c>EST5EDT,M3.2.0,M11.1.0</c>).</summary>
    private static (string Std, string? Dst)? Footer(byte[] data)
    {
        if (data.Length < 2 || data[^1] != '\n') return null;
        var start = Array.LastIndexOf(data, (byte)'\n', data.Length - 2);
        if (start < 0) return null;
        var tz = System.Text.Encoding.ASCII.GetString(data, start + 1, data.Length - start - 2);
        var m = System.Text.RegularExpressions.Regex.Match(tz, @"^(<[^>]*>|[A-Za-z]+)[-+0-9:]+(<[^>]*>|[A-Za-z]+)?");
        if (!m.Success) return null;
        static string Name(string n) => n.StartsWith('<') ? n[1..^1] : n;
        return (Name(m.Groups[1].Value), m.Groups[2].Success ? Name(m.Groups[2].Value) : null);
    }

    /// <summary>The local time types of a TZif file (the version 1 block suffices for names).</summary>
    private static (int, bool, string)[] Parse(byte[] data)
    {
        if (data.Length < 44 || data[0] != 'T' || data[1] != 'Z' || data[2] != 'i' || data[3] != 'f') return [];
        int Count(int index) => BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(20 + index * 4, 4));
        var timecnt = Count(3);
        var typecnt = Count(4);
        var charcnt = Count(5);
        var pos = 44 + timecnt * 5;
        var types = new (int Offset, bool Dst, int Index)[typecnt];
        for (var i = 0; i < typecnt; i++, pos += 6)
            types[i] = (BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos, 4)), data[pos + 4] != 0, data[pos + 5]);
        var chars = System.Text.Encoding.ASCII.GetString(data, pos, charcnt);
        var result = new (int, bool, string)[typecnt];
        for (var i = 0; i < typecnt; i++)
        {
            var end = chars.IndexOf('\0', types[i].Index);
            result[i] = (types[i].Offset, types[i].Dst, end < 0 ? chars[types[i].Index..] : chars[types[i].Index..end]);
        }
        return result;
    }
}
