namespace AutoDnn.Search.Samplers;

/// <summary>How <see cref="NsgaIISampler"/> mixes two parents.</summary>
public enum NsgaIICrossover
{
    /// <summary>Each parameter comes from either parent with the swapping probability (Optuna's default).</summary>
    Uniform,

    /// <summary>Simulated binary crossover on numeric parameters (in normalized space); categoricals are swapped uniformly.</summary>
    Sbx,
}
