namespace AutoDnn.Torch.Optim;

/// <summary>RMSprop with optional momentum and centring, like <c>torch.optim.RMSprop</c>.</summary>
public sealed class RmsProp : Optimizer
{
    private double momentum;

    public RmsProp(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : base(3, parameters, lr)
    {
        Alpha = NonNegative(alpha, nameof(alpha), "RMSprop");
        Eps = NonNegative(eps, nameof(eps), "RMSprop");
        WeightDecay = NonNegative(weightDecay, nameof(weightDecay), "RMSprop");
        Momentum = momentum;
        Centered = centered;
        Maximize = maximize;
    }

    public double Alpha { get; }
    public double Eps { get; }
    public double WeightDecay { get; }
    public bool Centered { get; }
    public bool Maximize { get; }

    public override double? Momentum
    {
        get => momentum;
        set => momentum = NonNegative(value ?? 0, nameof(Momentum), "RMSprop");
    }

    private protected override void Fill(Span<double> h)
    {
        (h[0], h[1], h[2], h[3], h[4]) = (LR, Alpha, Eps, WeightDecay, momentum);
        (h[5], h[6]) = (Flag(Centered), Flag(Maximize));
    }
}
