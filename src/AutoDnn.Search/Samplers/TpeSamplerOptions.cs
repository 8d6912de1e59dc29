namespace AutoDnn.Search.Samplers;

/// <summary>Settings of <see cref="TpeSampler"/>; the defaults are Optuna 3.1's TPESampler defaults.</summary>
public sealed record TpeSamplerOptions
{
    /// <summary>Seed of the sampler's generator; the same seed and history give the same suggestions.</summary>
    public int? Seed { get; init; }

    /// <summary>Finished trials sampled at random before the model is used (Optuna: n_startup_trials = 10).</summary>
    public int StartupTrials { get; init; } = 10;

    /// <summary>Candidates drawn from l(x) per proposal; the one maximizing l(x)/g(x) wins (Optuna: 24).</summary>
    public int EiCandidates { get; init; } = 24;

    /// <summary>Size of the "good" set for n finished trials (Optuna: min(ceil(0.1 n), 25)).</summary>
    public Func<int, int> Gamma { get; init; } = DefaultGamma;

    /// <summary>Kernel weights of n observations in time order, oldest first (Optuna: default_weights).</summary>
    public Func<int, double[]> Weights { get; init; } = DefaultWeights;

    /// <summary>Adds a wide prior kernel at the domain centre to both densities (Optuna: consider_prior = true).</summary>
    public bool ConsiderPrior { get; init; } = true;

    /// <summary>Weight of the prior kernel relative to one observation (Optuna: 1.0).</summary>
    public double PriorWeight { get; init; } = 1.0;

    /// <summary>Floors each bandwidth at range / min(100, 1 + kernels) (Optuna: consider_magic_clip = true).</summary>
    public bool ConsiderMagicClip { get; init; } = true;

    /// <summary>Lets the outermost kernels' bandwidth reach the domain ends (Optuna: consider_endpoints = false).</summary>
    public bool ConsiderEndpoints { get; init; }

    /// <summary>Models the parameters of the relative search space jointly (Optuna: multivariate = false).</summary>
    public bool Multivariate { get; init; }

    /// <summary>With Multivariate: splits conditional spaces into groups always suggested together (Optuna: group = false).</summary>
    public bool Group { get; init; }

    /// <summary>Counts running trials as the worst observations so parallel workers spread out (Optuna: constant_liar = false).</summary>
    public bool ConstantLiar { get; init; }

    /// <summary>Multivariate bandwidth factor c in σ = c · range · n^(−1/(d+4)) (Optuna: SIGMA0_MAGNITUDE = 0.2).</summary>
    public double BandwidthFactor { get; init; } = 0.2;

    /// <summary>Optuna 3.1's default_gamma: min(ceil(0.1 n), 25).</summary>
    public static int DefaultGamma(int n) => Math.Min((int)Math.Ceiling(0.1 * n), 25);

    /// <summary>Optuna 3.1's default_weights: flat for n &lt; 25, else a ramp from 1/n to 1 over all but the newest 25.</summary>
    public static double[] DefaultWeights(int n)
    {
        if (n < 25)
        {
            return Enumerable.Repeat(1.0, n).ToArray();
        }

        var weights = new double[n];
        int rampLength = n - 25;
        for (int i = 0; i < rampLength; i++)
        {
            // numpy.linspace(1/n, 1, num = n - 25).
            weights[i] = rampLength == 1 ? 1.0 / n : (1.0 / n) + (i * (1.0 - (1.0 / n)) / (rampLength - 1));
        }

        for (int i = rampLength; i < n; i++)
        {
            weights[i] = 1.0;
        }

        return weights;
    }

    /// <summary>Throws ArgumentException naming the first invalid setting.</summary>
    public void Validate()
    {
        if (StartupTrials < 0)
        {
            throw new ArgumentException($"StartupTrials must be >= 0, got {StartupTrials}.", nameof(StartupTrials));
        }

        if (EiCandidates < 1)
        {
            throw new ArgumentException($"EiCandidates must be >= 1, got {EiCandidates}.", nameof(EiCandidates));
        }

        ArgumentNullException.ThrowIfNull(Gamma, nameof(Gamma));
        ArgumentNullException.ThrowIfNull(Weights, nameof(Weights));
        if (!(PriorWeight > 0) || !double.IsFinite(PriorWeight))
        {
            throw new ArgumentException($"PriorWeight must be a finite number > 0, got {PriorWeight}.", nameof(PriorWeight));
        }

        if (!(BandwidthFactor > 0) || !double.IsFinite(BandwidthFactor))
        {
            throw new ArgumentException($"BandwidthFactor must be a finite number > 0, got {BandwidthFactor}.", nameof(BandwidthFactor));
        }

        if (Group && !Multivariate)
        {
            throw new ArgumentException("Group needs Multivariate = true (as in Optuna).", nameof(Group));
        }
    }
}
