namespace AutoDnn.Torch.Optim;

/// <summary>Stochastic gradient descent with momentum, dampening, Nesterov and weight decay, like <c>torch.optim.SGD</c>.</summary>
public sealed class Sgd : Optimizer
{
    private double momentum;

    public Sgd(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : base(0, parameters, lr)
    {
        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = NonNegative(weightDecay, nameof(weightDecay), "SGD");
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException($"SGD: Nesterov momentum needs momentum > 0 and dampening = 0 (got momentum {momentum}, dampening {dampening})", nameof(nesterov));
        Nesterov = nesterov;
        Maximize = maximize;
    }

    public override double? Momentum
    {
        get => momentum;
        set => momentum = NonNegative(value ?? 0, nameof(Momentum), "SGD");
    }

    public double Dampening { get; }
    public double WeightDecay { get; }
    public bool Nesterov { get; }
    public bool Maximize { get; }

    private protected override void Fill(Span<double> h)
    {
        (h[0], h[1], h[2], h[3]) = (LR, momentum, Dampening, WeightDecay);
        (h[4], h[5]) = (Flag(Nesterov), Flag(Maximize));
    }
}
