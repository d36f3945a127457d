using System.Text;

namespace Homepage.Sass;

/// <summary>libsass's nested style (its default): declarations on lines of their own, each closing brace on the line of
/// the last declaration (<c>b: c; }</c>), braces that close together on one line (<c>} }</c>), and each rule indented
/// one more level under an enclosing rule that has declarations (<see cref="CssNode.Tabs"/>).</summary>
internal static partial class Emitter
{
    private static void Nested(List<CssNode> nodes, StringBuilder sb, MappedOutput? map)
    {
        var writer = new NestedWriter(sb, map);
        writer.Nodes(nodes, 0);
    }

    /// <summary>Writes as libsass's emitter does: line feeds are scheduled and written before the next text, so a closing
    /// brace can cancel them; a block that closes at the top level schedules a blank line, which shrinks to a line
    /// feed when what follows is indented.</summary>
    private sealed class NestedWriter(StringBuilder sb, MappedOutput? map)
    {
        private int _linefeeds;

        /// <summary>Writes the pending line feeds and the indentation of the next line.</summary>
        private void Line(int indentation)
        {
            if (_linefeeds > 1 && indentation > 0) _linefeeds = 1;
            if (sb.Length > 0) sb.Append('\n', _linefeeds);
            _linefeeds = 0;
            sb.Append(' ', indentation * 2);
        }

        /// <summary>An opening brace after a space, its block's start mapped after the space (a rule's) or before it.</summary>
        private void Open(SourceRange? block, bool mapBeforeSpace = false)
        {
            if (mapBeforeSpace) map?.Map(block?.Start);
            sb.Append(' ');
            if (!mapBeforeSpace) map?.Map(block?.Start);
            sb.Append('{');
            _linefeeds = 1;
        }

        /// <summary>A closing brace after a space; <paramref name="indentation"/> is what is left open after it.</summary>
        private void Close(SourceRange? block, int indentation)
        {
            _linefeeds = 0;
            sb.Append(" }");
            map?.Map(block?.End);
            _linefeeds = indentation == 0 ? 2 : 1;
        }

        public void Nodes(List<CssNode> nodes, int indentation)
        {
            foreach (var node in nodes)
            {
                if (!HasOutput(node)) continue;
                switch (node)
                {
                    case CssComment comment:
                        Line(indentation);
                        map?.Map(comment.Range?.Start);
                        sb.Append(comment.Text);
                        map?.Map(comment.Range?.End);
                        _linefeeds = 1;
                        break;
                    case CssRule rule:
                        Rule(rule, indentation);
                        break;
                    case CssMedia media:
                    {
                        // libsass closes a media block before taking its tabs off: one that bubbled out of a rule with
                        // declarations is followed by no blank line
                        var own = indentation + media.Tabs;
                        Line(own);
                        map?.Map(media.KeywordRange?.Start);
                        sb.Append("@media");
                        map?.Map(media.KeywordRange?.End);
                        sb.Append(' ').Append(MediaQuery(media.Query, false));
                        Open(media.BlockRange, mapBeforeSpace: true);
                        Nodes(media.Children, own + 1);
                        Close(media.BlockRange, own);
                        break;
                    }
                    case CssAtRule at:
                    {
                        // @supports is indented by its tabs; other at-rules are not
                        var own = at.Name == "supports" ? indentation + at.Tabs : indentation;
                        Line(own);
                        MappedAtRule(at, sb, map, at.Parameters);
                        if (!at.HasBody)
                        {
                            sb.Append(';');
                            _linefeeds = 1;
                            break;
                        }
                        if (at.Declarations.Count == 0 && !at.Children.Any(HasOutput))
                        {
                            sb.Append(" {}");
                            _linefeeds = 1;
                            break;
                        }
                        Open(null);
                        Declarations(at.Declarations, own + 1);
                        Nodes(at.Children, own + 1);
                        Close(null, indentation);
                        break;
                    }
                }
            }
        }

        private void Rule(CssRule rule, int indentation)
        {
            var own = indentation + rule.Tabs;
            Line(own);
            var pad = new string(' ', own * 2);
            MappedSelectors(rule, sb, map, compressed: false, i => rule.Breaks?.Contains(rule.Selectors[i]) == true ? ",\n" + pad : ", ");
            Open(rule.IsKeyframe ? null : rule.BlockRange);
            Declarations(rule.Declarations, own + 1);
            Close(rule.IsKeyframe ? null : rule.BlockRange, indentation);
        }

        private void Declarations(List<CssDeclaration> declarations, int indentation)
        {
            foreach (var d in declarations)
            {
                Line(indentation + d.Tabs);
                MappedDeclaration(d, sb, map, d.Colon);
                if (!d.IsComment) sb.Append(';');
                _linefeeds = 1;
            }
        }
    }
}
