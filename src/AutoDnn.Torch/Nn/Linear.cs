namespace AutoDnn.Torch.Nn;

/// <summary>Fully connected layer y = x Wᵀ + b, initialised like <c>torch.nn.Linear</c>.</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    public Linear(long inFeatures, long outFeatures, bool bias = true)
    {
        if (inFeatures <= 0 || outFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(inFeatures), $"Linear({inFeatures}, {outFeatures}): feature counts must be positive");
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Tensor w = RegisterParameter("weight", Tensor.Zeros(outFeatures, inFeatures))!;
        Tensor? b = RegisterParameter("bias", bias ? Tensor.Zeros(outFeatures) : null);
        DefaultInit.KaimingWithBias(w, b);
    }

    public long InFeatures { get; }
    public long OutFeatures { get; }
    public Tensor Weight => Parameter("weight");
    public Tensor? Bias => OptionalParameter("bias");

    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);
}
