namespace AutoDnn.Search.Samplers;

/// <summary>Names and builds AutoDnn's default sampler: multivariate TPE with group decomposition and constant liar.</summary>
/// <remarks>
/// Beyond Optuna 3.1's multivariate TPE it uses a narrower kernel (bandwidth factor 0.15 instead of 0.2), a larger
/// good set (gamma = min(ceil(0.15 n), 25) instead of 0.1 n) and 48 instead of 24 candidates: general settings chosen
/// on the six benchmark functions of <c>autodnn bench samplers</c> (docs/BENCHMARKS.md), none specific to one of them.
/// </remarks>
public static class SamplerDefaults
{
    /// <summary>The registry name of the default sampler (as in <c>autodnn bench samplers</c>).</summary>
    public const string Name = "default";

    /// <summary>Options of the default sampler (see the remarks); grouped for conditional spaces, constant liar for parallel workers.</summary>
    public static TpeSamplerOptions TpeOptions(int? seed) => new()
    {
        Seed = seed,
        Multivariate = true,
        Group = true,
        BandwidthFactor = 0.15,
        EiCandidates = 48,
        Gamma = n => Math.Min((int)Math.Ceiling(0.15 * n), 25),
        ConstantLiar = true,
    };

    /// <summary>A new default sampler.</summary>
    public static ISampler Create(int? seed = null) => new TpeSampler(TpeOptions(seed));
}
