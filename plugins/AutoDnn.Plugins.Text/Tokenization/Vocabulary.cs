using System.Text.Json;

namespace AutoDnn.Plugins.Text.Tokenization;

/// <summary>
/// Token ↔ id map built from training text: id 0 is padding, id 1 unknown, then tokens by falling frequency
/// (ties in ordinal order, so the same corpus always gives the same ids), limited by a minimum count and a size.
/// </summary>
public sealed class Vocabulary
{
    public const int PadId = 0;
    public const int UnknownId = 1;
    public const string PadToken = "<pad>";
    public const string UnknownToken = "<unk>";

    private readonly Dictionary<string, int> ids;

    private Vocabulary(IReadOnlyList<string> tokens)
    {
        Tokens = tokens;
        ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++) ids[tokens[i]] = i;
    }

    /// <summary>All tokens by id (0 = padding, 1 = unknown).</summary>
    public IReadOnlyList<string> Tokens { get; }

    public int Count => Tokens.Count;

    public static Vocabulary Build(IEnumerable<IReadOnlyList<string>> documents, int minCount = 1, int? maxSize = null)
    {
        if (minCount < 1) throw new ArgumentOutOfRangeException(nameof(minCount), minCount, "minimum count must be at least 1");
        if (maxSize is < 3) throw new ArgumentOutOfRangeException(nameof(maxSize), maxSize, "a vocabulary holds at least padding, unknown and one token");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
            foreach (string token in document)
                counts[token] = counts.GetValueOrDefault(token) + 1;
        IEnumerable<string> kept = counts.Where(p => p.Value >= minCount)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key);
        if (maxSize is int size) kept = kept.Take(size - 2);
        return new Vocabulary([PadToken, UnknownToken, .. kept]);
    }

    public int IdOf(string token) => ids.GetValueOrDefault(token, UnknownId);

    /// <summary>Ids of the tokens, unknown ones as <see cref="UnknownId"/>; cut to <paramref name="maxLength"/> when given.</summary>
    public int[] Encode(IReadOnlyList<string> tokens, int? maxLength = null) =>
        tokens.Take(maxLength ?? int.MaxValue).Select(IdOf).ToArray();

    /// <summary>JSON form, stored with a trained model so predictions use the same ids.</summary>
    public string ToJson() => JsonSerializer.Serialize(Tokens);

    public static Vocabulary FromJson(string json)
    {
        string[] tokens = JsonSerializer.Deserialize<string[]>(json) ?? throw new FormatException("vocabulary JSON is empty");
        if (tokens.Length < 2 || tokens[PadId] != PadToken || tokens[UnknownId] != UnknownToken)
            throw new FormatException($"vocabulary JSON must start with \"{PadToken}\", \"{UnknownToken}\"");
        if (tokens.Distinct(StringComparer.Ordinal).Count() != tokens.Length) throw new FormatException("vocabulary JSON repeats a token");
        return new Vocabulary(tokens);
    }
}
