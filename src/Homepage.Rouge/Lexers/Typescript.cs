using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Typescript</c> lexer (<c>typescript</c>, <c>ts</c>): JavaScript with TypeScript's words and rules.</summary>
public sealed class Typescript : Javascript
{
    public override string Tag => "typescript";
    public override IReadOnlyList<string> Aliases { get; } = ["ts"];

    protected override HashSet<string> Keywords { get; } =
        [.. new Javascript().KeywordSet, "is", "namespace", "static", "private", "protected", "public", "implements", "readonly"];
    protected override HashSet<string> Declarations { get; } = [.. new Javascript().DeclarationSet, "type", "abstract"];
    protected override HashSet<string> Reserved { get; } =
        [.. new Javascript().ReservedSet, "string", "any", "void", "number", "namespace", "module", "declare", "default", "interface", "keyof"];
    protected override HashSet<string> Builtins { get; } = [.. new Javascript().BuiltinSet, "Pick", "Partial", "Readonly", "Record"];

    protected override void DefineStates(StateTable states)
    {
        base.DefineStates(states);
        states.Prepend("root", s => s
            .Rule(Rx("[?][.]"), "Punctuation")
            .Rule(Rx("[?]{2}"), "Operator"));
        states.Prepend("statement", s => s
            .Rule(Rx("(" + Id + @")(\??)(\s*)(:)", i: true), r =>
            {
                r.Groups("Name.Label", "Punctuation", "Text", "Punctuation");
                r.Push("expr_start");
            }));
    }
}
