using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>CSharp</c> lexer (<c>csharp</c>, <c>c#</c>, <c>cs</c>), rule for rule.</summary>
public sealed class CSharp : RegexLexer
{
    public override string Tag => "csharp";
    public override IReadOnlyList<string> Aliases { get; } = ["c#", "cs"];

    private const string Id = @"(?i:@?[_a-z]\w*)";
    private const string Keywords = "abstract|as|base|break|case|catch|checked|const|continue|default|delegate|do|else|enum|event|explicit|extern|false|finally|fixed|for|foreach|goto|if|implicit|in|interface|internal|is|lock|new|null|operator|out|override|params|private|protected|public|readonly|ref|return|sealed|sizeof|stackalloc|static|switch|this|throw|true|try|typeof|unchecked|unsafe|virtual|void|volatile|while|add|alias|async|await|get|global|partial|remove|set|value|where|yield|nameof|ascending|by|descending|equals|from|group|in|into|join|let|on|orderby|select";
    private const string KeywordsType = "bool|byte|char|decimal|double|dynamic|float|int|long|object|sbyte|short|string|uint|ulong|ushort|var";
    private const string CppKeywords = "if|endif|else|elif|define|undef|line|error|warning|region|endregion|pragma";

    protected override void DefineStates(StateTable states)
    {
        states["whitespace"]
            .Rule(Rx(@"\s+", m: true), "Text")
            .Rule(Rx("//.*?$"), "Comment.Single")
            .Rule(Rx("/[*].*?[*]/", m: true), "Comment.Multiline");

        states["nest"]
            .Rule(Rx("{"), "Punctuation", "nest")
            .Rule(Rx("}"), "Punctuation", "#pop")
            .Mixin("root");

        states["splice_string"]
            .Rule(Rx(@"\\."), "Literal.String")
            .Rule(Rx("{"), "Punctuation", "nest")
            .Rule(Rx("\"|\\n"), "Literal.String", "#pop")
            .Rule(Rx("."), "Literal.String");

        states["splice_literal"]
            .Rule(Rx("\"\""), "Literal.String")
            .Rule(Rx("{"), "Punctuation", "nest")
            .Rule(Rx("\""), "Literal.String", "#pop")
            .Rule(Rx("."), "Literal.String");

        states["root"]
            .Mixin("whitespace")
            .Rule(Rx("[$]\\s*\""), "Literal.String", "splice_string")
            .Rule(Rx("[$]@\\s*\""), "Literal.String", "splice_literal")
            .Rule(Rx(@"(<\[)\s*(" + Id + ":)?"), "Keyword")
            .Rule(Rx(@"\]>"), "Keyword")
            .Rule(Rx(@"[~!%^&*()+=|\[\]{}:;,.<>\/?-]"), "Punctuation")
            .Rule(Rx(@"@""(""""|[^""])*""", m: true), "Literal.String")
            .Rule(Rx(@"""(\\.|.)*?[""\n]"), "Literal.String")
            .Rule(Rx(@"'(\\.|.)'"), "Literal.String.Char")
            .Rule(Rx("0x[0-9a-f]+[lu]?", i: true), "Literal.Number")
            .Rule(Rx("""
                [0-9]
                ([.][0-9]*)? # decimal
                (e[+-][0-9]+)? # exponent
                [fldu]? # type
                """, i: true, x: true), "Literal.Number")
            .Rule(Rx(@"\b(?:class|struct|interface)\b"), "Keyword", "class")
            .Rule(Rx(@"\b(?:namespace|using)\b"), "Keyword", "namespace")
            .Rule(Rx(@"^#[ \t]*(" + CppKeywords + @")\b.*?\n"), "Comment.Preproc")
            .Rule(Rx(@"\b(" + Keywords + @")\b"), "Keyword")
            .Rule(Rx(@"\b(" + KeywordsType + @")\b"), "Keyword.Type")
            .Rule(Rx(Id + @"(?=\s*[(])"), "Name.Function")
            .Rule(Rx(Id), "Name");

        states["class"]
            .Mixin("whitespace")
            .Rule(Rx(Id), "Name.Class", "#pop");

        states["namespace"]
            .Mixin("whitespace")
            .Rule(Rx("(?=[(])"), "Text", "#pop")
            .Rule(Rx("(" + Id + "|[.])+"), "Name.Namespace", "#pop");
    }
}
