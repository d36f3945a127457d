using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>CSS</c> lexer (<c>css</c>), rule for rule.</summary>
public sealed partial class Css : RegexLexer
{
    public override string Tag => "css";

    private const string Identifier = @"[\p{L}_-][\p{Word}\p{Cf}-]*";
    private const string Number = @"-?(?:[0-9]+(\.[0-9]+)?|\.[0-9]+)";

    protected override void DefineStates(StateTable states)
    {
        states["root"]
            .Mixin("basics")
            .Rule(Rx("{"), "Punctuation", "stanza")
            .Rule(Rx(":[:]?(?:" + Identifier + ")"), "Name.Decorator")
            .Rule(Rx(@"\.(?:" + Identifier + ")"), "Name.Class")
            .Rule(Rx("#(?:" + Identifier + ")"), "Name.Function")
            .Rule(Rx("@(?:" + Identifier + ")"), "Keyword", "at_rule")
            .Rule(Rx(Identifier), "Name.Tag")
            .Rule(Rx(@"[~^*!%&\[\]()<>|+=@:;,./?-]"), "Operator")
            .Rule(Rx(@"""(\\\\|\\""|[^""])*"""), "Literal.String.Single")
            .Rule(Rx(@"'(\\\\|\\'|[^'])*'"), "Literal.String.Double");

        states["value"]
            .Mixin("basics")
            .Rule(Rx(@"url\(.*?\)"), "Literal.String.Other")
            .Rule(Rx("#[0-9a-f]{1,6}", i: true), "Literal.Number")
            .Rule(Rx("(?:" + Number + @")(?:%|(?:em|px|pt|pc|in|mm|cm|ex|rem|ch|vw|vh|vmin|vmax|dpi|dpcm|dppx|deg|grad|rad|turn|s|ms|Hz|kHz)\b)?"), "Literal.Number")
            .Rule(Rx(@"[\[\]():\/.,]"), "Punctuation")
            .Rule(Rx(@"""(\\\\|\\""|[^""])*"""), "Literal.String.Single")
            .Rule(Rx(@"'(\\\\|\\'|[^'])*'"), "Literal.String.Double")
            .Rule(Rx(Identifier), r =>
                r.Token(Constants.Contains(r[0]!) ? "Name.Constant" : Builtins.Contains(r[0]!) ? "Name.Builtin" : "Name"));

        states["at_rule"]
            .Rule(Rx(@"{(?=\s*(?:" + Identifier + @")\s*:)", m: true), "Punctuation", "at_stanza")
            .Rule(Rx("{"), "Punctuation", "at_body")
            .Rule(Rx(";"), "Punctuation", "#pop")
            .Mixin("value");

        states["at_body"].Mixin("at_content").Mixin("root");
        states["at_stanza"].Mixin("at_content").Mixin("stanza");
        states["at_content"].Rule(Rx("}"), r => { r.Token("Punctuation"); r.Pop(2); });

        states["basics"]
            .Rule(Rx(@"\s+", m: true), "Text")
            .Rule(Rx(@"/\*(?:.*?)\*/", m: true), "Comment");

        states["stanza"]
            .Mixin("basics")
            .Rule(Rx("}"), "Punctuation", "#pop")
            .Rule(Rx("(" + Identifier + @")(\s*)(:)", m: true), r =>
            {
                var name = r[1]!;
                var token = Attributes.Contains(name) || VendorPrefixes.Any(name.StartsWith) ? "Name.Label" : "Name.Property";
                r.Groups(token, "Text", "Punctuation");
                r.Push("stanza_value");
            });

        states["stanza_value"]
            .Rule(Rx(";"), "Punctuation", "#pop")
            .Rule(Rx("(?=})"), r => r.Pop())
            .Rule(Rx(@"!\s*important\b"), "Comment.Preproc")
            .Rule(Rx("^@.*?$"), "Comment.Preproc")
            .Mixin("value");
    }
}
