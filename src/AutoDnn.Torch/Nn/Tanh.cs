namespace AutoDnn.Torch.Nn;

/// <summary>Activation hyperbolic tangent, like <c>torch.nn.Tanh</c>.</summary>
public sealed class Tanh : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.Tanh(input);
}
