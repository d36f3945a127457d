using Homepage.Engine.Model;
using Homepage.Engine.Utilities;

namespace Homepage.Engine.Drops;

/// <summary>Jekyll's <c>UrlDrop</c>: the permalink placeholders of a document.</summary>
public sealed class UrlDrop
{
    private readonly Document _doc;

    public UrlDrop(Document doc) => _doc = doc;

    public (bool Found, string? Value) Lookup(string key)
    {
        var date = new Lazy<DateTimeOffset>(() => _doc.Date);
        string F(string format) => RubyTime.Strftime(date.Value, format);
        switch (key)
        {
            case "collection": return (true, _doc.Collection.Label);
            case "path": return (true, _doc.CleanedRelativePath);
            case "output_ext": return (true, _doc.OutputExt);
            case "name": return (true, Slug.Slugify(_doc.BasenameWithoutExt));
            case "title":
                return (true, Slug.Slugify(_doc.GetData("slug") as string, "pretty", cased: true)
                              ?? Slug.Slugify(_doc.BasenameWithoutExt, "pretty", cased: true));
            case "slug": return (true, Slug.Slugify(_doc.GetData("slug") as string) ?? Slug.Slugify(_doc.BasenameWithoutExt));
            case "categories":
                return (true, string.Join("/", Categories().Select(c => RubyValue.ToS(c).ToLowerInvariant()).Distinct()));
            case "slugified_categories":
                return (true, string.Join("/", Categories().Select(c => Slug.Slugify(RubyValue.ToS(c))).Distinct()));
            case "year": return (true, F("%Y"));
            case "month": return (true, F("%m"));
            case "day": return (true, F("%d"));
            case "hour": return (true, F("%H"));
            case "minute": return (true, F("%M"));
            case "second": return (true, F("%S"));
            case "i_day": return (true, F("%-d"));
            case "i_month": return (true, F("%-m"));
            case "short_month": return (true, F("%b"));
            case "long_month": return (true, F("%B"));
            case "short_year": return (true, F("%y"));
            case "w_year": return (true, F("%G"));
            case "week": return (true, F("%V"));
            case "w_day": return (true, F("%u"));
            case "short_day": return (true, F("%a"));
            case "long_day": return (true, F("%A"));
            case "y_day": return (true, F("%j"));
        }
        return (false, null);
    }

    private List<object?> Categories() => RubyHash.ToArray(_doc.GetData("categories"));
}
