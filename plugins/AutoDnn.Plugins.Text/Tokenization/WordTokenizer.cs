using System.Text.RegularExpressions;

namespace AutoDnn.Plugins.Text.Tokenization;

/// <summary>Splits text into lower-case word tokens: runs of letters and digits, keeping inner apostrophes ("don't").</summary>
public sealed partial class WordTokenizer
{
    public IReadOnlyList<string> Tokenize(string text) =>
        Words().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToArray();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*")]
    private static partial Regex Words();
}
