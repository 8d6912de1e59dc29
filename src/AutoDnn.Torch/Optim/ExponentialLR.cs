namespace AutoDnn.Torch.Optim;

/// <summary>Multiplies the rate by <c>gamma</c> every epoch, like <c>torch.optim.lr_scheduler.ExponentialLR</c>.</summary>
public sealed class ExponentialLR : LRScheduler
{
    public ExponentialLR(Optimizer optimizer, double gamma) : base(optimizer)
    {
        Gamma = gamma > 0 ? gamma : throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "ExponentialLR: gamma must be positive");
        Start();
    }

    public double Gamma { get; }

    private protected override double Compute(int epoch, double current) => epoch == 0 ? current : current * Gamma;
}
