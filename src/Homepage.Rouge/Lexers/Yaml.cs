using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>YAML</c> lexer (<c>yaml</c>, <c>yml</c>), rule for rule, with its indentation tracking.</summary>
public sealed class Yaml : RegexLexer
{
    public override string Tag => "yaml";
    public override IReadOnlyList<string> Aliases { get; } = ["yml"];

    private sealed class Indents
    {
        public List<int> Stack = [0];
        public int Next;
        public int? BlockScalarIndent;

        public void Reset()
        {
            Stack = [0];
            Next = 0;
            BlockScalarIndent = null;
        }

        public int Indent => Stack[^1];

        /// <summary>rouge's <c>save_indent</c>: the text up to the current indent and what is left over (an error).</summary>
        public (string Text, string Error) Save(string match)
        {
            Next = match.Length;
            if (Next < Indent)
            {
                while (Next < Indent) Stack.RemoveAt(Stack.Count - 1);
                var indent = Math.Min(Indent, match.Length);
                return (match[..indent], match[indent..]);
            }
            return (match, "");
        }

        public void Continue(string match) => Next += match.Length;

        public void Set(string match, bool implicitIndent = false)
        {
            if (Indent < Next) Stack.Add(Next);
            if (!implicitIndent) Next += match.Length;
        }
    }

    private static Indents I(Run r) => (Indents)r.Vars["indents"]!;

    protected override void Start(Run run) => run.Vars["indents"] = new Indents();

    private const string PlainScalarStart = @"[^ \t\n\r\f\v?:,\[\]{}#&*!\|>'""%@`]";

    protected override void DefineStates(StateTable states)
    {
        states["basic"].Rule(Rx("#.*$"), "Comment.Single");

        states["root"]
            .Mixin("basic")
            .Rule(Rx(@"\n+"), "Text")
            .Rule(Rx("[ ]+(?=#|$)"), "Text")
            .Rule(Rx(@"^%YAML\b"), r => { r.Token("Name.Tag"); I(r).Reset(); r.Push("yaml_directive"); })
            .Rule(Rx(@"^%TAG\b"), r => { r.Token("Name.Tag"); I(r).Reset(); r.Push("tag_directive"); })
            .Rule(Rx(@"^(?:---|\.\.\.)(?= |$)"), r => { r.Token("Name.Namespace"); I(r).Reset(); r.Push("block_line"); })
            .Rule(Rx(@"[ ]*(?!\s|$)"), r =>
            {
                var (text, err) = I(r).Save(r[0]!);
                r.Token("Text", text);
                r.Token("Error", err);
                r.Push("block_line");
                r.Push("indentation");
            });

        states["indentation"]
            .Rule(Rx(@"\s*?\n"), r => { r.Token("Text"); r.Pop(2); })
            .Rule(Rx("[ ]+(?=[-:?](?:[ ]|$))"), r => { r.Token("Text"); I(r).Continue(r[0]!); })
            .Rule(Rx("[?:-](?=[ ]|$)"), r => { I(r).Set(r[0]!); r.Token("Punctuation.Indicator"); })
            .Rule(Rx("[ ]*"), r => { r.Token("Text"); I(r).Continue(r[0]!); r.Pop(); });

        states["block_line"]
            .Rule(Rx("[ ]*(?=#|$)"), "Text", "#pop")
            .Rule(Rx("[ ]+"), "Text")
            .Mixin("descriptors")
            .Mixin("block_nodes")
            .Mixin("flow_nodes")
            .Rule(Rx("(?=" + PlainScalarStart + @"|[?:-][^ \t\n\r\f\v])"), r =>
            {
                r.Token("Name.Variable");
                r.Push("plain_scalar_in_block_context");
            });

        states["descriptors"]
            .Rule(Rx(@"!<[0-9A-Za-z;\/?:@&=+$,_.!~*'()\[\]%-]+>"), "Keyword.Type")
            .Rule(Rx("""
                (?:![\w-]+)? # handle
                !(?:[\w;/?:@&=+$,.!~*\'()\[\]%-]*) # suffix
                """, x: true), "Keyword.Type")
            .Rule(Rx(@"&[\p{L}\p{Nl}\p{Nd}_-]+"), "Name.Label")
            .Rule(Rx(@"\*[\p{L}\p{Nl}\p{Nd}_-]+"), "Name.Variable");

        states["block_nodes"]
            .Rule(Rx(@"([^#,:?\[\]{}""'\n]+)(:)(?=\s|$)"), r =>
            {
                r.Groups("Name.Attribute", "Punctuation.Indicator");
                I(r).Set(r[0]!, implicitIndent: true);
            })
            .Rule(Rx(@"[\|>][+-]?"), r =>
            {
                r.Token("Punctuation.Indicator");
                r.Push("block_scalar_content");
                r.Push("block_scalar_header");
            });

        states["flow_nodes"]
            .Rule(Rx(@"\["), "Punctuation.Indicator", "flow_sequence")
            .Rule(Rx(@"\{"), "Punctuation.Indicator", "flow_mapping")
            .Rule(Rx("'"), "Literal.String.Single", "single_quoted_scalar")
            .Rule(Rx("\""), "Literal.String.Double", "double_quoted_scalar");

        states["flow_collection"]
            .Rule(Rx(@"\s+", m: true), "Text")
            .Mixin("basic")
            .Rule(Rx("[?:,]"), "Punctuation.Indicator")
            .Mixin("descriptors")
            .Mixin("flow_nodes")
            .Rule(Rx("(?=" + PlainScalarStart + ")"), r => r.Push("plain_scalar_in_flow_context"));

        states["flow_sequence"].Rule(Rx(@"\]"), "Punctuation.Indicator", "#pop").Mixin("flow_collection");
        states["flow_mapping"].Rule(Rx(@"\}"), "Punctuation.Indicator", "#pop").Mixin("flow_collection");

        states["block_scalar_content"]
            .Rule(Rx(@"\n+"), "Text")
            .Rule(Rx("^[ ]+$"), r =>
            {
                var text = r[0]!;
                var mark = Math.Min(I(r).BlockScalarIndent ?? text.Length, text.Length);
                r.Token("Text", text[..mark]);
                r.Token("Name.Constant", text[mark..]);
            })
            .Rule(Rx("^[ ]*"), r =>
            {
                r.Token("Text");
                var size = r[0]!.Length;
                var indents = I(r);
                var dedent = indents.BlockScalarIndent ?? indents.Indent;
                indents.BlockScalarIndent ??= size;
                if (size < dedent)
                {
                    indents.Save(r[0]!);
                    r.Pop();
                    r.Push("indentation");
                }
            })
            .Rule(Rx(@"[^\n\r\f\v]+"), "Literal.String");

        states["block_scalar_header"]
            .Rule(Rx("""
                (
                  ([1-9])[+-]? | [+-]?([1-9])?
                )(?=[ ]|$)
                """, x: true), r =>
            {
                var indents = I(r);
                indents.BlockScalarIndent = null;
                r.Goto("ignored_line");
                if (r[0]!.Length == 0) return;
                var increment = r[2] ?? r[3];
                if (increment is not null) indents.BlockScalarIndent = indents.Indent + int.Parse(increment);
                r.Token("Punctuation.Indicator");
            });

        states["ignored_line"]
            .Mixin("basic")
            .Rule(Rx("[ ]+"), "Text")
            .Rule(Rx(@"\n"), "Text", "#pop");

        states["quoted_scalar_whitespaces"]
            .Rule(Rx("^[ ]+"), "Text")
            .Rule(Rx("[ ]+$"), "Text")
            .Rule(Rx(@"\n+", m: true), "Text")
            .Rule(Rx("[ ]+"), "Name.Variable");

        states["single_quoted_scalar"]
            .Mixin("quoted_scalar_whitespaces")
            .Rule(Rx(@"\\'"), "Literal.String.Escape")
            .Rule(Rx("'"), "Literal.String", "#pop")
            .Rule(Rx(@"[^\s']+"), "Literal.String");

        states["double_quoted_scalar"]
            .Rule(Rx("\""), "Literal.String", "#pop")
            .Mixin("quoted_scalar_whitespaces")
            .Rule(Rx("\\\\[0abt\tn\nvfre \"\\\\N_LP]"), "Literal.String.Escape")
            .Rule(Rx(@"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})"), "Literal.String.Escape")
            .Rule(Rx(@"[^ \t\n\r\f\v""\\]+"), "Literal.String");

        states["plain_scalar_in_block_context_new_line"]
            .Rule(Rx(@"^[ ]+\n"), "Text")
            .Rule(Rx(@"\n+", m: true), "Text")
            .Rule(Rx(@"^(?=---|\.\.\.)"), r => r.Pop(3))
            .Rule(Rx("^[ ]*"), r =>
            {
                r.Token("Text");
                r.Pop();
                var size = r[0]!.Length;
                var indents = I(r);
                if (size <= indents.Indent)
                {
                    r.Pop();
                    indents.Save(r[0]!);
                    r.Push("indentation");
                }
            });

        states["plain_scalar_in_block_context"]
            .Rule(Rx("[ ]*(?=:[ \n]|:$)"), "Text", "#pop")
            .Rule(Rx(@"[ ]*:\S+"), "Literal.String")
            .Rule(Rx("[ ]+(?=#)"), "Text", "#pop")
            .Rule(Rx("[ ]+$"), "Text")
            .Rule(Rx(@"\n+"), r => { r.Token("Text"); r.Push("plain_scalar_in_block_context_new_line"); })
            .Rule(Rx("[ ]+"), "Literal.String")
            .Rule(Rx("true|false|null"), "Name.Constant")
            .Rule(Rx(@"\d+(?:\.\d+)?(?=(\r?\n)| +#)"), "Literal.Number", "#pop")
            .Rule(Rx(@"[^\s:]+"), "Literal.String");

        states["plain_scalar_in_flow_context"]
            .Rule(Rx(@"[ ]*(?=[,:?\[\]{}])"), "Text", "#pop")
            .Rule(Rx("[ ]+(?=#)"), "Text", "#pop")
            .Rule(Rx("^[ ]+"), "Text")
            .Rule(Rx("[ ]+$"), "Text")
            .Rule(Rx(@"\n+"), "Text")
            .Rule(Rx("[ ]+"), "Name.Variable")
            .Rule(Rx(@"[^\s,:?\[\]{}]+"), "Name.Variable");

        states["yaml_directive"]
            .Rule(Rx(@"([ ]+)(\d+\.\d+)"), r => { r.Groups("Text", "Literal.Number"); r.Goto("ignored_line"); });

        states["tag_directive"]
            .Rule(Rx("""
                ([ ]+)(!|![\w-]*!) # prefix
                ([ ]+)(!|!?[\w;/?:@&=+$,.!~*'()\[\]%-]+) # tag handle
                """, x: true), r => { r.Groups("Text", "Keyword.Type", "Text", "Keyword.Type"); r.Goto("ignored_line"); });
    }
}
