using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Homepage.Liquid;

/// <summary>
/// The zone abbreviation Ruby's <c>%Z</c> prints (<c>CET</c>, <c>CEST</c>, <c>UTC</c>), read from the system's tz database
/// (TZif files), as the C library Ruby calls does. .NET exposes offsets but not these names.
/// </summary>
public static class TimeZoneAbbreviations
{
    private static readonly ConcurrentDictionary<string, (int Offset, bool Dst, string Abbreviation)[]> Cache = new();
    private static readonly string[] Roots = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"];

    public static string Get(TimeZoneInfo? zone, DateTimeOffset time)
    {
        if (zone is null) return time.Offset == TimeSpan.Zero ? "UTC" : "";
        var offset = (int)time.Offset.TotalSeconds;
        if ((int)zone.GetUtcOffset(time).TotalSeconds != offset) return offset == 0 ? "UTC" : "";
        var dst = zone.IsDaylightSavingTime(time);
        var types = Cache.GetOrAdd(zone.Id, Load);
        for (var i = types.Length - 1; i >= 0; i--)
            if (types[i].Offset == offset && types[i].Dst == dst) return types[i].Abbreviation;
        for (var i = types.Length - 1; i >= 0; i--)
            if (types[i].Offset == offset) return types[i].Abbreviation;
        return zone.Id is "UTC" or "Etc/UTC" || offset == 0 && types.Length == 0 ? "UTC" : "";
    }

    private static (int, bool, string)[] Load(string id)
    {
        foreach (var root in Roots)
        {
            var path = Path.Combine(root, id);
            if (!File.Exists(path)) continue;
            try
            {
                return Parse(File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or ArgumentException or IndexOutOfRangeException)
            {
                return [];
            }
        }
        return [];
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
