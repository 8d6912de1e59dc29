namespace AutoDnn.Search.Samplers;

/// <summary>Names and builds AutoDnn's default sampler: multivariate TPE with group decomposition and constant liar.</summary>
public static class SamplerDefaults
{
    /// <summary>The registry name of the default sampler (as in <c>autodnn bench samplers</c>).</summary>
    public const string Name = "tpe-multivariate";

    /// <summary>Options of the default sampler: Optuna 3.1's TPE, multivariate, grouped for conditional spaces, constant liar for parallel workers.</summary>
    public static TpeSamplerOptions TpeOptions(int? seed) => new()
    {
        Seed = seed,
        Multivariate = true,
        Group = true,
        ConstantLiar = true,
    };

    /// <summary>A new default sampler.</summary>
    public static ISampler Create(int? seed = null) => new TpeSampler(TpeOptions(seed));
}
