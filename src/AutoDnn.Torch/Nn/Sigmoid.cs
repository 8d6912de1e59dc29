namespace AutoDnn.Torch.Nn;

/// <summary>Activation 1 / (1 + e⁻ˣ), like <c>torch.nn.Sigmoid</c>.</summary>
public sealed class Sigmoid : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.Sigmoid(input);
}
