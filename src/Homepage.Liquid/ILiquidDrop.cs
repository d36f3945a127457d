namespace Homepage.Liquid;

/// <summary>
/// A hash-like object computed on demand, like Jekyll's drops (<c>site</c>, <c>page</c>, <c>paginator</c>).
/// Templates read keys from it; <c>jsonify</c>, <c>inspect</c> and <c>for</c> see the pairs of <see cref="Keys"/> in order.
/// Values follow the data model described on <see cref="LiquidTemplate.Render"/>.
/// </summary>
public interface ILiquidDrop
{
    bool TryGetValue(string key, out object? value);
    IEnumerable<string> Keys { get; }
}
