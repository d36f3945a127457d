using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Javascript</c> lexer (<c>javascript</c>, <c>js</c>), rule for rule.</summary>
public class Javascript : RegexLexer
{
    public override string Tag => "javascript";
    public override IReadOnlyList<string> Aliases { get; } = ["js"];

    protected virtual HashSet<string> Keywords { get; } =
    [
        "as", "async", "await", "break", "case", "catch", "continue", "debugger", "default", "delete", "do", "else", "export",
        "finally", "from", "for", "if", "import", "in", "instanceof", "new", "of", "return", "super", "switch", "this", "throw",
        "try", "typeof", "void", "while", "yield",
    ];
    protected virtual HashSet<string> Declarations { get; } =
        ["var", "let", "const", "with", "function", "class", "extends", "constructor", "get", "set", "static"];
    protected virtual HashSet<string> Reserved { get; } = ["enum", "implements", "interface", "package", "private", "protected", "public"];
    private static readonly HashSet<string> Constants = ["true", "false", "null", "NaN", "Infinity", "undefined"];
    protected virtual HashSet<string> Builtins { get; } =
    [
        "Array", "Boolean", "Date", "Error", "Function", "Math", "netscape", "Number", "Object", "Packages", "RegExp", "String",
        "sun", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "eval", "isFinite", "isNaN",
        "parseFloat", "parseInt", "document", "window", "navigator", "self", "global", "Promise", "Set", "Map", "WeakSet",
        "WeakMap", "Symbol", "Proxy", "Reflect", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
        "Uint16ClampedArray", "Int32Array", "Uint32Array", "Uint32ClampedArray", "Float32Array", "Float64Array", "DataView",
        "ArrayBuffer",
    ];

    internal HashSet<string> KeywordSet => Keywords;
    internal HashSet<string> DeclarationSet => Declarations;
    internal HashSet<string> ReservedSet => Reserved;
    internal HashSet<string> BuiltinSet => Builtins;

    protected const string Id = @"[\p{L}\p{Nl}$_][\p{Word}]*";

    protected override void DefineStates(StateTable states)
    {
        states["multiline_comment"]
            .Rule(Rx("[*]/"), "Comment.Multiline", "#pop")
            .Rule(Rx("[^*/]+"), "Comment.Multiline")
            .Rule(Rx("[*/]"), "Comment.Multiline");

        states["comments_and_whitespace"]
            .Rule(Rx(@"\s+"), "Text")
            .Rule(Rx("<!--"), "Comment")
            .Rule(Rx("//.*?$"), "Comment.Single")
            .Rule(Rx("/[*]"), "Comment.Multiline", "multiline_comment");

        states["expr_start"]
            .Mixin("comments_and_whitespace")
            .Rule(Rx("/"), r => { r.Token("Literal.String.Regex"); r.Goto("regex"); })
            .Rule(Rx("[{]"), r => { r.Token("Punctuation"); r.Goto("object"); })
            .Rule(Rx(""), "Text", "#pop");

        states["regex"]
            .Rule(Rx("/"), r => { r.Token("Literal.String.Regex"); r.Goto("regex_end"); })
            .Rule(Rx(@"[^/]\n"), "Error", "#pop")
            .Rule(Rx(@"\n"), "Error", "#pop")
            .Rule(Rx(@"\[\^"), "Literal.String.Escape", "regex_group")
            .Rule(Rx(@"\["), "Literal.String.Escape", "regex_group")
            .Rule(Rx(@"\\."), "Literal.String.Escape")
            .Rule(Rx("[(][?][:=<!]"), "Literal.String.Escape")
            .Rule(Rx(@"[{][\d,]+[}]"), "Literal.String.Escape")
            .Rule(Rx("[()?]"), "Literal.String.Escape")
            .Rule(Rx("."), "Literal.String.Regex");

        states["regex_end"]
            .Rule(Rx("[gimuy]+"), "Literal.String.Regex", "#pop")
            .Rule(Rx(""), r => r.Pop());

        states["regex_group"]
            .Rule(Rx("/"), "Literal.String.Escape")
            .Rule(Rx(@"[^/]\n"), r => { r.Token("Error"); r.Pop(2); })
            .Rule(Rx(@"\]"), "Literal.String.Escape", "#pop")
            .Rule(Rx(@"\\."), "Literal.String.Escape")
            .Rule(Rx("."), "Literal.String.Regex");

        states["bad_regex"].Rule(Rx(@"[^\n]+"), "Error", "#pop");

        states["root"]
            .Rule(Rx(@"\A\s*#!.*?\n", m: true), "Comment.Preproc", "statement")
            .Rule(Rx(@"(?<=\n)(?=\s|/|<!--)"), "Text", "expr_start")
            .Mixin("comments_and_whitespace")
            .Rule(Rx("""
                \+\+ | -- | ~ | \?\?=? | && | \|\| | \\(?=\n) | << | >>>? | ===
                       | !== 
                """, x: true), "Operator", "expr_start")
            .Rule(Rx(@"[-<>+*%&|\^/!=]=?"), "Operator", "expr_start")
            .Rule(Rx(@"[(\[,]"), "Punctuation", "expr_start")
            .Rule(Rx(";"), "Punctuation", "statement")
            .Rule(Rx(@"[)\].]"), "Punctuation")
            .Rule(Rx("`"), r => { r.Token("Literal.String.Double"); r.Push("template_string"); })
            .Rule(Rx("[?][.]"), "Punctuation")
            .Rule(Rx("[?]"), r => { r.Token("Punctuation"); r.Push("ternary"); r.Push("expr_start"); })
            .Rule(Rx(@"(\@)(\w+)?"), r => { r.Groups("Punctuation", "Name.Decorator"); r.Push("expr_start"); })
            .Rule(Rx("[{}]"), "Punctuation", "statement")
            .Rule(Rx(Id, i: true), r =>
            {
                var word = r[0]!;
                if (Keywords.Contains(word)) { r.Token("Keyword"); r.Push("expr_start"); }
                else if (Declarations.Contains(word)) { r.Token("Keyword.Declaration"); r.Push("expr_start"); }
                else if (Reserved.Contains(word)) r.Token("Keyword.Reserved");
                else if (Constants.Contains(word)) r.Token("Keyword.Constant");
                else if (Builtins.Contains(word)) r.Token("Name.Builtin");
                else r.Token("Name.Other");
            })
            .Rule(Rx(@"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?"), "Literal.Number.Float")
            .Rule(Rx("0x[0-9a-fA-F]+", i: true), "Literal.Number.Hex")
            .Rule(Rx("0o[0-7][0-7_]*", i: true), "Literal.Number.Oct")
            .Rule(Rx("0b[01][01_]*", i: true), "Literal.Number.Bin")
            .Rule(Rx("[0-9]+"), "Literal.Number.Integer")
            .Rule(Rx("\""), "Literal.String.Delimiter", "dq")
            .Rule(Rx("'"), "Literal.String.Delimiter", "sq")
            .Rule(Rx(":"), "Punctuation");

        states["dq"]
            .Rule(Rx(@"\\[\\nrt""]?"), "Literal.String.Escape")
            .Rule(Rx(@"[^\\""]+"), "Literal.String.Double")
            .Rule(Rx("\""), "Literal.String.Delimiter", "#pop");

        states["sq"]
            .Rule(Rx(@"\\[\\nrt']?"), "Literal.String.Escape")
            .Rule(Rx(@"[^\\']+"), "Literal.String.Single")
            .Rule(Rx("'"), "Literal.String.Delimiter", "#pop");

        states["statement"]
            .Rule(Rx(@"case\b"), r => { r.Token("Keyword"); r.Goto("expr_start"); })
            .Groups(Rx("(" + Id + @")(\s*)(:)", i: true), ["Name.Label", "Text", "Punctuation"])
            .Mixin("expr_start");

        states["object"]
            .Mixin("comments_and_whitespace")
            .Rule(Rx("[{]"), r => { r.Token("Punctuation"); r.Push(); })
            .Rule(Rx("[}]"), r => { r.Token("Punctuation"); r.Goto("statement"); })
            .Groups(Rx("(" + Id + @")(\s*)(:)", i: true), ["Name.Attribute", "Text", "Punctuation"], "expr_start")
            .Rule(Rx(":"), "Punctuation")
            .Mixin("root");

        states["ternary"]
            .Rule(Rx(":"), r => { r.Token("Punctuation"); r.Goto("expr_start"); })
            .Mixin("root");

        states["template_string"]
            .Rule(Rx("[$]{"), "Punctuation", "template_string_expr")
            .Rule(Rx("`"), "Literal.String.Double", "#pop")
            .Rule(Rx(@"\\[$`]"), "Literal.String.Escape")
            .Rule(Rx(@"[^$`\\]+"), "Literal.String.Double")
            .Rule(Rx(@"[\\$]"), "Literal.String.Double");

        states["template_string_expr"]
            .Rule(Rx("}"), "Punctuation", "#pop")
            .Mixin("root");
    }
}
