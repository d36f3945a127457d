using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Go</c> lexer (<c>go</c>, <c>golang</c>), rule for rule.</summary>
public sealed class Go : RegexLexer
{
    public override string Tag => "go";
    public override IReadOnlyList<string> Aliases { get; } = ["golang"];

    // Ruby interpolates these regexes into one another; each keeps its own flags, as (?flags-flags:...) does.
    private static string Plain(string s) => "(?-six:" + s + ")";
    private static string Ext(string s) => "(?x-si:" + s + ")";
    private static string Dot(string s) => "(?s-ix:" + s + ")";

    private static readonly string Newline = Plain(@"\n");
    private static readonly string UnicodeChar = Plain(@"[^\n]");
    private static readonly string Letter = Plain(Plain("[[:alpha:]]") + "|_");
    private static readonly string UnicodeDigit = Plain("[[:digit:]]");
    private static readonly string HexDigit = Plain("[0-9A-Fa-f]");
    private static readonly string OctalDigit = Plain("[0-7]");
    private static readonly string DecimalDigit = Plain("[0-9]");
    private static readonly string LineComment = Plain(@"\/\/(?:(?!" + Newline + ").)*");
    private static readonly string GeneralComment = Dot(@"\/\*(?:(?!\*\/).)*\*\/");
    private static readonly string Comment = LineComment + "|" + GeneralComment;
    private static readonly string Keyword = Ext(@"\b(?:
        break       | default     | func
      | interface   | select      | case
      | defer       | go          | map
      | struct      | chan        | else
      | goto        | package     | switch
      | const       | fallthrough | if
      | range       | type        | continue
      | for         | import      | return
      | var
      )\b");
    private static readonly string Identifier = Ext(" (?!" + Keyword + ")\n " + Letter + "(?:" + Letter + "|" + UnicodeDigit + ")* ");
    private static readonly string Operator = Ext(@" \+=    | \+\+   | \+     | &\^=   | &\^
      | &=     | &&     | &      | ==     | =
      | \!=    | \!     | -=     | --     | -
      | \|=    | \|\|   | \|     | <=     | <-
      | <<=    | <<     | <      | \*=    | \*
      | \^=    | \^     | >>=    | >>     | >=
      | >      | \/     | \/=    | :=     | %
      | %=     | \.\.\. | \.     | :
      ");
    private static readonly string Separator = Ext(@" \(     | \)     | \[     | \]     | \{
      | \}     | ,      | ;
      ");
    private static readonly string DecimalLit = Plain("[0-9]" + DecimalDigit + "*");
    private static readonly string OctalLit = Plain("0" + OctalDigit + "*");
    private static readonly string HexLit = Plain("0[xX]" + HexDigit + "+");
    private static readonly string IntLit = HexLit + "|" + DecimalLit + "|" + OctalLit;
    private static readonly string Decimals = Plain(DecimalDigit + "+");
    private static readonly string Exponent = Plain(@"[eE][+\-]?" + Decimals);
    private static readonly string FloatLit = Ext(" " + Decimals + @" \. " + Decimals + "? " + Exponent + @"?
      | " + Decimals + " " + Exponent + @"
      | \. " + Decimals + " " + Exponent + @"?
      ");
    private static readonly string ImaginaryLit = Plain("(?:" + Decimals + "|" + FloatLit + ")i");
    private static readonly string EscapedChar = Plain(@"\\[abfnrtv\\'""]");
    private static readonly string LittleU = Plain(@"\\u" + HexDigit + "{4}");
    private static readonly string BigU = Plain(@"\\U" + HexDigit + "{8}");
    private static readonly string UnicodeValue = Ext(" " + UnicodeChar + " | " + LittleU + "\n | " + BigU + "  | " + EscapedChar + "\n ");
    private static readonly string OctalByte = Plain(@"\\" + OctalDigit + "{3}");
    private static readonly string HexByte = Plain(@"\\x" + HexDigit + "{2}");
    private static readonly string ByteValue = OctalByte + "|" + HexByte;
    private static readonly string CharLit = Plain("'(?:" + UnicodeValue + "|" + Plain(ByteValue) + ")'");
    private static readonly string EscapeSequence = Ext(" " + EscapedChar + "\n | " + LittleU + "\n | " + BigU + "\n | " + HexByte + "\n ");
    private static readonly string PredeclaredTypes = Ext(@"\b(?:
        bool       | byte       | complex64
      | complex128 | error      | float32
      | float64    | int8       | int16
      | int32      | int64      | int
      | rune       | string     | uint8
      | uint16     | uint32     | uint64
      | uintptr    | uint
      )\b");
    private const string PredeclaredConstants = @"\b(?:true|false|iota|nil)\b";
    private static readonly string PredeclaredFunctions = Ext(@"\b(?:
        append  | cap     | close   | complex
      | copy    | delete  | imag    | len
      | make    | new     | panic   | print
      | println | real    | recover
      )\b");

    protected override void DefineStates(StateTable states)
    {
        states["simple_tokens"]
            .Rule(RxDynamic(Comment), "Comment")
            .Rule(RxDynamic(Keyword), "Keyword")
            .Rule(RxDynamic(PredeclaredTypes), "Keyword.Type")
            .Rule(RxDynamic(PredeclaredFunctions), "Name.Builtin")
            .Rule(Rx(PredeclaredConstants), "Name.Constant")
            .Rule(RxDynamic(ImaginaryLit), "Literal.Number")
            .Rule(RxDynamic(FloatLit), "Literal.Number")
            .Rule(RxDynamic(IntLit), "Literal.Number")
            .Rule(RxDynamic(CharLit), "Literal.String.Char")
            .Rule(RxDynamic(Operator), "Operator")
            .Rule(RxDynamic(Separator), "Punctuation")
            .Rule(RxDynamic(Identifier), "Name")
            .Rule(Rx(@"\s+"), "Text");

        states["root"]
            .Mixin("simple_tokens")
            .Rule(Rx("`"), "Literal.String", "raw_string")
            .Rule(Rx("\""), "Literal.String", "interpreted_string");

        states["interpreted_string"]
            .Rule(RxDynamic(EscapeSequence), "Literal.String.Escape")
            .Rule(Rx(@"\\."), "Error")
            .Rule(Rx("\""), "Literal.String", "#pop")
            .Rule(Rx(@"[^""\\]+"), "Literal.String");

        states["raw_string"]
            .Rule(Rx("`"), "Literal.String", "#pop")
            .Rule(Rx("[^`]+", m: true), "Literal.String");
    }
}
