using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Julia</c> lexer (<c>julia</c>, <c>jl</c>), rule for rule.</summary>
public sealed partial class Julia : RegexLexer
{
    public override string Tag => "julia";
    public override IReadOnlyList<string> Aliases { get; } = ["jl"];

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Rule(Rx(@"\n"), "Text")
            .Rule(Rx(@"[^\S\n]+"), "Text")
            .Rule(Rx("#="), "Comment.Multiline", "blockcomment")
            .Rule(Rx("#.*$"), "Comment")
            .Rule(Rx(Operators, x: true), "Operator")
            .Rule(Rx(@"\\\n"), "Text")
            .Rule(Rx(@"\\"), "Text")
            .Groups(Rx(@"(function|macro)((?:\s|\\\s)+)"), ["Keyword", "Name.Function"], "funcname")
            .Groups(Rx(@"((?:mutable )?struct|(?:abstract|primitive) type)((?:\s|\\\s)+)"), ["Keyword", "Name.Class"], "typename")
            .Rule(Rx(Types, x: true), "Keyword.Type")
            .Rule(Rx(@"(local|global|const)\b"), "Keyword.Declaration")
            .Rule(Rx(Keywords, x: true), "Keyword")
            .Rule(Rx(Builtins, x: true), "Name.Builtin")
            .Rule(Rx("`.*?`"), "Literal.String.Backtick")
            .Rule(Rx(@"'(\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,3}|\\u[a-fA-F0-9]{1,4}|\\U[a-fA-F0-9]{1,6}|[^\\\'\n])'"), "Literal.String.Char")
            .Rule(Rx(@"(?<=[.\w)\]])\'+"), "Operator")
            .Rule(Rx("(?:[IL])\""), "Literal.String", "string")
            .Rule(Rx("[E]?\""), "Literal.String", "string")
            .Rule(Rx(@"@[\w.]+"), "Name.Decorator")
            .Rule(Rx(@"(?:[a-zA-Z_\u00A1-\uffff]|[\u1000-\u10ff])(?:[a-zA-Z_0-9\u00A1-\uffff]|[\u1000-\u10ff])*!*"), "Name")
            .Rule(Rx(Punctuation, x: true), "Other")
            .Rule(Rx(@"(\d+(_\d+)+\.\d*|\d*\.\d+(_\d+)+)([eEf][+-]?[0-9]+)?"), "Literal.Number.Float")
            .Rule(Rx(@"(\d+\.\d*|\d*\.\d+)([eEf][+-]?[0-9]+)?"), "Literal.Number.Float")
            .Rule(Rx(@"\d+(_\d+)+[eEf][+-]?[0-9]+"), "Literal.Number.Float")
            .Rule(Rx(@"\d+[eEf][+-]?[0-9]+"), "Literal.Number.Float")
            .Rule(Rx("0b[01]+(_[01]+)+"), "Literal.Number.Bin")
            .Rule(Rx("0b[01]+"), "Literal.Number.Bin")
            .Rule(Rx("0o[0-7]+(_[0-7]+)+"), "Literal.Number.Oct")
            .Rule(Rx("0o[0-7]+"), "Literal.Number.Oct")
            .Rule(Rx("0x[a-fA-F0-9]+(_[a-fA-F0-9]+)+"), "Literal.Number.Hex")
            .Rule(Rx("0x[a-fA-F0-9]+"), "Literal.Number.Hex")
            .Rule(Rx(@"\d+(_\d+)+"), "Literal.Number.Integer")
            .Rule(Rx(@"\d+"), "Literal.Number.Integer");

        states["funcname"]
            .Rule(Rx(@"[\p{L}\p{Nl}\p{S}_][\p{Word}\p{S}\p{Po}!]*"), "Name.Function", "#pop")
            .Rule(Rx(@"\([^\s\w{]{1,2}\)"), "Operator", "#pop")
            .Rule(Rx(@"[^\s\w{]{1,2}"), "Operator", "#pop");

        states["typename"].Rule(Rx(@"[\p{L}\p{Nl}\p{S}_][\p{Word}\p{S}\p{Po}!]*"), "Name.Class", "#pop");

        states["stringescape"]
            .Rule(Rx(@"\\([\\abfnrtv""\']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})"), "Literal.String.Escape");

        states["blockcomment"]
            .Rule(Rx("[^=#]"), "Comment.Multiline")
            .Rule(Rx("#="), "Comment.Multiline", "blockcomment")
            .Rule(Rx(@"\=#"), "Comment.Multiline", "#pop")
            .Rule(Rx("[=#]"), "Comment.Multiline");

        states["string"]
            .Mixin("stringescape")
            .Rule(Rx("\""), "Literal.String", "#pop")
            .Rule(Rx(@"\\\\|\\""|\\\n"), "Literal.String.Escape")
            .Rule(Rx(@"\$(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?"), "Literal.String.Interpol")
            .Rule(Rx(@"[^\\""$]+"), "Literal.String")
            .Rule(Rx(@"[""\\]"), "Literal.String")
            .Rule(Rx(@"\$"), "Literal.String");
    }
}
