using static Homepage.Onigmo.RubyRegex;

namespace Homepage.Rouge.Lexers;

/// <summary>rouge 3.30's <c>Sass</c> lexer (<c>sass</c>, the indented syntax) with rouge's <c>Indentation</c> mixin:
/// each line's indentation decides whether it continues a comment block or starts new content.</summary>
public sealed class Sass : SassCommon
{
    private const string Id = @"[\w-]+";

    public override string Tag => "sass";

    protected override void Start(Run run)
    {
        run.Vars["block_state"] = null;
        run.Vars["block_indentation"] = null;
    }

    /// <summary>Indentation#starts_block.</summary>
    private static void StartsBlock(Run run, string state)
    {
        run.Vars["block_state"] = state;
        run.Vars["block_indentation"] = run.Vars.GetValueOrDefault("last_indentation") as string ?? "";
    }

    /// <summary>Indentation#indentation: a deeper line continues the block, any other starts content.</summary>
    private static void Indentation(Run run, string indent)
    {
        run.Vars["last_indentation"] = indent;
        if (run.Vars.GetValueOrDefault("block_state") is string state && run.Vars.GetValueOrDefault("block_indentation") is string block
            && indent.StartsWith(block, StringComparison.Ordinal) && indent != block)
        {
            run.Push(state);
        }
        else
        {
            run.Vars["block_state"] = null;
            run.Vars["block_indentation"] = null;
            run.Push("content");
        }
    }

    protected override void DefineStates(StateTable states)
    {
        base.DefineStates(states);
        states["root"]
            .Rule(Rx(@"[ \t]*\n"), "Text")
            .Rule(Rx(@"[ \t]*"), run => { run.Token("Text"); Indentation(run, run[0]!); });

        states["content"]
            .Rule(Rx("//.*?$"), run => { run.Token("Comment.Single"); run.Pop(); StartsBlock(run, "single_comment"); })
            .Rule(Rx(@"/[*].*?\n"), run => { run.Token("Comment.Multiline"); run.Pop(); StartsBlock(run, "multi_comment"); })
            .Rule(Rx(@"@import\b"), "Keyword", "import")
            .Mixin("content_common")
            .Rule(Rx("=" + Id), "Name.Function", "value")
            .Rule(Rx("[+]" + Id), "Name.Decorator", "value")
            .Rule(Rx(":"), "Name.Attribute", "old_style_attr")
            .Rule(Rx(@"(?=[^\[\n]+?:([^a-z]|$))"), run => run.Push("attribute"))
            .Rule(Rx(""), run => run.Push("selector"));

        states["single_comment"].Rule(Rx(".*?$"), "Comment.Single", "#pop");
        states["multi_comment"].Rule(Rx(@".*?\n"), "Comment.Multiline", "#pop");

        states["import"]
            .Rule(Rx(@"[ \t]+"), "Text")
            .Rule(Rx(@"\S+"), "Literal.String")
            .Rule(Rx(@"\n"), "Text", "#pop");

        states["old_style_attr"]
            .Mixin("attr_common")
            .Rule(Rx(""), run => { run.Pop(); run.Push("value"); });

        states["end_section"].Rule(Rx(@"\n"), run => { run.Token("Text"); run.ResetStack(); });
    }
}
