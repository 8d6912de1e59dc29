namespace AutoDnn.Training.Supervised;

/// <summary>Derives independent seeds (weights, shuffling, augmentation) from a trial seed and a path (fold, epoch…).</summary>
internal static class Seeds
{
    // Purposes, so that the shuffle of epoch 3 and the augmentation of epoch 3 differ.
    public const int Weights = 1;
    public const int Shuffle = 2;
    public const int Augment = 3;

    /// <summary>SplitMix64 over the seed and each part in turn: a well-mixed 64-bit seed.</summary>
    public static ulong Mix(int seed, params ReadOnlySpan<int> parts)
    {
        ulong state = Step(0x9E3779B97F4A7C15UL ^ (ulong)(uint)seed);
        foreach (int part in parts) state = Step(state ^ (ulong)(uint)part * 0xBF58476D1CE4E5B9UL);
        return state;
    }

    /// <summary>A 31-bit seed for <see cref="Random"/>.</summary>
    public static int MixInt(int seed, params ReadOnlySpan<int> parts) => (int)(Mix(seed, parts) >> 33);

    private static ulong Step(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
