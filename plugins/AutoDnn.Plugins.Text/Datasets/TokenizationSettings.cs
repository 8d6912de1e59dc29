namespace AutoDnn.Plugins.Text.Datasets;

/// <summary>The options every text dataset shares: sequence length, vocabulary limits, the held-out split and its seed.</summary>
internal sealed record TokenizationSettings(int MaxLength, int MinCount, int MaxVocabulary, double TestFraction, int Seed)
{
    public const int DefaultMaxLength = 64;
    public const int DefaultMinCount = 2;
    public const int DefaultMaxVocabulary = 20000;
    public const double DefaultTestFraction = 0.2;

    /// <summary>The option names these settings read.</summary>
    public static readonly string[] Keys = ["max_length", "min_count", "max_vocab", "test_fraction", "seed"];

    public static TokenizationSettings From(PluginOptions options) => new(
        options.Int("max_length", DefaultMaxLength, 1, 100_000),
        options.Int("min_count", DefaultMinCount, 1),
        options.Int("max_vocab", DefaultMaxVocabulary, 3),
        options.Double("test_fraction", DefaultTestFraction, 0, 1),
        options.Int("seed", 0, int.MinValue));
}
