using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>R</c> lexer (<c>r</c>, <c>s</c>), rule for rule.</summary>
public sealed class R : RegexLexer
{
    public override string Tag => "r";
    public override IReadOnlyList<string> Aliases { get; } = ["s"];

    private static readonly HashSet<string> Keywords = ["if", "else", "for", "while", "repeat", "in", "next", "break", "function"];
    private static readonly HashSet<string> KeywordConstants =
        ["NULL", "Inf", "TRUE", "FALSE", "NaN", "NA", "NA_integer_", "NA_real_", "NA_complex_", "NA_character_"];
    private static readonly HashSet<string> BuiltinConstants = ["LETTERS", "letters", "month.abb", "month.name", "pi", "T", "F"];
    private static readonly string PrimitiveFunctions = string.Join("|", """
        abs acos acosh all any anyNA Arg as.call as.character
        as.complex as.double as.environment as.integer as.logical
        as.null.default as.numeric as.raw asin asinh atan atanh attr
        attributes baseenv browser c call ceiling class Conj cos cosh
        cospi cummax cummin cumprod cumsum digamma dim dimnames
        emptyenv exp expression floor forceAndCall gamma gc.time
        globalenv Im interactive invisible is.array is.atomic is.call
        is.character is.complex is.double is.environment is.expression
        is.finite is.function is.infinite is.integer is.language
        is.list is.logical is.matrix is.na is.name is.nan is.null
        is.numeric is.object is.pairlist is.raw is.recursive is.single
        is.symbol lazyLoadDBfetch length lgamma list log max min
        missing Mod names nargs nzchar oldClass on.exit pos.to.env
        proc.time prod quote range Re rep retracemem return round
        seq_along seq_len seq.int sign signif sin sinh sinpi sqrt
        standardGeneric substitute sum switch tan tanh tanpi tracemem
        trigamma trunc unclass untracemem UseMethod xtfrm
        """.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    protected override void DefineStates(StateTable states) =>
        states["root"]
            .Rule(Rx("#'.*?$"), "Comment.Doc")
            .Rule(Rx("#.*?$"), "Comment.Single")
            .Rule(Rx(@"\s+", m: true), "Text.Whitespace")
            .Rule(Rx("`[^`]+?`"), "Name")
            .Rule(Rx(@"'(\\.|.)*?'", m: true), "Literal.String.Single")
            .Rule(Rx(@"""(\\.|.)*?""", m: true), "Literal.String.Double")
            .Rule(Rx("%[^%]*?%"), "Operator")
            .Rule(Rx("0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?"), "Literal.Number.Hex")
            .Rule(Rx(@"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?"), "Literal.Number")
            .Rule(Rx(@"\b(?<!.)(" + PrimitiveFunctions + @")(?=\()"), "Name.Function")
            .Rule(Rx("(?:(?:[[:alpha:]]|[.][._[:alpha:]])[._[:alnum:]]*)|[.]"), r =>
            {
                var w = r[0]!;
                r.Token(Keywords.Contains(w) ? "Keyword" : KeywordConstants.Contains(w) ? "Keyword.Constant"
                    : BuiltinConstants.Contains(w) ? "Name.Builtin" : "Name");
            })
            .Rule(Rx(@"[\[\]{}();,]"), "Punctuation")
            .Rule(Rx(@"[-<>?*+^/!=~$@:%&|]"), "Operator");
}
