using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>C</c> lexer (<c>c</c>), rule for rule; <see cref="Cpp"/> builds on it as rouge's does.</summary>
public class C : RegexLexer
{
    public override string Tag => "c";

    protected virtual HashSet<string> Keywords { get; } =
    [
        "auto", "break", "case", "const", "continue", "default", "do", "else", "enum", "extern", "for", "goto", "if", "register",
        "restricted", "return", "sizeof", "static", "struct", "switch", "typedef", "union", "volatile", "virtual", "while",
        "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local",
    ];

    protected virtual HashSet<string> KeywordsType { get; } =
    [
        "int", "long", "float", "short", "double", "char", "unsigned", "signed", "void", "jmp_buf", "FILE", "DIR", "div_t",
        "ldiv_t", "mbstate_t", "sig_atomic_t", "fpos_t", "clock_t", "time_t", "va_list", "size_t", "ssize_t", "off_t",
        "wchar_t", "ptrdiff_t", "wctrans_t", "wint_t", "wctype_t", "_Bool", "_Complex", "int8_t", "int16_t", "int32_t",
        "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "int_least8_t", "int_least16_t", "int_least32_t",
        "int_least64_t", "uint_least8_t", "uint_least16_t", "uint_least32_t", "uint_least64_t", "int_fast8_t",
        "int_fast16_t", "int_fast32_t", "int_fast64_t", "uint_fast8_t", "uint_fast16_t", "uint_fast32_t", "uint_fast64_t",
        "intptr_t", "uintptr_t", "intmax_t", "uintmax_t", "char16_t", "char32_t",
    ];

    protected virtual HashSet<string> Reserved { get; } =
    [
        "__asm", "__int8", "__based", "__except", "__int16", "__stdcall", "__cdecl", "__fastcall", "__int32", "__declspec",
        "__finally", "__int61", "__try", "__leave", "inline", "_inline", "__inline", "naked", "_naked", "__naked", "restrict",
        "_restrict", "__restrict", "thread", "_thread", "__thread", "typename", "_typename", "__typename",
    ];

    internal HashSet<string> KeywordSet => Keywords;
    internal HashSet<string> KeywordTypeSet => KeywordsType;
    internal HashSet<string> ReservedSet => Reserved;

    protected const string Ws = @"(?-s:(?:\s|//.*?\n|/[*].*?[*]/)+)";
    protected const string Id = "[a-zA-Z_][a-zA-Z0-9_]*";

    protected override void Start(Run run) => run.Push("bol");

    protected override void DefineStates(StateTable states)
    {
        states["expr_bol"]
            .Mixin("inline_whitespace")
            .Rule(Rx(@"#if\s0"), "Comment", "if_0")
            .Rule(Rx("#"), "Comment.Preproc", "macro")
            .Rule(Rx(""), r => r.Pop());

        states["bol"]
            .Rule(Rx(Id + ":(?!:)"), "Name.Label")
            .Mixin("expr_bol");

        states["inline_whitespace"]
            .Rule(Rx(@"[ \t\r]+"), "Text")
            .Rule(Rx(@"\\\n"), "Text")
            .Rule(Rx(@"/(\\\n)?[*].*?[*](\\\n)?/", m: true), "Comment.Multiline");

        states["whitespace"]
            .Rule(Rx(@"\n+", m: true), "Text", "bol")
            .Rule(Rx(@"//(\\.|.)*?$"), "Comment.Single", "bol")
            .Mixin("inline_whitespace");

        states["expr_whitespace"]
            .Rule(Rx(@"\n+", m: true), "Text", "expr_bol")
            .Mixin("whitespace");

        states["statements"]
            .Mixin("whitespace")
            .Rule(Rx("(u8|u|U|L)?\""), "Literal.String", "string")
            .Rule(Rx(@"(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", i: true), "Literal.String.Char")
            .Rule(Rx(@"(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", i: true), "Literal.Number.Float")
            .Rule(Rx(@"\d+e[+-]?\d+[lu]*", i: true), "Literal.Number.Float")
            .Rule(Rx("0x[0-9a-f]+[lu]*", i: true), "Literal.Number.Hex")
            .Rule(Rx("0[0-7]+[lu]*", i: true), "Literal.Number.Oct")
            .Rule(Rx(@"\d+[lu]*", i: true), "Literal.Number.Integer")
            .Rule(Rx(@"\*/"), "Error")
            .Rule(Rx(@"[~!%^&*+=\|?:<>/-]"), "Operator")
            .Rule(Rx(@"[()\[\],.;]"), "Punctuation")
            .Rule(Rx(@"\bcase\b"), "Keyword", "case")
            .Rule(Rx(@"(?:true|false|NULL)\b"), "Name.Builtin")
            .Rule(Rx(Id), r =>
            {
                var name = r[0]!;
                r.Token(Keywords.Contains(name) ? "Keyword" : KeywordsType.Contains(name) ? "Keyword.Type"
                    : Reserved.Contains(name) ? "Keyword.Reserved" : "Name");
            });

        states["case"]
            .Rule(Rx(":"), "Punctuation", "#pop")
            .Mixin("statements");

        states["root"]
            .Mixin("expr_whitespace")
            .Rule(Rx("""
                ([\w*\s]+?[\s*]) # return arguments
                (
                """ + Id + """
                )          # function name
                (\s*\([^;]*?\))  # signature
                (
                """ + Ws + """
                ?)({|;)    # open brace or semicolon
                """, m: true, x: true), r =>
            {
                var (ret, name, signature, space, brace) = (r[1], r[2], r[3], r[4], r[5]);
                r.Recurse(ret);
                r.Token("Name.Function", name);
                r.Recurse(signature);
                r.Recurse(space);
                r.Token("Punctuation", brace);
                if (brace == "{") r.Push("function");
            })
            .Rule(Rx(@"\{"), "Punctuation", "function")
            .Mixin("statements");

        states["function"]
            .Mixin("whitespace")
            .Mixin("statements")
            .Rule(Rx(";"), "Punctuation")
            .Rule(Rx("{"), "Punctuation", "function")
            .Rule(Rx("}"), "Punctuation", "#pop");

        states["string"]
            .Rule(Rx("\""), "Literal.String", "#pop")
            .Rule(Rx(@"\\([\\abfnrtv""']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})"), "Literal.String.Escape")
            .Rule(Rx(@"[^\\""\n]+"), "Literal.String")
            .Rule(Rx(@"\\\n"), "Literal.String")
            .Rule(Rx(@"\\"), "Literal.String");

        states["macro"]
            .Mixin("include")
            .Rule(Rx(@"[^/\n\\]+"), "Comment.Preproc")
            .Rule(Rx(@"\\.", m: true), "Comment.Preproc")
            .Mixin("inline_whitespace")
            .Rule(Rx("/"), "Comment.Preproc")
            .Rule(Rx(@"\n"), "Comment.Preproc", "#pop");

        states["include"]
            .Groups(Rx(@"(include)(\s*)(<[^>]+>)([^\n]*)"), ["Comment.Preproc", "Text", "Comment.PreprocFile", "Comment.Single"])
            .Groups(Rx(@"(include)(\s*)(""[^""]+"")([^\n]*)"), ["Comment.Preproc", "Text", "Comment.PreprocFile", "Comment.Single"]);

        states["if_0"]
            .Rule(Rx(@"^\s*#if"), "Comment", "if_0")
            .Rule(Rx(@"^\s*#\s*el(?:se|if)"), "Comment", "#pop")
            .Rule(Rx(@"^\s*#\s*endif\b.*?(?<!\\)\n", m: true), "Comment", "#pop")
            .Rule(Rx(@".*?\n"), "Comment");
    }
}

/// <summary>rouge 3.30's <c>Cpp</c> lexer (<c>cpp</c>, <c>c++</c>): the C lexer with C++'s words, numbers and templates.</summary>
public sealed class Cpp : C
{
    public override string Tag => "cpp";
    public override IReadOnlyList<string> Aliases { get; } = ["c++"];

    protected override HashSet<string> Keywords { get; } = [.. new C().KeywordSet,
        "asm", "auto", "catch", "char8_t", "concept", "consteval", "constexpr", "constinit", "const_cast", "co_await",
        "co_return", "co_yield", "delete", "dynamic_cast", "explicit", "export", "friend", "mutable", "namespace", "new",
        "operator", "private", "protected", "public", "reinterpret_cast", "requires", "restrict", "size_of", "static_cast",
        "this", "throw", "throws", "typeid", "typename", "using", "virtual", "final", "override", "alignas", "alignof",
        "decltype", "noexcept", "static_assert", "thread_local", "try"];

    protected override HashSet<string> KeywordsType { get; } = [.. new C().KeywordTypeSet, "bool"];

    protected override HashSet<string> Reserved { get; } = [.. new C().ReservedSet,
        "__virtual_inheritance", "__uuidof", "__super", "__single_inheritance", "__multiple_inheritance", "__interface", "__event"];

    private const string Dq = @"\d('?\d)*";

    protected override void DefineStates(StateTable states)
    {
        base.DefineStates(states);
        states.Prepend("root", s => s.Rule(Rx(@"(?:__offload|__blockingoffload|__outer)\b"), "Keyword.Pseudo"));
        states.Prepend("statements", s => s
            .Rule(Rx(@"(class|struct)\b"), "Keyword", "classname")
            .Rule(Rx(@"template\b"), "Keyword", "template")
            .Rule(Rx("(?:" + Dq + @")(\.(?:" + Dq + @"))?(?:y|d|h|(?:min)|s|(?:ms)|(?:us)|(?:ns)|i|(?:if)|(?:il))\b"), "Literal.Number.Other")
            .Rule(Rx("((?:" + Dq + ")[.](?:" + Dq + ")?|[.](?:" + Dq + "))(e[+-]?(?:" + Dq + ")[lu]*)?", i: true), "Literal.Number.Float")
            .Rule(Rx("(?:" + Dq + ")e[+-]?(?:" + Dq + ")[lu]*", i: true), "Literal.Number.Float")
            .Rule(Rx(@"0x\h('?\h)*[lu]*", i: true), "Literal.Number.Hex")
            .Rule(Rx("0b[01]+('[01]+)*"), "Literal.Number.Bin")
            .Rule(Rx("0[0-7]('?[0-7])*[lu]*", i: true), "Literal.Number.Oct")
            .Rule(Rx("(?:" + Dq + ")[lu]*", i: true), "Literal.Number.Integer")
            .Rule(Rx(@"\bnullptr\b"), "Name.Builtin")
            .Rule(Rx(@"(?:u8|u|U|L)?R""([a-zA-Z0-9_{}\[\]#<>%:;.?*\+\-\/\^&|~!=,""']{,16})\(.*?\)\1""", m: true), "Literal.String")
            .Rule(Rx("(::|<=>)"), "Operator")
            .Rule(Rx("[{}]"), "Punctuation"));

        states["classname"]
            .Rule(Rx(Id), "Name.Class", "#pop")
            .Mixin("whitespace")
            .Rule(Rx("[.]{3}"), "Operator")
            .Rule(Rx(","), "Punctuation", "#pop")
            .Rule(Rx(""), r => r.Pop());

        states["template"]
            .Rule(Rx("[>;]"), "Punctuation", "#pop")
            .Rule(Rx(@"typename\b"), "Keyword", "classname")
            .Mixin("statements");

        states.Replace("case")
            .Rule(Rx(":(?!:)"), "Punctuation", "#pop")
            .Mixin("statements");
    }
}
