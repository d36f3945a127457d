using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Homepage.Engine.Yaml;

/// <summary>
/// Loads YAML the way Jekyll does (<c>Psych.safe_load</c> with Date and Time permitted): plain scalars are
/// resolved with Psych's ScalarScanner rules into nil, booleans, integers, floats, <see cref="DateOnly"/> and
/// <see cref="DateTimeOffset"/>; quoted and tagged-string scalars stay strings; mappings keep their order.
/// </summary>
public static partial class RubyYaml
{
    /// <summary>Parse one YAML document. Returns null for an empty document.
    /// Throws <see cref="YamlLoadException"/> with the line and column of a syntax error.</summary>
    public static object? Load(string text)
    {
        CheckNesting(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new YamlLoadException(DescribeError(e), (int)e.Start.Line, (int)e.Start.Column, e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            var (line, column) = LastGoodPosition(text);
            throw new YamlLoadException("could not parse the YAML here", line, column, e);
        }
        if (stream.Documents.Count == 0) return null;
        return new Converter().Convert(stream.Documents[0].RootNode, 0);
    }

    /// <summary>The deepest nesting a YAML text may have: YamlDotNet recurses per level and would overflow the stack.</summary>
    public const int MaxNesting = 1000;

    /// <summary>
    /// Refuses text nested deeper than <see cref="MaxNesting"/> before parsing it. The bound is generous: flow
    /// brackets open across lines, and a line's own indentation plus its block indicators (<c>- </c>, <c>? </c>) is at
    /// least as deep as what the line nests; quoted text and comments are skipped.
    /// </summary>
    private static void CheckNesting(string text)
    {
        var flow = 0;
        var line = 1;
        var lineStart = true;
        var indent = 0;
        var indicators = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    lineStart = true;
                    indent = indicators = 0;
                    continue;
                case ' ' when lineStart:
                    indent++;
                    continue;
                case '#' when i == 0 || text[i - 1] is ' ' or '\t' or '\n':
                    while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                    continue;
                case '"' or '\'' when flow > 0 || i == 0 || text[i - 1] is ' ' or '\t' or '\n' or '[' or '{' or ',' or ':':
                    for (i++; i < text.Length && text[i] != c; i++)
                    {
                        if (text[i] == '\\' && c == '"') i++;
                        else if (text[i] == '\n') line++;
                    }
                    break;
                case '[' or '{':
                    flow++;
                    break;
                case ']' or '}':
                    flow = Math.Max(0, flow - 1);
                    break;
                case '-' or '?' or ':' when i + 1 < text.Length && text[i + 1] is ' ' or '\n':
                    indicators++;
                    break;
            }
            if (c != ' ' && c != '-' && c != '?') lineStart = false;
            if (flow > MaxNesting || indent / 2 + indicators > MaxNesting)
                throw new YamlLoadException($"nesting too deep (more than {MaxNesting} levels)", line, 1, null);
        }
    }

    /// <summary>Where YamlDotNet's scanner stopped, for errors it raises without a position.</summary>
    private static (int Line, int Column) LastGoodPosition(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        Mark last = Mark.Empty;
        try
        {
            // YamlDotNet's scanner can loop on some malformed input: a document has fewer tokens than characters.
            for (var tokens = 0; tokens <= text.Length + 16 && scanner.MoveNext(); tokens++) last = scanner.Current!.End;
        }
        catch (Exception)
        {
            // the position reached so far is the answer
        }
        return ((int)last.Line, (int)last.Column);
    }

    private static string DescribeError(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes "(Line: 1, Col: 2, Idx: 3) - (Line: ...): "; Psych prints its own words, so keep the reason only.
        var idx = message.LastIndexOf("): ", StringComparison.Ordinal);
        return idx >= 0 ? message[(idx + 3)..] : message;
    }

    /// <summary>
    /// Converts nodes once each: an alias is the same node as its anchor, so a document of aliases of aliases
    /// ("billion laughs") costs its size, not its expansion; an alias inside its own anchor is refused.
    /// </summary>
    private sealed class Converter
    {
        private readonly Dictionary<YamlNode, object?> _done = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<YamlNode> _active = new(ReferenceEqualityComparer.Instance);

    public object? Convert(YamlNode node, int depth)
    {
        if (_done.TryGetValue(node, out var cached)) return cached;
        if (!_active.Add(node)) throw new YamlLoadException("an alias refers to its own anchor (a recursive structure)", (int)node.Start.Line, (int)node.Start.Column);
        try
        {
            var result = ConvertNode(node, depth);
            if (node is not YamlScalarNode) _done[node] = result;
            return result;
        }
        finally
        {
            _active.Remove(node);
        }
    }

    private object? ConvertNode(YamlNode node, int depth)
    {
        if (depth > 512) throw new YamlLoadException("nesting too deep", (int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlScalarNode scalar:
                return ConvertScalar(scalar);
            case YamlSequenceNode sequence:
            {
                var list = new List<object?>(sequence.Children.Count);
                foreach (var child in sequence.Children) list.Add(Convert(child, depth + 1));
                return list;
            }
            case YamlMappingNode mapping:
            {
                var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is YamlScalarNode { Value: "<<" } k && k.Style == ScalarStyle.Plain)
                    {
                        MergeKey(map, Convert(valueNode, depth + 1));
                        continue;
                    }
                    var key = KeyToString(Convert(keyNode, depth + 1));
                    map[key] = Convert(valueNode, depth + 1);
                }
                return map;
            }
            default:
                return null;
        }
    }
    }

    private static void MergeKey(OrderedDictionary<string, object?> map, object? merged)
    {
        var sources = merged is List<object?> list ? list : [merged];
        foreach (var source in sources)
            if (source is IDictionary<string, object?> hash)
                foreach (var (k, v) in hash)
                    map.TryAdd(k, v);
    }

    private static string KeyToString(object? key) => key switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        _ => Utilities.RubyValue.ToS(key),
    };

    private static object? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag != null)
        {
            switch (tag)
            {
                case "tag:yaml.org,2002:str": return value;
                case "tag:yaml.org,2002:int": return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : value;
                case "tag:yaml.org,2002:float": return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : value;
                case "tag:yaml.org,2002:null": return null;
                case "tag:yaml.org,2002:bool": return Tokenize(value);
                case "!": return value;
            }
        }
        if (scalar.Style != ScalarStyle.Plain) return value;
        return Tokenize(value);
    }

    [GeneratedRegex(@"^[^\d.:-]?[\p{L}\p{M}_\s!@#$%\^&*(){}<>|/\\~;=]+")]
    private static partial Regex Wordish();
    [GeneratedRegex(@"^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$")]
    private static partial Regex TimeRegex();
    [GeneratedRegex(@"^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$")]
    private static partial Regex DateRegex();
    [GeneratedRegex(@"^(?:[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?)$")]
    private static partial Regex FloatRegex();
    [GeneratedRegex(@"^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$")]
    private static partial Regex IntegerRegex();
    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$")]
    private static partial Regex SexagesimalInt();
    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$")]
    private static partial Regex SexagesimalFloat();

    /// <summary>Psych's <c>ScalarScanner#tokenize</c> for a plain scalar.</summary>
    public static object? Tokenize(string s)
    {
        if (s.Length == 0) return null;
        if (Wordish().IsMatch(s) || s.Contains('\n'))
        {
            if (s.Length > 5) return s;
            var c = char.ToLowerInvariant(s[0]);
            if (c is not ('y' or 't' or 'o' or 'n' or 'f' or '~')) return s;
            if (s == "~" || s.Equals("null", StringComparison.OrdinalIgnoreCase)) return null;
            if (s.Equals("yes", StringComparison.OrdinalIgnoreCase) || s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("on", StringComparison.OrdinalIgnoreCase)) return true;
            if (s.Equals("no", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("off", StringComparison.OrdinalIgnoreCase)) return false;
            return s;
        }
        if (TimeRegex().IsMatch(s)) return ParseTime(s) ?? (object)s;
        if (DateRegex().IsMatch(s))
        {
            var parts = s.Split('-');
            try { return new DateOnly(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture)); }
            catch (ArgumentOutOfRangeException) { return s; }
        }
        if (s.Equals(".inf", StringComparison.OrdinalIgnoreCase) || s.Equals("+.inf", StringComparison.OrdinalIgnoreCase)) return double.PositiveInfinity;
        if (s.Equals("-.inf", StringComparison.OrdinalIgnoreCase)) return double.NegativeInfinity;
        if (s.Equals(".nan", StringComparison.OrdinalIgnoreCase)) return double.NaN;
        if (s.Length > 1 && s[0] == ':') return s; // a Symbol: not permitted by safe_load; kept as text
        if (SexagesimalInt().IsMatch(s))
        {
            long total = 0;
            var parts = s.Split(':');
            for (var i = 0; i < parts.Length; i++)
                total += long.Parse(parts[i].Replace("_", ""), CultureInfo.InvariantCulture) * (long)Math.Pow(60, Math.Abs(i - 2));
            return total;
        }
        if (SexagesimalFloat().IsMatch(s))
        {
            double total = 0;
            var parts = s.Split(':');
            for (var i = 0; i < parts.Length; i++)
                total += double.Parse(parts[i].Replace("_", ""), CultureInfo.InvariantCulture) * Math.Pow(60, Math.Abs(i - 2));
            return total;
        }
        if (FloatRegex().IsMatch(s))
        {
            if (s is "." or "+." or "-.") return s;
            var cleaned = s.Replace(",", "").Replace("_", "");
            cleaned = Regex.Replace(cleaned, @"\.([Ee]|$)", "$1");
            return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : s;
        }
        if (IntegerRegex().IsMatch(s)) return ParseInteger(s.Replace(",", "").Replace("_", "")) ?? (object)s;
        return s;
    }

    private static object? ParseInteger(string s)
    {
        var negative = s.StartsWith('-');
        var body = s.TrimStart('+', '-');
        try
        {
            long value;
            if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) value = System.Convert.ToInt64(body[2..], 16);
            else if (body.StartsWith("0b", StringComparison.OrdinalIgnoreCase)) value = System.Convert.ToInt64(body[2..], 2);
            else if (body.Length > 1 && body[0] == '0') value = System.Convert.ToInt64(body[1..], 8);
            else value = long.Parse(body, CultureInfo.InvariantCulture);
            return negative ? -value : value;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        }
    }

    [GeneratedRegex(@"^(-?\d{4})-(\d{1,2})-(\d{1,2})[ tT]\s*(\d+):(\d+):(\d+)(?:\.(\d*))?\s*(Z|[-+]\d+(?::?\d\d)?)?")]
    private static partial Regex TimeParts();

    /// <summary>Psych's <c>parse_time</c>: no zone means UTC; the instant is kept with its stated offset.</summary>
    private static DateTimeOffset? ParseTime(string s)
    {
        var m = TimeParts().Match(s);
        if (!m.Success) return null;
        try
        {
            int I(int g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            var ticks = 0L;
            if (m.Groups[7].Success && m.Groups[7].Value.Length > 0)
            {
                var frac = (m.Groups[7].Value + "0000000")[..7];
                ticks = long.Parse(frac, CultureInfo.InvariantCulture);
            }
            var offset = TimeSpan.Zero;
            if (m.Groups[8].Success && m.Groups[8].Value != "Z")
            {
                var tz = m.Groups[8].Value;
                var sign = tz[0] == '-' ? -1 : 1;
                var digits = tz[1..].Replace(":", "");
                int hours, minutes = 0;
                if (digits.Length <= 2) hours = int.Parse(digits, CultureInfo.InvariantCulture);
                else { hours = int.Parse(digits[..^2], CultureInfo.InvariantCulture); minutes = int.Parse(digits[^2..], CultureInfo.InvariantCulture); }
                offset = new TimeSpan(sign * hours, sign * minutes, 0);
            }
            var dt = new DateTime(I(1), I(2), I(3), 0, 0, 0, DateTimeKind.Unspecified)
                .AddHours(I(4)).AddMinutes(I(5)).AddSeconds(I(6)).AddTicks(ticks);
            return new DateTimeOffset(dt, offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}

public sealed class YamlLoadException : Exception
{
    public YamlLoadException(string message, int line, int column, Exception? inner = null) : base(message, inner)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }
    public int Column { get; }
}
