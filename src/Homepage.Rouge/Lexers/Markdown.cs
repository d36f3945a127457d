using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Markdown</c> lexer (<c>markdown</c>, <c>md</c>, <c>mkd</c>): YAML front matter, headings,
/// fenced code through the lexer its info string names (or rouge's guess from the code), lists, quotes, links,
/// emphasis, and inline HTML through one HTML lexer run.</summary>
public sealed class Markdown : RegexLexer
{
    private static readonly Html HtmlLexer = new();
    private static readonly Yaml YamlLexer = new();
    private const string Edot = @"(?:\\.|[^\\\n])";

    public override string Tag => "markdown";
    public override IReadOnlyList<string> Aliases => ["md", "mkd"];

    protected override void Start(Run run) => run.Vars["html"] = HtmlLexer.StartRun();

    /// <summary>An unknown language's code: rouge's PlainText with the <c>Str::Backtick</c> token.</summary>
    private sealed class BacktickText : ILexer
    {
        public static readonly BacktickText Instance = new();
        public string Tag => "plaintext";
        public IReadOnlyList<string> Aliases => [];
        public IEnumerable<(Token Token, string Value)> Lex(string text)
        {
            yield return (Token.Get("Literal.String.Backtick"), text);
        }
    }

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Rule(Rx(@"\A(---\s*\n.*?\n?)^(---\s*$\n?)", m: true), run => run.Delegate(YamlLexer))
            .Rule(Rx(@"\\."), "Literal.String.Escape")
            .Rule(Rx(@"^[\S ]+\n(?:---*)\n"), "Generic.Heading")
            .Rule(Rx(@"^[\S ]+\n(?:===*)\n"), "Generic.Subheading")
            .Rule(Rx(@"^#(?=[^#]).*?$"), "Generic.Heading")
            .Rule(Rx(@"^##*.*?$"), "Generic.Subheading")
            .Rule(Rx(@"^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?", m: true), Fence)
            .Rule(Rx(@"\n\n((    |\t).*?\n|\n)+"), "Literal.String.Backtick")
            .Rule(Rx(@"(`+)(?:" + Edot + @"|\n)+?\1"), "Literal.String.Backtick")
            .Rule(Rx(@"^(\s*[*]){3,}\s*$"), "Punctuation")
            .Rule(Rx(@"^(\s*[-]){3,}\s*$"), "Punctuation")
            .Rule(Rx(@"^\s*[*+-](?=\s)"), "Punctuation")
            .Rule(Rx(@"^\s*\d+\."), "Punctuation")
            .Rule(Rx(@"^\s*>.*?$"), "Generic.Traceback")
            .Rule(Rx(@"^
                (\s*) # leading whitespace
                (\[) (" + Edot + @"+?) (\]) # the reference
                (\s*) (:) # colon
                ", x: true), run =>
            {
                run.Groups("Text", "Punctuation", "Literal.String.Symbol", "Punctuation", "Text", "Punctuation");
                run.Push("title");
                run.Push("url");
            })
            .Groups(Rx(@"(!?\[)(" + Edot + @"*?|[^\]]*?)(\])(?=[\[(])"), ["Punctuation", "Name.Variable", "Punctuation"], "link")
            .Rule(Rx(@"[*][*]" + Edot + @"*?[*][*]"), "Generic.Strong")
            .Rule(Rx(@"__" + Edot + @"*?__"), "Generic.Strong")
            .Rule(Rx(@"[*]" + Edot + @"*?[*]"), "Generic.Emph")
            .Rule(Rx(@"_" + Edot + @"*?_"), "Generic.Emph")
            .Rule(Rx(@"<.*?@.+[.].+>"), "Name.Variable")
            .Rule(Rx(@"<(https?|mailto|ftp)://" + Edot + @"*?>"), "Name.Variable")
            .Rule(Rx(@"[^\\`\[*\n&<]+"), "Text")
            .Rule(Rx(@"&\S*;"), run => run.Delegate((Run)run.Vars["html"]!))
            .Rule(Rx(@"<" + Edot + @"*?>"), run => run.Delegate((Run)run.Vars["html"]!))
            .Rule(Rx(@"[&<]"), "Text")
            .Rule(Rx(@"\["), "Text")
            .Rule(Rx(@"\n"), "Text");

        states["link"]
            .Rule(Rx(@"(\[)(" + Edot + @"*?)(\])"), run => { run.Groups("Punctuation", "Literal.String.Symbol", "Punctuation"); run.Pop(); })
            .Rule(Rx(@"[(]"), run =>
            {
                run.Token("Punctuation");
                run.Push("inline_title");
                run.Push("inline_url");
            })
            .Rule(Rx(@"[ \t]+"), "Text")
            .Rule(Rx(""), run => run.Pop());

        states["url"]
            .Rule(Rx(@"[ \t]+"), "Text")
            .Rule(Rx(@"(<)(" + Edot + @"*?)(>)"), run => { run.Groups("Name.Tag", "Literal.String.Other", "Name.Tag"); run.Pop(); })
            .Rule(Rx(@"\S+"), "Literal.String.Other", "#pop");

        states["title"]
            .Rule(Rx("\"" + Edot + "*?\""), "Name.Namespace")
            .Rule(Rx("'" + Edot + "*?'"), "Name.Namespace")
            .Rule(Rx(@"[(]" + Edot + @"*?[)]"), "Name.Namespace")
            .Rule(Rx(@"\s*(?=[""'()])"), "Text")
            .Rule(Rx(""), run => run.Pop());

        states["inline_title"]
            .Rule(Rx(@"[)]"), "Punctuation", "#pop")
            .Mixin("title");

        states["inline_url"]
            .Rule(Rx(@"[^<\s)]+"), "Literal.String.Other", "#pop")
            .Rule(Rx(@"\s+", m: true), "Text")
            .Mixin("url");
    }

    private static void Fence(Run run)
    {
        var name = run[3]!.Trim();
        var code = run[5];
        var sublexer = Rouge.FindFancy(name, code) ?? BacktickText.Instance;
        // a lexer with states continues across the lines of an unterminated fence
        var sub = sublexer is RegexLexer regex ? regex.StartRun() : null;
        void Delegate(Run to, string? text)
        {
            if (sub is not null) to.Delegate(sub, text);
            else to.Delegate(sublexer, text);
        }
        run.Token("Text", run[1]);
        run.Token("Punctuation", run[2]);
        run.Token("Name.Label", run[3]);
        if (code is not null) Delegate(run, code);
        run.Token("Text", run[6] ?? "");
        if (run[7] is { } close)
        {
            run.Token("Punctuation", close);
            return;
        }
        var fence = run[2]!;
        run.Push(state => state
            .Rule(RxDynamic(@"^([ \t]*)(" + fence + ")"), inner =>
            {
                inner.Pop();
                inner.Token("Text", inner[1]);
                inner.Token("Punctuation", inner[2]);
            })
            .Rule(Rx(@"^.*\n"), inner => Delegate(inner, null)));
    }
}
