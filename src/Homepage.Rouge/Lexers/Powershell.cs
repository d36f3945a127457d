using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Powershell</c> lexer (<c>powershell</c>, <c>posh</c>, <c>microsoftshell</c>, <c>msshell</c>), rule for rule.</summary>
public sealed class Powershell : RegexLexer
{
    public override string Tag => "powershell";
    public override IReadOnlyList<string> Aliases => ["posh", "microsoftshell", "msshell"];

    private static readonly HashSet<string> Attributes =
        ["ConfirmImpact", "DefaultParameterSetName", "HelpURI", "PositionalBinding", "SupportsPaging", "SupportsShouldProcess"];

    private const string AutoVars =
        @"\$\$|\$\?|\$\^|\$_|\$args|\$ConsoleFileName|\$Error|\$Event|\$EventArgs|\$EventSubscriber|\$ExecutionContext|\$false|\$foreach|\$HOME|\$Host|\$input|\$IsCoreCLR|\$IsLinux|\$IsMacOS|\$IsWindows|\$LastExitCode|\$Matches|\$MyInvocation|\$NestedPromptLevel|\$null|\$PID|\$PROFILE|\$PSBoundParameters|\$PSCmdlet|\$PSCommandPath|\$PSCulture|\$PSDebugContext|\$PSHOME|\$PSItem|\$PSScriptRoot|\$PSSenderInfo|\$PSUICulture|\$PSVersionTable|\$PWD|\$REPORTERRORSHOWEXCEPTIONCLASS|\$REPORTERRORSHOWINNEREXCEPTION|\$REPORTERRORSHOWSOURCE|\$REPORTERRORSHOWSTACKTRACE|\$SENDER|\$ShellId|\$StackTrace|\$switch|\$this|\$true";

    private const string Keywords =
        "assembly|exit|process|base|filter|public|begin|finally|return|break|for|sequence|catch|foreach|static|class|from|switch|command|function|throw|configuration|hidden|trap|continue|if|try|data|in|type|define|inlinescript|until|do|interface|using|dynamicparam|module|var|else|namespace|while|elseif|parallel|workflow|end|param|enum|private";

    private const string Operators =
        @"-split|-isplit|-csplit|-join|-is|-isnot|-as|-eq|-ieq|-ceq|-ne|-ine|-cne|-gt|-igt|-cgt|-ge|-ige|-cge|-lt|-ilt|-clt|-le|-ile|-cle|-like|-ilike|-clike|-notlike|-inotlike|-cnotlike|-match|-imatch|-cmatch|-notmatch|-inotmatch|-cnotmatch|-contains|-icontains|-ccontains|-notcontains|-inotcontains|-cnotcontains|-replace|-ireplace|-creplace|-shl|-shr|-band|-bor|-bxor|-and|-or|-xor|-not|\+=|-=|\*=|\/=|%=";

    private const string MultilineKeywords =
        "synopsis|description|parameter|example|inputs|outputs|notes|link|component|role|functionality|forwardhelptargetname|forwardhelpcategory|remotehelprunspace|externalhelp";

    protected override void DefineStates(StateTable states)
    {
        states["variable"]
            .Rule(Rx(AutoVars), "Name.Builtin.Pseudo")
            .Groups(Rx(@"(\$)(?:(\w+)(:))?(\w+|\{(?:[^`]|`.)+?\})"), ["Name.Variable", "Name.Namespace", "Punctuation", "Name.Variable"])
            .Rule(Rx(@"\$\w+"), "Name.Variable")
            .Rule(Rx(@"\$\{(?:[^`]|`.)+?\}"), "Name.Variable");

        states["multiline"]
            .Rule(Rx(@"\.(?:" + MultilineKeywords + ")", i: true), "Comment.Special")
            .Rule(Rx("#>"), "Comment.Multiline", "#pop")
            .Rule(Rx(@"[^#.]+?", m: true), "Comment.Multiline")
            .Rule(Rx(@"[#.]+"), "Comment.Multiline");

        states["interpol"]
            .Rule(Rx(@"\)"), "Literal.String.Interpol", "#pop")
            .Mixin("root");

        states["dq"]
            .Rule(Rx(@"(?:\$#?)?"""), "Literal.String.Double", "#pop")
            .Rule(Rx(@"\$\("), "Literal.String.Interpol", "interpol")
            .Rule(Rx("`$"), "Literal.String.Escape")
            .Rule(Rx("`."), "Literal.String.Escape")
            .Rule(Rx(@"[^""`$]+"), "Literal.String.Double")
            .Mixin("variable");

        states["sq"]
            .Rule(Rx("'"), "Literal.String.Single", "#pop")
            .Rule(Rx("[^']+"), "Literal.String.Single");

        states["heredoc"]
            .Rule(Rx(@"(?:\$#?)?""@"), "Literal.String.Heredoc", "#pop")
            .Rule(Rx(@"\$\("), "Literal.String.Interpol", "interpol")
            .Rule(Rx("`$"), "Literal.String.Escape")
            .Rule(Rx("`."), "Literal.String.Escape")
            .Rule(Rx(@"[^""`$]+?", m: true), "Literal.String.Heredoc")
            .Rule(Rx(@"""+"), "Literal.String.Heredoc")
            .Mixin("variable");

        states["class"]
            .Rule(Rx(@"\{"), "Punctuation", "#pop")
            .Rule(Rx(@"\s+"), "Text.Whitespace")
            .Rule(Rx(@"\w+"), "Name.Class")
            .Rule(Rx("[:,]"), "Punctuation");

        states["expr"]
            .Mixin("comments")
            .Rule(Rx("\""), "Literal.String.Double", "dq")
            .Rule(Rx("'"), "Literal.String.Single", "sq")
            .Rule(Rx("@\""), "Literal.String.Heredoc", "heredoc")
            .Rule(Rx("@'.*?'@", m: true), "Literal.String.Heredoc")
            .Rule(Rx(@"\d*\.\d+"), "Literal.Number.Float")
            .Rule(Rx(@"\d+"), "Literal.Number.Integer")
            .Rule(Rx(@"@\{"), "Punctuation", "hasht")
            .Rule(Rx(@"@\("), "Punctuation", "array")
            .Rule(Rx("{"), "Punctuation", "brace")
            .Rule(Rx(@"\["), "Punctuation", "bracket");

        states["hasht"]
            .Rule(Rx(@"\}"), "Punctuation", "#pop")
            .Rule(Rx("="), "Operator")
            .Rule(Rx("[,;]"), "Punctuation")
            .Mixin("expr")
            .Rule(Rx(@"\w+"), "Name.Other")
            .Mixin("variable");

        states["array"]
            .Rule(Rx(@"\s+"), "Text.Whitespace")
            .Rule(Rx(@"\)"), "Punctuation", "#pop")
            .Rule(Rx("[,;]"), "Punctuation")
            .Mixin("expr")
            .Mixin("variable");

        states["brace"]
            .Rule(Rx("[}]"), "Punctuation", "#pop")
            .Mixin("root");

        states["bracket"]
            .Rule(Rx(@"\]"), "Punctuation", "#pop")
            .Rule(Rx(@"[A-Za-z]\w+\."), "Name")
            .Rule(Rx(@"([A-Za-z]\w+)"), run => run.Token(Attributes.Contains(run[0]!) ? "Name.Builtin.Pseudo" : "Name"))
            .Mixin("root");

        states["parameters"]
            .Rule(Rx("`.", m: true), "Literal.String.Escape")
            .Rule(Rx(@"\s*?\n"), "Text.Whitespace", "#pop")
            .Rule(Rx(@"[;(){}\]]"), "Punctuation", "#pop")
            .Rule(Rx("[|=]"), "Operator", "#pop")
            .Rule(Rx(@"[\/\\~\w][-.:\/\\~\w]*"), "Name.Other")
            .Rule(Rx(@"\w[-\w]+"), "Name.Other")
            .Mixin("root");

        states["comments"]
            .Rule(Rx(@"\s+"), "Text.Whitespace")
            .Rule(Rx("#.*"), "Comment")
            .Rule(Rx("<#"), "Comment.Multiline", "multiline");

        states["root"]
            .Mixin("comments")
            .Rule(Rx(@"#requires\s-version \d(?:\.\d+)?"), "Comment.Preproc")
            .Rule(Rx(@"\.\.(?=\.?\d)"), "Operator")
            .Rule(Rx("(?:" + Operators + @")\b", i: true), "Operator")
            .Rule(Rx(@"(class)(\s+)(\w+)", i: true), run => { run.Groups("Keyword.Reserved", "Text.Whitespace", "Name.Class"); run.Push("class"); })
            .Groups(Rx(@"(function)(\s+)(?:(\w+)(:))?(\w[-\w]+)", i: true), ["Keyword.Reserved", "Text.Whitespace", "Name.Namespace", "Punctuation", "Name.Function"])
            .Rule(Rx("(?:" + Keywords + @")\b(?![-.])", i: true), "Keyword.Reserved")
            .Rule(Rx(@"-{1,2}\w+"), "Name.Tag")
            .Rule(Rx(@"(\.)?([-\w]+)(\[)"), run => { run.Groups("Operator", "Name", "Punctuation"); run.Push("bracket"); })
            .Rule(Rx(@"([\/\\~a-z][-.:\/\\~\w]*)(\n)?", i: true), run => { run.Groups("Name", "Text.Whitespace"); run.Push("parameters"); })
            .Rule(Rx(@"(\.)([-\w]+)(?:(\()|(\n))?"), run =>
            {
                run.Groups("Operator", "Name.Function", "Punctuation", "Text.Whitespace");
                if (run[3] is not null) run.Push("parameters");
            })
            .Rule(Rx(@"\?"), "Name.Function", "parameters")
            .Mixin("expr")
            .Mixin("variable")
            .Rule(Rx(@"[-+*\/%=!.&|]"), "Operator")
            .Rule(Rx("[{}(),:;]"), "Punctuation");
    }
}
