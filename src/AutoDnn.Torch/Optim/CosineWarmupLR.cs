namespace AutoDnn.Torch.Optim;

/// <summary>
/// Linear warm-up from 0 over <c>warmupSteps</c>, then cosine decay to 0 at <c>totalSteps</c>: the factor
/// <c>s/warmup</c>, then <c>½(1 + cos(π·progress))</c> — the schedule of Hugging Face's
/// <c>get_cosine_schedule_with_warmup</c>, as a <c>LambdaLR</c> of PyTorch computes it. Zero warm-up gives plain cosine annealing.
/// </summary>
public sealed class CosineWarmupLR : LRScheduler
{
    public CosineWarmupLR(Optimizer optimizer, int warmupSteps, int totalSteps) : base(optimizer)
    {
        if (warmupSteps < 0) throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, "CosineWarmupLR: warmupSteps must be non-negative");
        if (totalSteps <= warmupSteps) throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"CosineWarmupLR: totalSteps must exceed warmupSteps ({warmupSteps})");
        (WarmupSteps, TotalSteps) = (warmupSteps, totalSteps);
        Start();
    }

    public int WarmupSteps { get; }
    public int TotalSteps { get; }

    /// <summary>The multiplier of the base rate at <paramref name="step"/>.</summary>
    public double Factor(int step)
    {
        if (step < WarmupSteps) return (double)step / Math.Max(1, WarmupSteps);
        double progress = (double)(step - WarmupSteps) / Math.Max(1, TotalSteps - WarmupSteps);
        return Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * progress)));
    }

    private protected override double Compute(int epoch, double current) => BaseLR * Factor(epoch);
}
