using AutoDnn.Search.Trials;

namespace AutoDnn.Training.Tests.Supervised;

/// <summary>Complete parameter sets for the test architecture, trainer and augmenter.</summary>
internal static class TrialParams
{
    public static FixedTrial Fixed(
        string optimizer = "adam", double lr = 0.01, int batchSize = 32, double? momentum = null, string schedule = "constant",
        double? clipNorm = null, int hidden = 12, double noise = 0.1)
    {
        var values = new Dictionary<string, object?>
        {
            ["train.optimizer"] = optimizer,
            ["train.lr"] = lr,
            ["train.batch_size"] = batchSize,
            ["train.weight_decay"] = 1e-5,
            ["train.schedule"] = schedule,
            ["train.clip_norm"] = clipNorm,
            ["tiny.hidden"] = hidden,
            ["noise.std"] = noise,
        };
        if (momentum is { } m) values["train.momentum"] = m;
        return new FixedTrial(values);
    }
}
