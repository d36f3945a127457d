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
