namespace Homepage.Liquid;

/// <summary>HTML escaping as Ruby's CGI and Liquid do it (never the numeric entities .NET's encoders write for non-ASCII).</summary>
public static class CgiHtml
{
    /// <summary>Ruby's <c>CGI.escapeHTML</c>: <c>&amp; &lt; &gt; " '</c> and nothing else.</summary>
    public static string Escape(string s) => EscapeHtml(s, once: false);

    /// <summary>Liquid's <c>escape_once</c>: as <see cref="Escape"/>, keeping an <c>&amp;</c> that starts <c>&amp;name;</c> or <c>&amp;#123;</c>.</summary>
    public static string EscapeOnce(string s) => EscapeHtml(s, once: true);

    private static string EscapeHtml(string s, bool once)
    {
        if (s.AsSpan().IndexOfAny("&<>\"'") < 0) return s;
        var sb = new System.Text.StringBuilder(s.Length + 16);
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '&' when once && StartsEntity(s, i + 1): sb.Append('&'); break;
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(s[i]); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>At <paramref name="i"/>: <c>[a-zA-Z]+;</c> or <c>#\d+;</c> (Liquid's HTML_ESCAPE_ONCE_REGEXP lookahead).</summary>
    private static bool StartsEntity(string s, int i)
    {
        var j = i;
        if (j < s.Length && s[j] == '#')
        {
            j++;
            var start = j;
            while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
            return j > start && j < s.Length && s[j] == ';';
        }
        var begin = j;
        while (j < s.Length && char.IsAsciiLetter(s[j])) j++;
        return j > begin && j < s.Length && s[j] == ';';
    }
}
