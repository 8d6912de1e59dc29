namespace AutoDnn.Torch.Optim;

/// <summary>Adam with L2 weight decay added to the gradient (and optional AMSGrad), like <c>torch.optim.Adam</c>.</summary>
public class Adam : Optimizer
{
    private double beta1;

    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8, double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : this(1, parameters, lr, betas ?? (0.9, 0.999), eps, weightDecay, amsgrad, maximize)
    {
    }

    private protected Adam(int kind, IEnumerable<Tensor> parameters, double lr, (double, double) betas, double eps, double weightDecay, bool amsgrad, bool maximize)
        : base(kind, parameters, lr)
    {
        beta1 = Beta(betas.Item1, "beta1", GetType().Name);
        Beta2 = Beta(betas.Item2, "beta2", GetType().Name);
        Eps = NonNegative(eps, nameof(eps), GetType().Name);
        WeightDecay = NonNegative(weightDecay, nameof(weightDecay), GetType().Name);
        AmsGrad = amsgrad;
        Maximize = maximize;
    }

    /// <summary>β₁, the decay of the first-moment estimate.</summary>
    public override double? Momentum
    {
        get => beta1;
        set => beta1 = Beta(value ?? 0, "beta1", GetType().Name);
    }

    public double Beta2 { get; }
    public double Eps { get; }
    public double WeightDecay { get; }
    public bool AmsGrad { get; }
    public bool Maximize { get; }

    private protected override void Fill(Span<double> h)
    {
        (h[0], h[1], h[2], h[3], h[4]) = (LR, beta1, Beta2, Eps, WeightDecay);
        (h[5], h[6]) = (Flag(AmsGrad), Flag(Maximize));
    }
}
