using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>JSON</c> lexer (<c>json</c>), rule for rule.</summary>
public sealed class Json : RegexLexer
{
    public override string Tag => "json";

    protected override void DefineStates(StateTable states)
    {
        states["whitespace"].Rule(Rx(@"\s+"), "Text.Whitespace");

        states["root"]
            .Mixin("whitespace")
            .Rule(Rx("{"), "Punctuation", "object")
            .Rule(Rx(@"\["), "Punctuation", "array")
            .Mixin("name")
            .Mixin("value")
            .Rule(Rx(@"[\]}]"), "Punctuation");

        states["object"]
            .Mixin("whitespace")
            .Mixin("name")
            .Mixin("value")
            .Rule(Rx("}"), "Punctuation", "#pop")
            .Rule(Rx(","), "Punctuation");

        states["name"].Groups(Rx("(\"(?:\\\\.|[^\"\\\\\\n])*?\")(\\s*)(:)"), ["Name.Label", "Text.Whitespace", "Punctuation"]);

        states["value"]
            .Mixin("whitespace")
            .Mixin("constants")
            .Rule(Rx("\""), "Literal.String.Double", "string")
            .Rule(Rx(@"\["), "Punctuation", "array")
            .Rule(Rx("{"), "Punctuation", "object");

        states["string"]
            .Rule(Rx("[^\\\\\"]+"), "Literal.String.Double")
            .Rule(Rx(@"\\."), "Literal.String.Escape")
            .Rule(Rx("\""), "Literal.String.Double", "#pop");

        states["array"]
            .Mixin("value")
            .Rule(Rx(@"\]"), "Punctuation", "#pop")
            .Rule(Rx(","), "Punctuation");

        states["constants"]
            .Rule(Rx("(?:true|false|null)"), "Keyword.Constant")
            .Rule(Rx(@"-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?", i: true), "Literal.Number.Float")
            .Rule(Rx(@"-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?", i: true), "Literal.Number.Integer");
    }
}
