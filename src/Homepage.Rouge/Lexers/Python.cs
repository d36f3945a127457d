using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Python</c> lexer (<c>python</c>, <c>py</c>), rule for rule.</summary>
public sealed class Python : RegexLexer
{
    public override string Tag => "python";
    public override IReadOnlyList<string> Aliases { get; } = ["py"];

    private static readonly HashSet<string> Keywords =
    [
        "assert", "break", "continue", "del", "elif", "else", "except", "exec", "finally", "for", "global", "if", "lambda",
        "pass", "print", "raise", "return", "try", "while", "yield", "as", "with", "from", "import", "async", "await", "nonlocal",
    ];

    private static readonly HashSet<string> Builtins =
    [
        "__import__", "abs", "all", "any", "apply", "ascii", "basestring", "bin", "bool", "buffer", "bytearray", "bytes",
        "callable", "chr", "classmethod", "cmp", "coerce", "compile", "complex", "delattr", "dict", "dir", "divmod",
        "enumerate", "eval", "execfile", "exit", "file", "filter", "float", "format", "frozenset", "getattr", "globals",
        "hasattr", "hash", "hex", "id", "input", "int", "intern", "isinstance", "issubclass", "iter", "len", "list", "locals",
        "long", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "property", "range",
        "raw_input", "reduce", "reload", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod",
        "str", "sum", "super", "tuple", "type", "unichr", "unicode", "vars", "xrange", "zip",
    ];

    private static readonly HashSet<string> BuiltinsPseudo = ["self", "None", "Ellipsis", "NotImplemented", "False", "True"];

    private static readonly HashSet<string> Exceptions =
    [
        "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BlockingIOError", "BrokenPipeError",
        "BufferError", "BytesWarning", "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
        "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError", "EnvironmentError", "Exception",
        "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError",
        "ImportError", "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError",
        "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError",
        "NotImplemented", "NotImplementedError", "OSError", "OverflowError", "OverflowWarning", "PendingDeprecationWarning",
        "ProcessLookupError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
        "StandardError", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit",
        "TabError", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
        "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "VMSError", "Warning",
        "WindowsError", "ZeroDivisionError",
    ];

    private static readonly Token NameBuiltin = Token.Get("Name.Builtin");
    private static readonly Token NameBuiltinPseudo = Token.Get("Name.Builtin.Pseudo");

    private const string Identifier = "[[:alpha:]_][[:alnum:]_]*";
    private const string DottedIdentifier = "[[:alpha:]_.][[:alnum:]_.]*";
    private const string Digits = "[0-9](_?[0-9])*";
    private const string Decimal = "((" + "(?:" + Digits + "))?\\.(?:" + Digits + ")|(?:" + Digits + ")\\.)";
    private const string Exponent = "e[+-]?(?:" + Digits + ")";

    /// <summary>The open strings: (prefix letters, delimiter), innermost last (rouge's <c>StringRegister</c>).</summary>
    private static List<(string Type, string Delim)> Strings(Run r) =>
        (List<(string, string)>)(r.Vars.TryGetValue("strings", out var v) ? v! : r.Vars["strings"] = new List<(string, string)>());

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Rule(Rx(@"\n+", m: true), "Text")
            .Groups(Rx("^(:)(\\s*)([ru]{,2}\"\"\".*?\"\"\")", m: true, i: true), ["Punctuation", "Text", "Literal.String.Doc"])
            .Rule(Rx(@"[^\S\n]+"), "Text")
            .Rule(Rx(@"#(.*)?\n?"), "Comment.Single")
            .Rule(Rx(@"[\[\]{}:(),;.]"), "Punctuation")
            .Rule(Rx(@"\\\n"), "Text")
            .Rule(Rx(@"\\"), "Text")
            .Rule(Rx(@"(in|is|and|or|not)\b"), "Operator.Word")
            .Rule(Rx(@"(<<|>>|\/\/|\*\*)=?"), "Operator")
            .Rule(Rx(@"[-~+\/*%=<>&^|@]=?|!="), "Operator")
            .Groups(Rx(@"(from)((?:\\\s|\s)+)(" + DottedIdentifier + @")((?:\\\s|\s)+)(import)"),
                ["Keyword.Namespace", "Text", "Name.Namespace", "Text", "Keyword.Namespace"])
            .Groups(Rx(@"(import)(\s+)(" + DottedIdentifier + ")"), ["Keyword.Namespace", "Text", "Name.Namespace"])
            .Groups(Rx(@"(def)((?:\s|\\\s)+)"), ["Keyword", "Text"], "funcname")
            .Groups(Rx(@"(class)((?:\s|\\\s)+)"), ["Keyword", "Text"], "classname")
            .Rule(Rx("`.*?`"), "Literal.String.Backtick")
            .Rule(Rx("([rfbu]{0,2})('''|\"\"\"|['\"])", i: true), r =>
            {
                r.Groups("Literal.String.Affix", "Literal.String");
                Strings(r).Add((r[1]!.ToLowerInvariant(), r[2]!));
                r.Push("generic_string");
            })
            .Rule(Rx("@" + DottedIdentifier, i: true), "Name.Decorator")
            .Rule(Rx(@"(?<!\.)" + Identifier), r =>
            {
                var word = r[0]!;
                r.Token(Keywords.Contains(word) ? Token.Keyword
                    : Exceptions.Contains(word) || Builtins.Contains(word) ? NameBuiltin
                    : BuiltinsPseudo.Contains(word) ? NameBuiltinPseudo
                    : Token.Name, word);
            })
            .Rule(Rx(Identifier), "Name")
            .Rule(Rx("(?:" + Decimal + ")((?:" + Exponent + "))?j?", i: true), "Literal.Number.Float")
            .Rule(Rx("(?:" + Digits + ")(?:" + Exponent + ")j?", i: true), "Literal.Number.Float")
            .Rule(Rx("(?:" + Digits + ")j", i: true), "Literal.Number.Float")
            .Rule(Rx("0b(_?[0-1])+", i: true), "Literal.Number.Bin")
            .Rule(Rx("0o(_?[0-7])+", i: true), "Literal.Number.Oct")
            .Rule(Rx("0x(_?[a-f0-9])+", i: true), "Literal.Number.Hex")
            .Rule(Rx(@"\d+L"), "Literal.Number.Integer.Long")
            .Rule(Rx("([1-9](_?[0-9])*|0(_?0)*)"), "Literal.Number.Integer");

        states["funcname"].Rule(Rx(Identifier), "Name.Function", "#pop");
        states["classname"].Rule(Rx(Identifier), "Name.Class", "#pop");

        states["raise"]
            .Rule(Rx(@"from\b"), "Keyword")
            .Rule(Rx(@"raise\b"), "Keyword")
            .Rule(Rx(@"yield\b"), "Keyword")
            .Rule(Rx(@"\n"), "Text", "#pop")
            .Rule(Rx(";"), "Punctuation", "#pop")
            .Mixin("root");
        states["yield"].Mixin("raise");

        states["generic_string"]
            .Rule(Rx(@"[^'""\\{]+"), "Literal.String")
            .Rule(Rx("{{"), "Literal.String")
            .Rule(Rx("'''|\"\"\"|['\"]"), r =>
            {
                r.Token("Literal.String");
                var open = Strings(r);
                if (open.Count > 0 && open[^1].Delim == r[0])
                {
                    open.RemoveAt(open.Count - 1);
                    r.Pop();
                }
            })
            .Rule(Rx(@"(?=\\)"), "Literal.String", "generic_escape")
            .Rule(Rx("{"), r =>
            {
                var open = Strings(r);
                if (open.Count > 0 && open[^1].Type.Contains('f'))
                {
                    r.Token("Literal.String.Interpol");
                    r.Push("generic_interpol");
                }
                else
                {
                    r.Token("Literal.String");
                }
            });

        states["generic_escape"]
            .Rule(Rx("""
                \\
                  ( [\\abfnrtv"']
                  | \n
                  | newline
                  | N{[a-zA-Z][a-zA-Z ]+[a-zA-Z]}
                  | u[a-fA-F0-9]{4}
                  | U[a-fA-F0-9]{8}
                  | x[a-fA-F0-9]{2}
                  | [0-7]{1,3}
                  )
                """, x: true), r =>
            {
                var open = Strings(r);
                r.Token(open.Count > 0 && open[^1].Type.Contains('r') ? "Literal.String" : "Literal.String.Escape");
                r.Pop();
            })
            .Rule(Rx(@"\\."), "Literal.String", "#pop");

        states["generic_interpol"]
            .Rule(Rx("[^{}!:]+"), r => r.Recurse(r[0]))
            .Rule(Rx("![asr]"), "Literal.String.Interpol")
            .Rule(Rx(":"), "Literal.String.Interpol")
            .Rule(Rx("{"), "Literal.String.Interpol", "generic_interpol")
            .Rule(Rx("}"), "Literal.String.Interpol", "#pop");
    }
}
