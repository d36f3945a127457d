using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Matlab</c> lexer (<c>matlab</c>, <c>m</c>), rule for rule.</summary>
public sealed partial class Matlab : RegexLexer
{
    private static readonly Shell ShellLexer = new();

    public override string Tag => "matlab";
    public override IReadOnlyList<string> Aliases { get; } = ["m"];

    private static readonly HashSet<string> Keywords =
    [
        "arguments", "break", "case", "catch", "classdef", "continue", "else", "elseif", "end", "for", "function", "global", "if",
        "import", "methods", "otherwise", "parfor", "persistent", "properties", "return", "spmd", "switch", "try", "while",
    ];

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Rule(Rx(@"\s+", m: true), "Text")
            .Rule(Rx("[{]%.*?%[}]", m: true), "Comment.Multiline")
            .Rule(Rx("%.*$"), "Comment.Single")
            .Groups(Rx("([.][.][.])(.*?)$"), ["Keyword", "Comment"])
            .Rule(Rx("^(!)(.*?)(?=%|$)"), r =>
            {
                var bang = r[1];
                var command = r[2];
                r.Token("Keyword", bang);
                r.Delegate(ShellLexer, command);
            })
            .Rule(Rx("[a-zA-Z][_a-zA-Z0-9]*", m: true), r =>
                r.Token(Keywords.Contains(r[0]!) ? "Keyword" : Builtins.Contains(r[0]!) ? "Name.Builtin" : "Name"))
            .Rule(Rx(@"[(){};:,\/\\\]\[]"), "Punctuation")
            .Rule(Rx(@"~=|==|<<|>>|[-~+\/*%=<>&^|.@]"), "Operator")
            .Rule(Rx(@"(\d+\.\d*|\d*\.\d+)(e[+-]?[0-9]+)?", i: true), "Literal.Number.Float")
            .Rule(Rx(@"\d+e[+-]?[0-9]+", i: true), "Literal.Number.Float")
            .Rule(Rx(@"\d+L"), "Literal.Number.Integer.Long")
            .Rule(Rx(@"\d+"), "Literal.Number.Integer")
            .Rule(Rx("'(?=(.*'))"), "Literal.String.Single", "chararray")
            .Rule(Rx("\"(?=(.*\"))"), "Literal.String.Double", "string")
            .Rule(Rx("'"), "Operator");

        states["chararray"]
            .Rule(Rx("[^']+"), "Literal.String.Single")
            .Rule(Rx("''"), "Literal.String.Escape")
            .Rule(Rx("'"), "Literal.String.Single", "#pop");

        states["string"]
            .Rule(Rx("[^\"]+"), "Literal.String.Double")
            .Rule(Rx("\"\""), "Literal.String.Escape")
            .Rule(Rx("\""), "Literal.String.Double", "#pop");
    }
}
