using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Docker</c> lexer (<c>docker</c>, <c>dockerfile</c>): instructions as keywords, their arguments
/// as strings, and <c>RUN</c> lines through one shell lexer run that continues across lines.</summary>
public sealed class Docker : RegexLexer
{
    private static readonly Shell ShellLexer = new();
    private const string Keywords = "FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|STOPSIGNAL|HEALTHCHECK|SHELL";

    public override string Tag => "docker";
    public override IReadOnlyList<string> Aliases => ["dockerfile"];

    protected override void Start(Run run) => run.Vars["shell"] = ShellLexer.StartRun();

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Rule(Rx(@"\s+"), "Text")
            .Groups(Rx(@"^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)", i: true),
                ["Keyword", "Text.Whitespace", "Literal.String", "Text.Whitespace", "Keyword", "Text.Whitespace", "Literal.String"])
            .Groups(Rx(@"^(ONBUILD)(\s+)(" + Keywords + @")(.*)", i: true), ["Keyword", "Text.Whitespace", "Keyword", "Literal.String"])
            .Groups(Rx(@"^(" + Keywords + @")\b(.*)", i: true), ["Keyword", "Literal.String"])
            .Rule(Rx(@"#.*?$"), "Comment")
            .Rule(Rx(@"^(ONBUILD\s+)?RUN(\s+)", i: true), run =>
            {
                run.Token("Keyword");
                run.Push("run");
                ((Run)run.Vars["shell"]!).Reset();
            })
            .Rule(Rx(@"\w+"), "Text")
            .Rule(Rx(@"[^\w]+"), "Text")
            .Rule(Rx("."), "Text");

        states["run"]
            .Rule(Rx(@"\n"), "Text", "#pop")
            .Rule(Rx(@"\\.", m: true), "Literal.String.Escape")
            .Rule(Rx(@"(\\.|[^\n\\])+"), run => run.Delegate((Run)run.Vars["shell"]!));
    }
}
