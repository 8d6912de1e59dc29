namespace AutoDnn.Torch.Optim;

/// <summary>Multiplies the rate by <c>gamma</c> every <c>stepSize</c> epochs, like <c>torch.optim.lr_scheduler.StepLR</c>.</summary>
public sealed class StepLR : LRScheduler
{
    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1) : base(optimizer)
    {
        StepSize = stepSize > 0 ? stepSize : throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "StepLR: stepSize must be positive");
        Gamma = gamma;
        Start();
    }

    public int StepSize { get; }
    public double Gamma { get; }

    private protected override double Compute(int epoch, double current) =>
        epoch == 0 || epoch % StepSize != 0 ? current : current * Gamma;
}
