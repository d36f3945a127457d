using System;
using System.Collections.Generic;
#region Helpers
namespace Homepage.Tools
{
    /// <summary>Counts words.</summary>
    public static class WordCounter
    {
        private const double Ratio = 0.5e3d;
        public static int Count(string text, bool strict = false)
        {
            var words = new List<string>(text.Split(' '));
            int hex = 0xFFu, n = 42, m = 3;
            char c = '\n';
            string path = @"C:\sites\""home""";
            var msg = $"found {words.Count} words in {path}";
            foreach (var w in words) { if (w is null) continue; n += w.Length; }
            return strict ? n : checked(n + m);
        }
    }
}
#endregion

// ---- a small static-site helper, with the newer language on show ----
#nullable enable
namespace Homepage.Tools.Papers
{
    using System.Linq;
    using System.Text;
    using System.Text.RegularExpressions;
    using System.Threading.Tasks;

    public enum Venue : byte { Conference = 1, Journal = 2, Workshop = 4, Preprint = 8 }

    public sealed record Paper(string Title, int Year, Venue Venue, IReadOnlyList<string> Authors)
    {
        public string Slug => SlugPattern.Replace(Title.ToLowerInvariant(), "-").Trim('-');
        private static readonly Regex SlugPattern = new(@"[^a-z0-9]+", RegexOptions.Compiled);
    }

    public interface IRepository<T> where T : class
    {
        IAsyncEnumerable<T> AllAsync(CancellationToken token = default);
        T? Find(Func<T, bool> predicate);
    }

    [Serializable, Obsolete("Use PaperStore instead", error: false)]
    public partial class LegacyStore<T> : IRepository<T> where T : class, new()
    {
        protected readonly List<T> Items = new();
        private int _version;
        public event EventHandler<int>? Changed;

        public int Count { get => Items.Count; }
        public T this[int index] { get => Items[index]; set { Items[index] = value; _version++; } }

        public async IAsyncEnumerable<T> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token = default)
        {
            foreach (var item in Items)
            {
                token.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return item;
            }
        }

        public T? Find(Func<T, bool> predicate) => Items.FirstOrDefault(predicate);

        protected virtual void OnChanged() => Changed?.Invoke(this, _version);
    }

    internal static class Formatting
    {
        public static string Cite(this Paper paper, bool html = false)
        {
            var builder = new StringBuilder();
            var authors = paper.Authors switch
            {
                [] => "Anonymous",
                [var only] => only,
                [var first, var second] => $"{first} and {second}",
                [var first, ..] => $"{first} et al.",
            };
            builder.Append(authors).Append(". ").Append(html ? $"<i>{paper.Title}</i>" : paper.Title);
            builder.AppendFormat(" ({0}, {1:D4})", paper.Venue, paper.Year);
            return builder.ToString();
        }

        public static unsafe int Checksum(ReadOnlySpan<byte> bytes)
        {
            uint hash = 2166136261u;
            fixed (byte* p = bytes)
                for (var i = 0; i < bytes.Length; i++) hash = (hash ^ p[i]) * 16777619u;
            return unchecked((int)hash);
        }

        public static object Describe(object? value) => value switch
        {
            null => "nothing",
            int n when n < 0 => "negative",
            int or long => "integer",
            double d and > 1e6 => $"large {d:E2}",
            string { Length: 0 } => "empty string",
            _ => value.GetType().Name,
        };
    }

    public static class Demo
    {
        public static async Task<int> Main(string[] args)
        {
            var papers = new[] { new Paper("Dynamic Scenes", 2024, Venue.Conference, ["Liu", "Schmidhuber"]) };
            var recent = from p in papers where p.Year >= 2020 orderby p.Year descending select p.Cite();
            const string verbatim = @"C:\papers\""all""";
            var raw = """
                {"title": "raw string", "year": 2024}
                """;
            long big = 1_000_000L; ulong mask = 0xFFFF_FFFFUL; float f = 1.5f; decimal money = 9.99m;
            Console.WriteLine(string.Join('\n', recent) + verbatim + raw + (big + (long)mask + f + (double)money));
            await Task.Delay(TimeSpan.FromMilliseconds(1));
            return args.Length is > 0 and < 10 ? 0 : -1;
        }
    }
}
