namespace Homepage.Engine.Utilities;

/// <summary>Ruby's <c>&lt;=&gt;</c> on the engine's values: null when the two cannot be compared.</summary>
public static class RubyCompare
{
    public static int? Compare(object? a, object? b)
    {
        switch (a, b)
        {
            case (null, _) or (_, null): return null;
            case (string x, string y): return Math.Sign(string.CompareOrdinal(x, y));
            case (DateTimeOffset x, DateTimeOffset y): return x.CompareTo(y);
            case (DateOnly x, DateOnly y): return x.CompareTo(y);
            case (bool, _) or (_, bool): return Equals(a, b) ? 0 : null;
        }
        if (IsNumber(a) && IsNumber(b)) return Convert.ToDouble(a).CompareTo(Convert.ToDouble(b));
        return null;
    }

    private static bool IsNumber(object o) => o is long or int or double or float or decimal or short or byte;
}
