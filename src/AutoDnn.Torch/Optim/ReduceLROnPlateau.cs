namespace AutoDnn.Torch.Optim;

/// <summary>
/// Cuts the rate by <c>factor</c> when a metric stops improving for <c>patience</c> epochs, like
/// <c>torch.optim.lr_scheduler.ReduceLROnPlateau</c> (same thresholds, cooldown and minimum).
/// </summary>
public sealed class ReduceLROnPlateau
{
    private double best;
    private int badEpochs;
    private int cooldownCounter;

    public ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4,
        string thresholdMode = "rel", int cooldown = 0, double minLR = 0, double eps = 1e-8)
    {
        if (mode is not ("min" or "max")) throw new ArgumentException($"ReduceLROnPlateau: mode must be \"min\" or \"max\", got \"{mode}\"", nameof(mode));
        if (thresholdMode is not ("rel" or "abs")) throw new ArgumentException($"ReduceLROnPlateau: thresholdMode must be \"rel\" or \"abs\", got \"{thresholdMode}\"", nameof(thresholdMode));
        if (factor is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(factor), factor, "ReduceLROnPlateau: factor must be in (0, 1)");
        Optimizer = optimizer;
        (Mode, Factor, Patience, Threshold, ThresholdMode, Cooldown, MinLR, Eps) = (mode, factor, patience, threshold, thresholdMode, cooldown, minLR, eps);
        best = mode == "min" ? double.PositiveInfinity : double.NegativeInfinity;
    }

    public Optimizer Optimizer { get; }
    public string Mode { get; }
    public double Factor { get; }
    public int Patience { get; }
    public double Threshold { get; }
    public string ThresholdMode { get; }
    public int Cooldown { get; }
    public double MinLR { get; }
    public double Eps { get; }

    /// <summary>Epochs seen so far.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>The learning rate now in effect.</summary>
    public double LR => Optimizer.LR;

    /// <summary>Records this epoch's <paramref name="metric"/> and reduces the rate if it has plateaued.</summary>
    public void Step(double metric)
    {
        LastEpoch++;
        if (IsBetter(metric)) { best = metric; badEpochs = 0; }
        else badEpochs++;
        if (cooldownCounter > 0) { cooldownCounter--; badEpochs = 0; }
        if (badEpochs <= Patience) return;
        double old = Optimizer.LR, next = Math.Max(old * Factor, MinLR);
        if (old - next > Eps) Optimizer.LR = next;
        cooldownCounter = Cooldown;
        badEpochs = 0;
    }

    private bool IsBetter(double a) => (Mode, ThresholdMode) switch
    {
        ("min", "rel") => a < best * (1 - Threshold),
        ("min", _) => a < best - Threshold,
        (_, "rel") => a > best * (Threshold + 1),
        _ => a > best + Threshold,
    };
}
