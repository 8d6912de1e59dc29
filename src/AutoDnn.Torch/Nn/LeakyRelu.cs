namespace AutoDnn.Torch.Nn;

/// <summary>Activation x for x ≥ 0, negativeSlope·x below, like <c>torch.nn.LeakyReLU</c>.</summary>
public sealed class LeakyRelu(double negativeSlope = 0.01) : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.LeakyRelu(input, negativeSlope);
}
