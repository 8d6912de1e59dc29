namespace AutoDnn.Search.Samplers;

/// <summary>Names and builds AutoDnn's default sampler (Gaussian-process BO) and the tuned TPE offered as the fast alternative.</summary>
/// <remarks>
/// The default is <see cref="GpSampler"/>: on the six functions of <c>autodnn bench samplers</c> it matches or beats the
/// best Optuna 3.1 sampler on 6 of 6 at 100 trials and 4 of 6 at 25 (docs/BENCHMARKS.md), at a sampler cost of roughly
/// 5–15 ms per trial at 100 trials (cubic in the number of trials) — negligible next to a deep-net trial, but above the
/// 1 ms goal. Where sampler cost matters (thousands of cheap trials), use <see cref="CreateTunedTpe"/>: multivariate TPE
/// with group decomposition and constant liar, a narrower kernel (bandwidth factor 0.15 instead of 0.2), a larger good
/// set (gamma = min(ceil(0.15 n), 25)) and 48 EI candidates, under 1 ms per trial.
/// </remarks>
public static class SamplerDefaults
{
    /// <summary>The registry name of the default sampler (as in <c>autodnn bench samplers</c>).</summary>
    public const string Name = "default";

    /// <summary>A new default sampler (<see cref="GpSampler"/>).</summary>
    public static ISampler Create(int? seed = null) => new GpSampler(seed);

    /// <summary>Options of the tuned TPE (see the remarks); grouped for conditional spaces, constant liar for parallel workers.</summary>
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

    /// <summary>A new tuned multivariate TPE sampler: the fast alternative to the default.</summary>
    public static ISampler CreateTunedTpe(int? seed = null) => new TpeSampler(TpeOptions(seed));
}
