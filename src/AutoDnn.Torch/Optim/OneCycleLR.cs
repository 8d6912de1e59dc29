namespace AutoDnn.Torch.Optim;

/// <summary>
/// The one-cycle policy, like <c>torch.optim.lr_scheduler.OneCycleLR</c> (two phases, cosine annealing): the rate rises
/// from maxLR/divFactor to maxLR over pctStart of the steps, then falls to maxLR/(divFactor·finalDivFactor), while
/// momentum (SGD momentum or Adam's β₁) moves the opposite way between maxMomentum and baseMomentum. Step once per batch.
/// </summary>
public sealed class OneCycleLR : LRScheduler
{
    private readonly (double EndStep, double StartLR, double EndLR, double StartMomentum, double EndMomentum)[] phases;

    public OneCycleLR(Optimizer optimizer, double maxLR, int totalSteps, double pctStart = 0.3, bool cycleMomentum = true,
        double baseMomentum = 0.85, double maxMomentum = 0.95, double divFactor = 25, double finalDivFactor = 1e4) : base(optimizer)
    {
        if (totalSteps <= 0) throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, "OneCycleLR: totalSteps must be positive");
        if (pctStart is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(pctStart), pctStart, "OneCycleLR: pctStart must be in [0, 1]");
        if (cycleMomentum && optimizer.Momentum is null)
            throw new ArgumentException($"OneCycleLR: {optimizer.GetType().Name} has no momentum to cycle; pass cycleMomentum: false", nameof(cycleMomentum));
        TotalSteps = totalSteps;
        CycleMomentum = cycleMomentum;
        double initial = maxLR / divFactor, min = initial / finalDivFactor;
        phases =
        [
            (pctStart * totalSteps - 1, initial, maxLR, maxMomentum, baseMomentum),
            (totalSteps - 1, maxLR, min, baseMomentum, maxMomentum),
        ];
        if (cycleMomentum) optimizer.Momentum = maxMomentum;
        Start();
    }

    public int TotalSteps { get; }
    public bool CycleMomentum { get; }

    private protected override double Compute(int epoch, double current)
    {
        if (epoch > TotalSteps)
            throw new InvalidOperationException($"OneCycleLR: stepped {epoch} times but totalSteps is {TotalSteps}");
        double start = 0;
        for (int i = 0; i < phases.Length; i++)
        {
            var p = phases[i];
            if (epoch <= p.EndStep || i == phases.Length - 1)
            {
                double pct = (epoch - start) / (p.EndStep - start);
                if (CycleMomentum) Optimizer.Momentum = Cos(p.StartMomentum, p.EndMomentum, pct);
                return Cos(p.StartLR, p.EndLR, pct);
            }
            start = p.EndStep;
        }
        return current;
    }

    private static double Cos(double start, double end, double pct) => end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1);
}
