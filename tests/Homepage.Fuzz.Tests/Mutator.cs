using System.Text;

namespace Homepage.Fuzz.Tests;

/// <summary>Seeded mutations of real inputs: tokens of the languages inserted, spans deleted, duplicated or swapped.</summary>
public sealed class Mutator
{
    private static readonly string[] Tokens =
    [
        "{%", "%}", "{{", "}}", "{%-", "-%}", "|", ":", ",", "\"", "'", "[", "]", "(", ")", "..", ".", "\n", "\r\n", "\t", " ",
        "---\n", "- ", "# ", "*", "_", "`", "```", "<div>", "</div>", "<!--", "-->", "&amp;", "\\", "\0", "\uFEFF", "é", "🔥", "\u0301",
        "if", "endif", "for", "endfor", "in", "assign", "capture", "endcapture", "include", "raw", "endraw", "comment", "endcomment",
        "case", "when", "else", "elsif", "unless", "limit:", "offset:", "reversed", "where_exp", "append", "date", "jsonify",
        "true", "false", "nil", "empty", "blank", "-1", "0", "1e308", "99999999999999999999", "&", "*anchor", "&anchor", "<<", "!!str", "? ",
    ];

    private readonly Random _random;

    public Mutator(int seed) => _random = new Random(seed);

    public string Mutate(string input)
    {
        var sb = new StringBuilder(input);
        var edits = 1 + _random.Next(4);
        for (var i = 0; i < edits; i++)
        {
            var at = sb.Length == 0 ? 0 : _random.Next(sb.Length + 1);
            switch (_random.Next(5))
            {
                case 0 or 1:
                    sb.Insert(at, Tokens[_random.Next(Tokens.Length)]);
                    break;
                case 2 when sb.Length > 0:
                    sb.Remove(Math.Min(at, sb.Length - 1), Math.Min(1 + _random.Next(12), sb.Length - Math.Min(at, sb.Length - 1)));
                    break;
                case 3 when sb.Length > 0:
                {
                    var start = _random.Next(sb.Length);
                    var length = Math.Min(1 + _random.Next(40), sb.Length - start);
                    sb.Insert(at, sb.ToString(start, length));
                    break;
                }
                default:
                    sb.Insert(at, (char)_random.Next(1, 0x3000));
                    break;
            }
        }
        return sb.ToString();
    }
}
