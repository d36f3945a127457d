using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Shell</c> lexer (<c>shell</c>, <c>bash</c>, <c>zsh</c>, <c>ksh</c>, <c>sh</c>), rule for rule.</summary>
public sealed class Shell : RegexLexer
{
    public override string Tag => "shell";
    public override IReadOnlyList<string> Aliases { get; } = ["bash", "zsh", "ksh", "sh"];

    private const string Keywords = "if|fi|else|while|do|done|for|then|return|function|select|continue|until|esac|elif|in";

    private static readonly string Builtins = string.Join("|", """
        alias bg bind break builtin caller cd command compgen
        complete declare dirs disown enable eval exec exit
        export false fc fg getopts hash help history jobs let
        local logout mapfile popd pushd pwd read readonly set
        shift shopt source suspend test time times trap true type
        typeset ulimit umask unalias unset wait

        cat tac nl od base32 base64 fmt pr fold head tail split csplit
        wc sum cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum
        sha512sum sort shuf uniq comm ptx tsort cut paste join tr expand
        unexpand ls dir vdir dircolors cp dd install mv rm shred link ln
        mkdir mkfifo mknod readlink rmdir unlink chown chgrp chmod touch
        df du stat sync truncate echo printf yes expr tee basename dirname
        pathchk mktemp realpath pwd stty printenv tty id logname whoami
        groups users who date arch nproc uname hostname hostid uptime chcon
        runcon chroot env nice nohup stdbuf timeout kill sleep factor numfmt
        seq tar grep sudo awk sed gzip gunzip
        """.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    protected override void DefineStates(StateTable states)
    {
        states["basic"]
            .Rule(Rx("#.*$"), "Comment")
            .Rule(Rx(@"\b(" + Keywords + @")\s*\b"), "Keyword")
            .Rule(Rx(@"\bcase\b"), "Keyword", "case")
            .Rule(Rx(@"\b(" + Builtins + @")\s*\b(?!(\.|-))"), "Name.Builtin")
            .Rule(Rx(@"[.](?=\s)"), "Name.Builtin")
            .Groups(Rx(@"(\b\w+)(=)"), ["Name.Variable", "Operator"])
            .Rule(Rx(@"[\[\]{}()!=>]"), "Operator")
            .Rule(Rx(@"&&|\|\|"), "Operator")
            .Rule(Rx("<<<"), "Operator")
            .Rule(Rx(@"(<<-?)(\s*)(['""]?)(\\?)(\w+)(\3)"), r =>
            {
                r.Groups("Operator", "Text", "Literal.String.Heredoc", "Literal.String.Heredoc", "Name.Constant", "Literal.String.Heredoc");
                r.Vars["heredoc"] = r[5];
                r.Push("heredoc");
            });

        states["heredoc"]
            .Rule(Rx(@"\n"), "Literal.String.Heredoc", "heredoc_nl")
            .Rule(Rx(@"[^$\n\\]+"), "Literal.String.Heredoc")
            .Mixin("interp")
            .Rule(Rx("[$]"), "Literal.String.Heredoc");

        states["heredoc_nl"]
            .Rule(Rx(@"\s*(\w+)\s*\n"), r =>
            {
                if (r[1] == (string?)r.Vars.GetValueOrDefault("heredoc"))
                {
                    r.Token("Name.Constant");
                    r.Pop(2);
                }
                else
                {
                    r.Token("Literal.String.Heredoc");
                }
            })
            .Rule(Rx(""), r => r.Pop());

        states["double_quotes"]
            .Rule(Rx("(?:\\$#?)?\""), "Literal.String.Double", "#pop")
            .Mixin("interp")
            .Rule(Rx("[^\"`\\\\$]+"), "Literal.String.Double");

        states["ansi_string"]
            .Rule(Rx(@"\\."), "Literal.String.Escape")
            .Rule(Rx(@"[^\\']+"), "Literal.String.Single")
            .Mixin("single_quotes");

        states["single_quotes"]
            .Rule(Rx("'"), "Literal.String.Single", "#pop")
            .Rule(Rx("[^']+"), "Literal.String.Single");

        states["data"]
            .Rule(Rx(@"\s+"), "Text")
            .Rule(Rx(@"\\."), "Literal.String.Escape")
            .Rule(Rx("\\$?\""), "Literal.String.Double", "double_quotes")
            .Rule(Rx(@"\$'"), "Literal.String.Single", "ansi_string")
            .Rule(Rx("'"), "Literal.String.Single", "single_quotes")
            .Rule(Rx(@"\*"), "Keyword")
            .Rule(Rx(";"), "Punctuation")
            .Rule(Rx(@"--?[\w-]+"), "Name.Tag")
            .Rule(Rx("[^=\\*\\s{}()$\"'`;\\\\<]+"), "Text")
            .Rule(Rx(@"\d+(?= |\Z)"), "Literal.Number")
            .Rule(Rx("<"), "Text")
            .Mixin("interp");

        states["curly"]
            .Rule(Rx("}"), "Keyword", "#pop")
            .Rule(Rx(":-"), "Keyword")
            .Rule(Rx("[a-zA-Z0-9_]+"), "Name.Variable")
            .Rule(Rx("[^}:\"`'$]+"), "Punctuation")
            .Mixin("root");

        states["paren_interp"]
            .Rule(Rx(@"\)"), "Literal.String.Interpol", "#pop")
            .Rule(Rx(@"\("), "Operator", "paren_inner")
            .Mixin("root");

        states["paren_inner"]
            .Rule(Rx(@"\("), "Operator", "#push")
            .Rule(Rx(@"\)"), "Operator", "#pop")
            .Mixin("root");

        states["math"]
            .Rule(Rx(@"\)\)"), "Keyword", "#pop")
            .Rule(Rx(@"[-+*/%^|&!]|\*\*|\|\|"), "Operator")
            .Rule(Rx(@"\d+(#\w+)?"), "Literal.Number")
            .Mixin("root");

        states["case"]
            .Rule(Rx(@"\besac\b"), "Keyword", "#pop")
            .Rule(Rx(@"\|"), "Punctuation")
            .Rule(Rx(@"\)"), "Punctuation", "case_stanza")
            .Mixin("root");

        states["case_stanza"]
            .Rule(Rx(";;"), "Punctuation", "#pop")
            .Mixin("root");

        states["backticks"]
            .Rule(Rx("`"), "Literal.String.Backtick", "#pop")
            .Mixin("root");

        states["interp"]
            .Rule(Rx(@"\\$"), "Literal.String.Escape")
            .Rule(Rx(@"\\."), "Literal.String.Escape")
            .Rule(Rx(@"\$\(\("), "Keyword", "math")
            .Rule(Rx(@"\$\("), "Literal.String.Interpol", "paren_interp")
            .Rule(Rx(@"\${#?"), "Keyword", "curly")
            .Rule(Rx("`"), "Literal.String.Backtick", "backticks")
            .Rule(Rx(@"\$#?(\w+|.)"), "Name.Variable")
            .Rule(Rx(@"\$[*@]"), "Name.Variable");

        states["root"].Mixin("basic").Mixin("data");
    }
}
