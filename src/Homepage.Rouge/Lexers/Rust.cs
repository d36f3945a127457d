using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Rust</c> lexer (<c>rust</c>, <c>rs</c>), rule for rule.</summary>
public sealed class Rust : RegexLexer
{
    public override string Tag => "rust";
    public override IReadOnlyList<string> Aliases { get; } =
        ["rs", "rust,no_run", "rs,no_run", "rust,ignore", "rs,ignore", "rust,should_panic", "rs,should_panic"];

    private const string Keywords = "as|async|await|break|const|continue|crate|dyn|else|enum|extern|false|fn|for|if|impl|in|let|log|loop|match|mod|move|mut|pub|ref|return|self|Self|static|struct|super|trait|true|type|unsafe|use|where|while|abstract|become|box|do|final|macro|override|priv|typeof|unsized|virtual|yield|try|union";

    private static readonly HashSet<string> Builtins = [.. """
        Add BitAnd BitOr BitXor bool c_char c_double c_float char
        c_int clock_t c_long c_longlong Cons Const Copy c_schar c_short
        c_uchar c_uint c_ulong c_ulonglong c_ushort c_void dev_t DIR
        dirent Div Either Eq Err f32 f64 Failure FILE float fpos_t
        i16 i32 i64 i8 isize Index ino_t int intptr_t Left mode_t Modulo Mul
        Neg Nil None Num off_t Ok Option Ord Owned pid_t Ptr ptrdiff_t
        Right Send Shl Shr size_t Some ssize_t str Sub Success time_t
        u16 u32 u64 u8 usize uint uintptr_t
        Box Vec String Gc Rc Arc
        u128 i128 Result Sync Pin Unpin Sized Drop drop Fn FnMut FnOnce
        Clone PartialEq PartialOrd AsMut AsRef From Into Default
        DoubleEndedIterator ExactSizeIterator Extend IntoIterator Iterator
        """.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)];

    private const string Id = @"[\p{XID_Start}_]\p{XID_Continue}*";
    private const string Hex = "(?i:[0-9a-f])";
    private const string Escapes = @"(?x-si:
        \\ ([nrt'""\\0] | x" + Hex + "{2} | u\\{(" + Hex + @"_*){1,6}\})
        )";
    private const string Size = "(?:8|16|32|64|128|size)";

    private static Dictionary<string, int> Delims(Run r) => (Dictionary<string, int>)r.Vars["delims"]!;

    protected override void Start(Run run)
    {
        run.Vars["delims"] = new Dictionary<string, int> { ["]"] = 0, [")"] = 0, ["}"] = 0 };
        run.Push("bol");
    }

    protected override void DefineStates(StateTable states)
    {
        states["bol"]
            .Mixin("whitespace")
            .Rule(Rx(@"#\s[^\n]*"), "Comment.Special")
            .Rule(Rx(""), r => r.Pop());

        states["attribute"]
            .Mixin("whitespace")
            .Mixin("has_literals")
            .Rule(Rx("[(,)=:]"), "Name.Decorator")
            .Rule(Rx(@"\]"), "Name.Decorator", "#pop")
            .Rule(Rx(Id), "Name.Decorator");

        states["whitespace"].Rule(Rx(@"\s+"), "Text").Mixin("comments");

        states["comments"]
            .Rule(Rx(@"////+[^\n]*"), "Comment.Single")
            .Rule(Rx(@"//[/!][^\n]*"), "Comment.Doc")
            .Rule(Rx(@"//[^\n]*"), "Comment.Single")
            .Rule(Rx(@"/\*\*\*?/"), "Comment.Multiline")
            .Rule(Rx(@"/\*\*\*+"), "Comment.Multiline", "nested_plain_block")
            .Rule(Rx("/[*][*!]"), "Comment.Doc", "nested_doc_block")
            .Rule(Rx("/[*]"), "Comment.Multiline", "nested_plain_block");

        foreach (var (name, token) in new[] { ("nested_plain_block", "Comment.Multiline"), ("nested_doc_block", "Comment.Doc") })
            states[name]
                .Rule(Rx(@"\*/"), token, "#pop")
                .Rule(Rx(@"/\*"), token, name)
                .Rule(Rx("[^*/]+|[*/]"), token);

        states["root"]
            .Rule(Rx(@"\n"), "Text", "bol")
            .Mixin("whitespace")
            .Rule(Rx(@"#!?\["), "Name.Decorator", "attribute")
            .Rule(Rx(@"\b(?:" + Keywords + @")\b"), "Keyword")
            .Mixin("has_literals")
            .Rule(Rx("[=-]>"), "Keyword")
            .Rule(Rx("<->"), "Keyword")
            .Rule(Rx(@"[()\[\]{}|,:;]"), "Punctuation")
            .Rule(Rx(@"[*\/!@~&+%^<>=\?-]|\.{2,3}"), "Operator")
            .Rule(Rx(@"([.]\s*)?" + Id + @"(?=\s*[(])", m: true), "Name.Function")
            .Rule(Rx(@"[.]\s*await\b"), "Keyword")
            .Rule(Rx(@"[.]\s*" + Id), "Name.Property")
            .Rule(Rx(@"[.]\s*\d+"), "Name.Attribute")
            .Groups(Rx("(" + Id + ")(::)", m: true), ["Name.Namespace", "Punctuation"])
            .Rule(Rx(@"\bmacro_rules!"), "Name.Decorator", "macro_rules")
            .Rule(Rx(Id + "!"), "Name.Decorator", "macro")
            .Rule(Rx(@"'static\b"), "Keyword")
            .Rule(Rx("'" + Id), "Name.Variable")
            .Rule(Rx(Id), r => r.Token(Builtins.Contains(r[0]!) ? "Name.Builtin" : "Name"));

        states["macro"]
            .Mixin("has_literals")
            .Rule(Rx(@"[\[{(]"), r =>
            {
                var close = r[0] switch { "[" => "]", "(" => ")", _ => "}" };
                Delims(r)[close]++;
                r.Token("Punctuation");
            })
            .Rule(Rx(@"[\]})]"), r =>
            {
                var delims = Delims(r);
                delims[r[0]!]--;
                if (delims.Values.All(v => v == 0)) r.Pop();
                r.Token("Punctuation");
            })
            .Rule(Rx(Id + "!"), "Name.Decorator")
            .Mixin("root")
            .Rule(Rx("."), "Text");

        states["macro_rules"]
            .Rule(Rx("[$]" + Id + "(:" + Id + ")?"), "Name.Variable")
            .Rule(Rx("[$]"), "Name.Variable")
            .Mixin("macro");

        const string Dot = "(?-six:[.][0-9][0-9_]*)";
        const string Exp = "(?-six:[eE][-+]?[0-9_]+)";
        const string Flt = "(?-six:f32|f64)";
        states["has_literals"]
            .Rule(Rx(@"\b(?:true|false)\b"), "Keyword.Constant")
            .Rule(Rx("""
                b?' (?: 
                """ + Escapes + """
                 | [^\\] ) '
                """, x: true), "Literal.String.Char")
            .Rule(Rx("b?\""), "Literal.String", "string")
            .Rule(Rx("b?r(#*)\".*?\"\\1", m: true), "Literal.String")
            .Rule(Rx("""
                [0-9][0-9_]*
                (
                """ + Dot + "  " + Exp + "? " + Flt + """
                ?
                |
                """ + Dot + "? " + Exp + "  " + Flt + """
                ?
                |
                """ + Dot + "? " + Exp + "? " + Flt + """

                |[.](?![._\p{XID_Start}])
                )
                """, x: true), "Literal.Number.Float")
            .Rule(Rx("""
                ( 0b[10_]+
                | 0x[0-9a-fA-F_]+
                | 0o[0-7_]+
                | [0-9][0-9_]*
                ) (u
                """ + Size + "?|i" + Size + ")?", x: true), "Literal.Number.Integer");

        states["string"]
            .Rule(Rx("\""), "Literal.String", "#pop")
            .Rule(Rx(Escapes), "Literal.String.Escape")
            .Rule(Rx(@"[^""\\]+", m: true), "Literal.String");
    }
}
