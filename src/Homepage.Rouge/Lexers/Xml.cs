using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>XML</c> lexer (<c>xml</c>), rule for rule.</summary>
public sealed class Xml : RegexLexer
{
    public override string Tag => "xml";

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Rule(Rx("[^<&]+"), "Text")
            .Rule(Rx(@"&\S*?;"), "Name.Entity")
            .Rule(Rx(@"<!\[CDATA\[.*?\]\]\>"), "Comment.Preproc")
            .Rule(Rx("<!--"), "Comment", "comment")
            .Rule(Rx(@"<\?.*?\?>"), "Comment.Preproc")
            .Rule(Rx("<![^>]*>"), "Comment.Preproc")
            .Rule(Rx(@"<\s*[\p{L}:_][\p{Word}\p{Cf}:.·-]*", m: true), "Name.Tag", "tag")
            .Rule(Rx(@"<\s*/\s*[\p{L}:_][\p{Word}\p{Cf}:.·-]*\s*>", m: true), "Name.Tag");

        states["comment"]
            .Rule(Rx("[^-]+", m: true), "Comment")
            .Rule(Rx("-->"), "Comment", "#pop")
            .Rule(Rx("-"), "Comment");

        states["tag"]
            .Rule(Rx(@"\s+", m: true), "Text")
            .Rule(Rx(@"[\p{L}:_][\p{Word}\p{Cf}:.·-]*\s*=", m: true), "Name.Attribute", "attr")
            .Rule(Rx(@"/?\s*>"), "Name.Tag", "#pop");

        states["attr"]
            .Rule(Rx(@"\s+", m: true), "Text")
            .Rule(Rx(@""".*?""|'.*?'|[^\s>]+", m: true), "Literal.String", "#pop");
    }
}
