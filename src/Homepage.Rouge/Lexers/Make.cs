using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Make</c> lexer (<c>make</c>, <c>makefile</c>, <c>mf</c>, <c>gnumake</c>, <c>bsdmake</c>), rule for rule.</summary>
public sealed class Make : RegexLexer
{
    private static readonly Shell ShellLexer = new();

    public override string Tag => "make";
    public override IReadOnlyList<string> Aliases { get; } = ["makefile", "mf", "gnumake", "bsdmake"];

    private const string Functions = "abspath|addprefix|addsuffix|and|basename|call|dir|error|eval|file|filter|filter-out|findstring|firstword|flavor|foreach|if|join|lastword|notdir|or|origin|patsubst|realpath|shell|sort|strip|subst|suffix|value|warning|wildcard|word|wordlist|words";
    private const string Stop = @"(?-six:\$\(|\$\{|\(|\)|\}|\\|$)";

    protected override void Start(Run run) => run.Vars["shell"] = ShellLexer.StartRun();

    private static Run Sh(Run r) => (Run)r.Vars["shell"]!;

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Rule(Rx(@"\s+"), "Text")
            .Rule(Rx(@"#.*?\n"), "Comment")
            .Groups(Rx(@"([-s]?include)((?:[\t ]+[^\t\n #]+)+)"), ["Keyword", "Literal.String.Other"])
            .Groups(Rx(@"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)"), ["Keyword", "Text", "Name.Variable"])
            .Rule(Rx(@"(?:else|endif)[\t ]*(?=[#\n])"), "Keyword")
            .Groups(Rx(@"(export)([\t ]+)(?=[\w\${}()\t -]+\n)"), ["Keyword", "Text"], "export")
            .Rule(Rx(@"export[\t ]+"), "Keyword")
            .Rule(Rx(@"([\w${}().-]+)([\t ]*)([!?:+]?=)", m: true), r =>
            {
                var (name, space, op) = (r[1], r[2], r[3]);
                r.Token("Name.Variable", name);
                r.Token("Text", space);
                r.Token("Operator", op);
                r.Push("shell_line");
            })
            .Rule(Rx(@"""(\\\\|\\.|[^""\\])*"""), "Literal.String.Double")
            .Rule(Rx(@"'(\\\\|\\.|[^'\\])*'"), "Literal.String.Single")
            .Groups(Rx(@"([^\n:]+)(:+)([ \t]*)"), ["Name.Label", "Operator", "Text"], "block_header");

        states["export"]
            .Rule(Rx(@"[\w\${}()-]"), "Name.Variable")
            .Rule(Rx(@"\n"), "Text", "#pop")
            .Rule(Rx(@"[\t ]+"), "Text");

        states["block_header"]
            .Rule(Rx(@"[^,\\\n#]+"), "Name.Function")
            .Rule(Rx(","), "Punctuation")
            .Rule(Rx("#.*?"), "Comment")
            .Rule(Rx(@"\\\n"), "Text")
            .Rule(Rx(@"\\."), "Text")
            .Rule(Rx(@"\n"), r => { r.Token("Text"); r.Goto("block_body"); });

        states["block_body"]
            .Groups(Rx(@"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)(#.*)?(\n)"), ["Keyword", "Text", "Name.Variable", "Comment", "Text"])
            .Groups(Rx(@"(else|endif)([\t ]*)(#.*)?(\n)"), ["Keyword", "Text", "Comment", "Text"])
            .Groups(Rx(@"(\t[\t ]*)([@-]?)"), ["Text", "Punctuation"], "shell_line")
            .Rule(Rx(""), r => { Sh(r).Reset(); r.Pop(); });

        states["shell"]
            .Rule(Rx(@"\$[({][\t ]*\w[\w:=%.]*[\t ]*[)}]", i: true), "Name.Variable")
            .Groups(Rx(@"(\$[({])([\t ]*)(" + Functions + @")([\t ]+)", m: true), ["Name.Function", "Text", "Name.Builtin", "Text"], "shell_expr")
            .Rule(Rx(@"\\.", m: true), r => r.Delegate(Sh(r)))
            .Rule(Rx(".+?(?=" + Stop + ")", m: true), r => r.Delegate(Sh(r)))
            .Rule(Rx(Stop), r => r.Delegate(Sh(r)));

        states["shell_expr"]
            .Rule(Rx("[({]"), r => { r.Delegate(Sh(r)); r.Push(); })
            .Rule(Rx("[)}]"), "Name.Function", "#pop")
            .Mixin("shell");

        states["shell_line"]
            .Rule(Rx(@"\n"), "Text", "#pop")
            .Mixin("shell");
    }
}
