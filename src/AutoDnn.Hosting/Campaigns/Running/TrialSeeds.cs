namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>Derives a trial's seed from the campaign seed and the trial number (SplitMix64), so that a campaign run
/// twice with the same seed trains every trial identically, and neighbouring trials get unrelated seeds.</summary>
public static class TrialSeeds
{
    /// <summary>A non-negative 31-bit seed for trial <paramref name="trialNumber"/> of a campaign seeded <paramref name="campaignSeed"/>.</summary>
    public static int For(int campaignSeed, int trialNumber)
    {
        ulong z = unchecked(((ulong)(uint)campaignSeed << 32) + (ulong)(uint)trialNumber + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFF_FFFF);
    }
}
