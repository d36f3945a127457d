using System.Text;

namespace Homepage.Rouge.Formatters;

/// <summary>rouge's <c>Formatters::HTML</c>: each token as <c>&lt;span class="SHORT"&gt;</c>, Text bare; <c>&amp; &lt; &gt;</c> escaped.</summary>
public static class HtmlFormatter
{
    /// <param name="sourceLength">The code's length, when known: spans make the HTML about four times longer, and
    /// a builder sized up front spares a large file the repeated growth of its buffer.</param>
    public static string Format(IEnumerable<(Token Token, string Value)> tokens, int sourceLength = 0)
    {
        var sb = new StringBuilder(Math.Clamp(sourceLength * 4, 16, 64 * 1024 * 1024));
        foreach (var (token, value) in tokens)
        {
            if (ReferenceEquals(token, Token.Text))
                AppendEscaped(sb, value);
            else
            {
                sb.Append("<span class=\"").Append(token.Shortname).Append("\">");
                AppendEscaped(sb, value);
                sb.Append("</span>");
            }
        }
        return sb.ToString();
    }

    public static void AppendEscaped(StringBuilder sb, string value)
    {
        var rest = value.AsSpan();
        while (true)
        {
            var i = rest.IndexOfAny('&', '<', '>');
            if (i < 0)
            {
                sb.Append(rest);
                return;
            }
            sb.Append(rest[..i]);
            sb.Append(rest[i] switch { '&' => "&amp;", '<' => "&lt;", _ => "&gt;" });
            rest = rest[(i + 1)..];
        }
    }
}
