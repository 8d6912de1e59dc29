namespace AutoDnn.Training.Rl;

/// <summary>Every seed of an RL trial, derived from the trial seed and fold (training) or from the split seed (evaluation).</summary>
/// <remarks>
/// Training episodes are reset with seeds in [0, 2^30) and evaluation episodes with seeds in [2^30, 2^31), so the
/// held-out evaluation starts can never be a training start.
/// </remarks>
internal static class RlSeeds
{
    private const int Half = 1 << 30;

    /// <summary>The environment seed of training episode <paramref name="episode"/> of fold <paramref name="fold"/>.</summary>
    public static int TrainingEpisode(int trialSeed, int fold, long episode) =>
        (int)((RlRandom.Mix(trialSeed, fold, 1) + (ulong)episode) % Half);

    /// <summary>The environment seed of held-out evaluation episode <paramref name="index"/>.</summary>
    public static int EvaluationEpisode(int splitSeed, int index) =>
        Half + (int)((RlRandom.Mix(splitSeed, 2) + (ulong)index) % Half);

    /// <summary>The seed of libtorch's global generator while the fold's networks are built (their initial weights).</summary>
    public static ulong Weights(int trialSeed, int fold) => RlRandom.Mix(trialSeed, fold, 3);

    /// <summary>The seed of the fold's agent generator (exploration, action sampling, replay draws).</summary>
    public static ulong Agent(int trialSeed, int fold) => RlRandom.Mix(trialSeed, fold, 4);
}
