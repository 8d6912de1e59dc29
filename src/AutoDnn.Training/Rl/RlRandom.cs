namespace AutoDnn.Training.Rl;

/// <summary>The agents' seeded generator (SplitMix64): exploration, action sampling and replay draws, identical on every platform.</summary>
internal sealed class RlRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Mixes numbers into one well-spread seed (SplitMix64's finaliser over each part in turn).</summary>
    public static ulong Mix(params ReadOnlySpan<long> parts)
    {
        ulong h = 0x243F6A8885A308D3UL;
        foreach (long part in parts)
        {
            h = Finalize(h ^ (unchecked((ulong)part) + 0x9E3779B97F4A7C15UL));
        }

        return h;
    }

    public ulong NextUInt64() => Finalize(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An int in [0, n) without modulo bias worth mentioning (n is far below 2^32).</summary>
    public int NextInt(int n) => (int)((NextUInt64() >> 32) * (ulong)n >> 32);

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
