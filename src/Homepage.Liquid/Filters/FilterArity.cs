using Fluid;

namespace Homepage.Liquid.Filters;

/// <summary>
/// Ruby methods have fixed arity, so Liquid raises "wrong number of arguments" for a filter given too few or too many;
/// Fluid ignores extras. Each filter is wrapped with the arity of its Ruby definition (Liquid 5.4's StandardFilters
/// and Jekyll's filters).
/// </summary>
internal static class FilterArity
{
    private static readonly Dictionary<string, (int Min, int Max)> Arity = new(StringComparer.Ordinal)
    {
        ["abs"] = (0, 0), ["append"] = (1, 1), ["at_least"] = (1, 1), ["at_most"] = (1, 1), ["capitalize"] = (0, 0),
        ["ceil"] = (0, 0), ["compact"] = (0, 1), ["concat"] = (1, 1), ["date"] = (1, 1), ["default"] = (0, 1),
        ["divided_by"] = (1, 1), ["downcase"] = (0, 0), ["escape"] = (0, 0), ["h"] = (0, 0), ["escape_once"] = (0, 0),
        ["first"] = (0, 0), ["floor"] = (0, 0), ["join"] = (0, 1), ["last"] = (0, 0), ["lstrip"] = (0, 0), ["map"] = (1, 1),
        ["minus"] = (1, 1), ["modulo"] = (1, 1), ["newline_to_br"] = (0, 0), ["plus"] = (1, 1), ["prepend"] = (1, 1),
        ["remove"] = (1, 1), ["remove_first"] = (1, 1), ["remove_last"] = (1, 1), ["replace"] = (1, 2), ["replace_first"] = (1, 2),
        ["replace_last"] = (2, 2), ["reverse"] = (0, 0), ["round"] = (0, 1), ["rstrip"] = (0, 0), ["size"] = (0, 0),
        ["slice"] = (1, 2), ["sort"] = (0, 2), ["sort_natural"] = (0, 1), ["split"] = (1, 1), ["strip"] = (0, 0),
        ["strip_html"] = (0, 0), ["strip_newlines"] = (0, 0), ["sum"] = (0, 1), ["times"] = (1, 1), ["truncate"] = (0, 2),
        ["truncatewords"] = (0, 2), ["uniq"] = (0, 1), ["upcase"] = (0, 0), ["url_decode"] = (0, 0), ["url_encode"] = (0, 0),
        ["where"] = (1, 2), ["base64_encode"] = (0, 0), ["base64_decode"] = (0, 0), ["base64_url_safe_encode"] = (0, 0),
        ["base64_url_safe_decode"] = (0, 0),
        // Jekyll's
        ["relative_url"] = (0, 0), ["absolute_url"] = (0, 0), ["strip_index"] = (0, 0), ["date_to_xmlschema"] = (0, 0),
        ["date_to_rfc822"] = (0, 0), ["date_to_string"] = (0, 2), ["date_to_long_string"] = (0, 2), ["xml_escape"] = (0, 0),
        ["cgi_escape"] = (0, 0), ["uri_escape"] = (0, 0), ["normalize_whitespace"] = (0, 0), ["number_of_words"] = (0, 1),
        ["array_to_sentence_string"] = (0, 1), ["markdownify"] = (0, 0), ["smartify"] = (0, 0), ["sassify"] = (0, 0),
        ["scssify"] = (0, 0), ["slugify"] = (0, 1), ["jsonify"] = (0, 0), ["inspect"] = (0, 0), ["to_integer"] = (0, 0),
        ["where_exp"] = (2, 2), ["find"] = (2, 2), ["find_exp"] = (2, 2), ["group_by"] = (1, 1), ["group_by_exp"] = (2, 2),
        ["push"] = (1, 1), ["pop"] = (0, 1), ["shift"] = (0, 1), ["unshift"] = (1, 1), ["sample"] = (0, 1),
    };

    public static void Apply(FilterCollection filters, LiquidDialect dialect)
    {
        foreach (var (name, filter) in filters.ToList())
        {
            if (!Arity.TryGetValue(name, out var arity)) continue;
            // Jekyll's sort takes a nils-first/last argument that Liquid's does not.
            if (name == "sort" && dialect == LiquidDialect.Liquid) arity = (0, 1);
            filters.AddFilter(name, (input, arguments, context) =>
            {
                var positional = arguments.Count - arguments.Names.Count();
                if (positional < arity.Min || positional > arity.Max)
                    throw new LiquidException($"Liquid error: wrong number of arguments (given {positional + 1}, expected {(arity.Min == arity.Max ? (arity.Min + 1).ToString() : $"{arity.Min + 1}..{arity.Max + 1}")})");
                return filter(input, arguments, context);
            });
        }
    }
}
