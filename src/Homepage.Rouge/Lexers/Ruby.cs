using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Ruby</c> lexer (<c>ruby</c>, <c>rb</c>), rule for rule, heredocs and sigil strings included.</summary>
public sealed class Ruby : RegexLexer
{
    public override string Tag => "ruby";
    public override IReadOnlyList<string> Aliases { get; } = ["rb"];

    private const string Keywords = @"BEGIN|END|alias|begin|break|case|defined\?|do|else|elsif|end|ensure|for|if|in|next|redo|rescue|raise|retry|return|super|then|undef|unless|until|when|while|yield";
    private const string KeywordsPseudo = "loop|include|extend|raise|alias_method|attr|catch|throw|private|module_function|public|protected|true|false|nil|__FILE__|__LINE__";
    private static readonly string BuiltinsG = string.Join("|", """
        attr_reader attr_writer attr_accessor
        __id__ __send__ abort ancestors at_exit autoload binding callcc
        caller catch chomp chop class_eval class_variables clone
        const_defined\? const_get const_missing const_set constants
        display dup eval exec exit extend fail fork format freeze
        getc gets global_variables gsub hash id included_modules
        inspect instance_eval instance_method instance_methods
        instance_variable_get instance_variable_set instance_variables
        lambda load local_variables loop method method_missing
        methods module_eval name object_id open p print printf
        private_class_method private_instance_methods private_methods proc
        protected_instance_methods protected_methods public_class_method
        public_instance_methods public_methods putc puts raise rand
        readline readlines require require_relative scan select self send set_trace_func
        singleton_methods sleep split sprintf srand sub syscall system
        taint test throw to_a to_s trace_var trap untaint untrace_var warn
        """.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
    private const string BuiltinsQ = "autoload|block_given|const_defined|eql|equal|frozen|include|instance_of|is_a|iterator|kind_of|method_defined|nil|private_method_defined|protected_method_defined|public_method_defined|respond_to|tainted";
    private const string BuiltinsB = "chomp|chop|exit|gsub|sub";

    private static List<(bool Tolerant, string Name)> Heredocs(Run r) => (List<(bool, string)>)r.Vars["heredocs"]!;

    protected override void Start(Run run)
    {
        run.Push("expr_start");
        run.Vars["heredocs"] = new List<(bool, string)>();
    }

    private static readonly Dictionary<string, string> Closing = new() { ["{"] = "}", ["["] = "]", ["("] = ")", ["<"] = ">" };

    protected override void DefineStates(StateTable states)
    {
        states["symbols"]
            .Rule(Rx("""
                :  # initial :
                @{0,2} # optional ivar, for :@foo and :@@foo
                [a-z_]\w*[!?]? # the symbol
                """, i: true, x: true), "Literal.String.Symbol")
            .Rule(Rx(@":(?:\*\*|[-+]@|[/\%&\|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)"), "Literal.String.Symbol")
            .Rule(Rx(@":'(\\\\|\\'|[^'])*'"), "Literal.String.Symbol")
            .Rule(Rx(":\""), "Literal.String.Symbol", "simple_sym");

        states["sigil_strings"].Rule(Rx(@"%([rqswQWxiI])?([^\w\s])"), r =>
        {
            var open = Escape(r[2]!);
            var close = Escape(Closing.GetValueOrDefault(r[2]!, r[2]!));
            var interp = r[1] is "r" or "Q" or "W" or "x" or "I";
            var toktype = "Literal.String.Other";
            if (r[1] == "r")
            {
                toktype = "Literal.String.Regex";
                r.Push("regex_flags");
            }
            r.Token(toktype);
            r.Push(b =>
            {
                var uniq = Squeeze(open + close);
                if (open == close && open == "\\#") uniq = "";
                b.Rule(RxDynamic(@"\\[#" + uniq + @"\\]"), "Literal.String.Escape");
                if (open != close)
                    b.Rule(RxDynamic(open), run => { run.Token(toktype); run.Push(); });
                b.Rule(RxDynamic(close), toktype, "#pop");
                if (interp)
                {
                    b.Mixin("string_intp_escaped");
                    b.Rule(Rx("#"), toktype);
                }
                else
                {
                    b.Rule(Rx(@"[\\#]"), toktype);
                }
                b.Rule(RxDynamic(@"[^#" + uniq + @"\\]+", m: true), toktype);
            });
        });

        states["strings"]
            .Mixin("symbols")
            .Rule(Rx(@"\b[a-z_]\w*?[?!]?:\s+"), "Literal.String.Symbol", "expr_start")
            .Rule(Rx(@"'(\\\\|\\'|[^'])*'"), "Literal.String.Single")
            .Rule(Rx("\""), "Literal.String.Double", "simple_string")
            .Rule(Rx(@"(?<!\.)`"), "Literal.String.Backtick", "simple_backtick");

        states["regex_flags"].Rule(Rx("[mixounse]*"), "Literal.String.Regex", "#pop");

        foreach (var (name, tok, fin) in new[] { ("string", "Literal.String.Double", "\""), ("sym", "Literal.String.Symbol", "\""), ("backtick", "Literal.String.Backtick", "`") })
        {
            states["simple_" + name]
                .Mixin("string_intp_escaped")
                .Rule(Rx(@"[^\\" + fin + "#]+", m: true), tok)
                .Rule(Rx(@"[\\#]"), tok)
                .Rule(Rx(fin), tok, "#pop");
        }

        states["whitespace"]
            .Mixin("inline_whitespace")
            .Rule(Rx(@"\n\s*", m: true), "Text", "expr_start")
            .Rule(Rx("#.*$"), "Comment.Single")
            .Rule(Rx(@"=begin\b.*?\n=end\b", m: true), "Comment.Multiline");

        states["inline_whitespace"].Rule(Rx(@"[ \t\r]+"), "Text");

        const string Decimal = @"[\d]+(?:_\d+)*";
        const string Exp = @"e[+-]?\d+";
        states["root"]
            .Mixin("whitespace")
            .Rule(Rx("__END__"), "Comment.Preproc", "end_part")
            .Rule(Rx("0_?[0-7]+(?:_[0-7]+)*"), "Literal.Number.Oct")
            .Rule(Rx("0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*"), "Literal.Number.Hex")
            .Rule(Rx("0b[01]+(?:_[01]+)*"), "Literal.Number.Bin")
            .Rule(Rx("(?:" + Decimal + @")(?:\.(?:" + Decimal + ")(?i:" + Exp + ")?|(?i:" + Exp + "))"), "Literal.Number.Float")
            .Rule(Rx(Decimal), "Literal.Number.Integer")
            .Rule(Rx(@"@@[a-z_]\w*", i: true), "Name.Variable.Class")
            .Rule(Rx(@"@[a-z_]\w*", i: true), "Name.Variable.Instance")
            .Rule(Rx(@"\$\w+"), "Name.Variable.Global")
            .Rule(Rx(@"\$[!@&`'+~=/\\,;.<>_*\$?:""]"), "Name.Variable.Global")
            .Rule(Rx(@"\$-[0adFiIlpvw]"), "Name.Variable.Global")
            .Rule(Rx("::"), "Operator")
            .Mixin("strings")
            .Rule(Rx("(?:" + Keywords + @")(?=\W|$)"), "Keyword", "expr_start")
            .Rule(Rx("(?:" + KeywordsPseudo + @")\b"), "Keyword.Pseudo", "expr_start")
            .Groups(Rx("""
                (module)
                (\s+)
                ([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)
                """, x: true), ["Keyword", "Text", "Name.Namespace"])
            .Groups(Rx(@"(def\b)(\s*)"), ["Keyword", "Text"], "funcname")
            .Groups(Rx(@"(class\b)(\s*)"), ["Keyword", "Text"], "classname")
            .Rule(Rx("(?:" + BuiltinsQ + ")[?]"), "Name.Builtin", "expr_start")
            .Rule(Rx("(?:" + BuiltinsB + ")!"), "Name.Builtin", "expr_start")
            .Rule(Rx(@"(?<!\.)(?:" + BuiltinsG + @")\b"), "Name.Builtin", "method_call")
            .Mixin("has_heredocs")
            .Rule(Rx(@"\.{2,3}"), "Operator", "expr_start")
            .Rule(Rx("[A-Z][a-zA-Z0-9_]*"), "Name.Constant", "method_call")
            .Groups(Rx(@"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-\/\[<>=])"), ["Punctuation", "Text", "Name.Function"], "method_call")
            .Rule(Rx(@"[a-zA-Z_]\w*[?!]"), "Name", "expr_start")
            .Rule(Rx(@"[a-zA-Z_]\w*"), "Name", "method_call")
            .Rule(Rx(@"\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\."), "Operator", "expr_start")
            .Rule(Rx(@"[-+\/*%=<>&!^|~]=?"), "Operator", "expr_start")
            .Rule(Rx("[?]"), r => { r.Token("Punctuation"); r.Push("ternary"); r.Push("expr_start"); })
            .Rule(Rx(@"[\[({,:\\;/]"), "Punctuation", "expr_start")
            .Rule(Rx(@"[\])}]"), "Punctuation");

        states["has_heredocs"]
            .Rule(Rx(@"(?<!\w)(<<[-~]?)([""`']?)([a-zA-Z_]\w*)(\2)"), r =>
            {
                r.Token("Operator", r[1]);
                r.Token("Name.Constant", r[2] + r[3] + r[4]);
                Heredocs(r).Add((r[1] is "<<-" or "<<~", r[3]!));
                if (!r.IsState("heredoc_queue")) r.Push("heredoc_queue");
            })
            .Rule(Rx(@"(<<[-~]?)([""'])(\2)"), r =>
            {
                r.Token("Operator", r[1]);
                r.Token("Name.Constant", r[2] + r[3] + r[4]);
                Heredocs(r).Add((r[1] is "<<-" or "<<~", ""));
                if (!r.IsState("heredoc_queue")) r.Push("heredoc_queue");
            });

        states["heredoc_queue"]
            .Rule(Rx(@"(?=\n)"), r => r.Goto("resolve_heredocs"))
            .Mixin("root");

        states["resolve_heredocs"]
            .Mixin("string_intp_escaped")
            .Rule(Rx(@"\n"), "Literal.String.Heredoc", "test_heredoc")
            .Rule(Rx(@"[#\\\n]"), "Literal.String.Heredoc")
            .Rule(Rx(@"[^#\\\n]+"), "Literal.String.Heredoc");

        states["test_heredoc"]
            .Rule(Rx(@"[^#\\\n]*$"), r =>
            {
                var queue = Heredocs(r);
                var (tolerant, name) = queue.Count > 0 ? queue[0] : (false, "");
                var text = r[0]!;
                var check = tolerant ? text.Trim(' ', '\t', '\n', '\v', '\f', '\r', '\0') : text.TrimEnd(' ', '\t', '\n', '\v', '\f', '\r', '\0');
                if (queue.Count > 0 && check == name)
                {
                    queue.RemoveAt(0);
                    if (queue.Count == 0) r.Pop();
                    r.Token("Name.Constant");
                }
                else
                {
                    r.Token("Literal.String.Heredoc");
                }
                r.Pop();
            })
            .Rule(Rx(""), r => r.Pop());

        states["funcname"]
            .Rule(Rx(@"\s+"), "Text")
            .Rule(Rx(@"\("), "Punctuation", "defexpr")
            .Rule(Rx("""
                (?:([a-zA-Z_]\w*)(\.))?
                (
                  [a-zA-Z_]\w*[!?]? |
                  \*\*? | [-+]@? | [/%&\|^`~] | \[\]=? |
                  <<? | >>? | <=>? | >= | ===?
                )
                """, x: true), r => { r.Groups("Name.Class", "Operator", "Name.Function"); r.Pop(); })
            .Rule(Rx(""), r => r.Pop());

        states["classname"]
            .Rule(Rx(@"\s+"), "Text")
            .Rule(Rx(@"\w+(::\w+)+"), "Name.Class")
            .Rule(Rx(@"\("), r => { r.Token("Punctuation"); r.Push("defexpr"); r.Push("expr_start"); })
            .Rule(Rx("<<"), r => { r.Token("Operator"); r.Goto("expr_start"); })
            .Rule(Rx(@"[A-Z_]\w*"), "Name.Class", "#pop")
            .Rule(Rx(""), r => r.Pop());

        states["ternary"]
            .Rule(Rx(@"(:)(\s+)"), r => { r.Groups("Punctuation", "Text"); r.Goto("expr_start"); })
            .Rule(Rx(@":(?![^#\n]*?[:\\])"), r => { r.Token("Punctuation"); r.Goto("expr_start"); })
            .Mixin("root");

        states["defexpr"]
            .Rule(Rx(@"(\))(\.|::)?"), r => { r.Groups("Punctuation", "Operator"); r.Pop(); })
            .Rule(Rx(@"\("), r => { r.Token("Punctuation"); r.Push("defexpr"); r.Push("expr_start"); })
            .Mixin("root");

        states["in_interp"]
            .Rule(Rx("}"), "Literal.String.Interpol", "#pop")
            .Mixin("root");

        states["string_intp"]
            .Rule(Rx("[#][{]"), "Literal.String.Interpol", "in_interp")
            .Rule(Rx(@"#(@@?|\$)[a-z_]\w*", i: true), "Literal.String.Interpol");

        states["string_intp_escaped"]
            .Mixin("string_intp")
            .Rule(Rx(@"\\([\\abefnrstv#""']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})"), "Literal.String.Escape")
            .Rule(Rx(@"\\."), "Literal.String.Escape");

        states["method_call"]
            .Rule(Rx("/|%"), r => { r.Token("Operator"); r.Goto("expr_start"); })
            .Rule(Rx(@"(?=\n)"), r => r.Pop())
            .Rule(Rx(""), r => r.Goto("method_call_spaced"));

        states["method_call_spaced"]
            .Mixin("whitespace")
            .Rule(Rx("[%/]="), r => { r.Token("Operator"); r.Goto("expr_start"); })
            .Rule(Rx(@"(/)(?=\S|\s*/)"), r => { r.Token("Literal.String.Regex"); r.Goto("slash_regex"); })
            .Mixin("sigil_strings")
            .Rule(Rx(@"(?=\s*/)"), r => r.Pop())
            .Rule(Rx(@"\s+"), r => { r.Token("Text"); r.Goto("expr_start"); })
            .Rule(Rx(""), r => r.Pop());

        states["expr_start"]
            .Mixin("inline_whitespace")
            .Rule(Rx("/"), r => { r.Token("Literal.String.Regex"); r.Goto("slash_regex"); })
            .Rule(Rx("""
                [?](\\[MC]-)*     # modifiers
                (\\([\\abefnrstv\#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\S)
                (?!\w)
                """, x: true), "Literal.String.Char", "#pop")
            .Rule(Rx(@"(\s*)(%[rqswQWxiI]? \S* )"), r => { r.Groups("Text", "Literal.String.Other"); r.Pop(); })
            .Mixin("sigil_strings")
            .Rule(Rx(""), r => r.Pop());

        states["slash_regex"]
            .Mixin("string_intp")
            .Rule(Rx(@"\\\\"), "Literal.String.Regex")
            .Rule(Rx(@"\\/"), "Literal.String.Regex")
            .Rule(Rx(@"[\\#]"), "Literal.String.Regex")
            .Rule(Rx(@"[^\\/#]+", m: true), "Literal.String.Regex")
            .Rule(Rx("/"), r => { r.Token("Literal.String.Regex"); r.Goto("regex_flags"); });

        states["end_part"].Rule(Rx(".+", m: true), "Comment.Preproc", "#pop");
    }

    /// <summary>Ruby's <c>String#squeeze</c>: runs of the same character made one.</summary>
    private static string Squeeze(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
            if (sb.Length == 0 || sb[^1] != c) sb.Append(c);
        return sb.ToString();
    }
}
