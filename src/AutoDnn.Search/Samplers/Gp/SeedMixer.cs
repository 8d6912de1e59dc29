namespace AutoDnn.Search.Samplers.Gp;

/// <summary>Derives independent, reproducible random seeds from a sampler seed and integers (SplitMix64 finalizer).</summary>
internal static class SeedMixer
{
    public static int Mix(int seed, long a, long b = 0)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL);
        z = Step(z ^ unchecked((ulong)a));
        z = Step(z ^ unchecked((ulong)b * 0xBF58476D1CE4E5B9UL));
        return unchecked((int)(z >> 33));
    }

    /// <summary>A stable (process-independent) hash of a string, for seeding by parameter name.</summary>
    public static long Hash(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return unchecked((long)hash);
    }

    private static ulong Step(ulong z)
    {
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
