using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>HTML</c> lexer (<c>html</c>), rule for rule; scripts and styles go to the JavaScript and CSS lexers.</summary>
public sealed class Html : RegexLexer
{
    private static readonly Javascript JavascriptLexer = new();
    private static readonly Css CssLexer = new();

    public override string Tag => "html";

    protected override void Start(Run run)
    {
        run.Vars["javascript"] = JavascriptLexer.StartRun();
        run.Vars["css"] = CssLexer.StartRun();
    }

    private static Run Sub(Run r, string name) => (Run)r.Vars[name]!;

    private const string Name = @"[\p{L}:_-][\p{Word}\p{Cf}:.·-]*";

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Rule(Rx("[^<&]+", m: true), "Text")
            .Rule(Rx(@"&\S*?;"), "Name.Entity")
            .Rule(Rx("<!DOCTYPE .*?>", m: true, i: true), "Comment.Preproc")
            .Rule(Rx(@"<!\[CDATA\[.*?\]\]>", m: true), "Comment.Preproc")
            .Rule(Rx("<!--"), "Comment", "comment")
            .Rule(Rx(@"<\?.*?\?>", m: true), "Comment.Preproc")
            .Rule(Rx(@"<\s*script\s*", m: true), r =>
            {
                r.Token("Name.Tag");
                Sub(r, "javascript").Reset();
                r.Push("script_content");
                r.Push("tag");
            })
            .Rule(Rx(@"<\s*style\s*", m: true), r =>
            {
                r.Token("Name.Tag");
                Sub(r, "css").Reset();
                r.Vars["lang"] = Sub(r, "css");
                r.Push("style_content");
                r.Push("tag");
            })
            .Rule(Rx("</"), "Name.Tag", "tag_end")
            .Rule(Rx("<"), "Name.Tag", "tag_start")
            .Rule(Rx(@"<\s*" + Name), "Name.Tag", "tag")
            .Rule(Rx(@"<\s*/\s*" + Name + @"\s*>"), "Name.Tag");

        states["tag_end"]
            .Mixin("tag_end_end")
            .Rule(Rx(Name), r => { r.Token("Name.Tag"); r.Goto("tag_end_end"); });

        states["tag_end_end"]
            .Rule(Rx(@"\s+"), "Text")
            .Rule(Rx(">"), "Name.Tag", "#pop");

        states["tag_start"]
            .Rule(Rx(@"\s+"), "Text")
            .Rule(Rx(Name), r => { r.Token("Name.Tag"); r.Goto("tag"); })
            .Rule(Rx(""), r => r.Goto("tag"));

        states["comment"]
            .Rule(Rx("[^-]+"), "Comment")
            .Rule(Rx("-->"), "Comment", "#pop")
            .Rule(Rx("-"), "Comment");

        states["tag"]
            .Rule(Rx(@"\s+", m: true), "Text")
            .Rule(Rx(@"[\p{L}:_\[\]()*.-][\p{Word}\p{Cf}:.·\[\]()*-]*\s*=\s*", m: true), "Name.Attribute", "attr")
            .Rule(Rx(@"[\p{L}:_*#-][\p{Word}\p{Cf}:.·*#-]*"), "Name.Attribute")
            .Rule(Rx(@"/?\s*>", m: true), "Name.Tag", "#pop");

        states["attr"]
            .Rule(Rx("\""), r => { r.Token("Literal.String"); r.Goto("dq"); })
            .Rule(Rx("'"), r => { r.Token("Literal.String"); r.Goto("sq"); })
            .Rule(Rx(@"[^\s>]+"), "Literal.String", "#pop");

        states["dq"]
            .Rule(Rx("\""), "Literal.String", "#pop")
            .Rule(Rx("[^\"]+"), "Literal.String");

        states["sq"]
            .Rule(Rx("'"), "Literal.String", "#pop")
            .Rule(Rx("[^']+"), "Literal.String");

        states["script_content"]
            .Rule(Rx("[^<]+"), r => r.Delegate(Sub(r, "javascript")))
            .Rule(Rx(@"<\s*/\s*script\s*>", m: true), "Name.Tag", "#pop")
            .Rule(Rx("<"), r => r.Delegate(Sub(r, "javascript")));

        states["style_content"]
            .Rule(Rx("[^<]+"), r => r.Delegate((Run)r.Vars["lang"]!))
            .Rule(Rx(@"<\s*/\s*style\s*>", m: true), "Name.Tag", "#pop")
            .Rule(Rx("<"), r => r.Delegate((Run)r.Vars["lang"]!));
    }
}
