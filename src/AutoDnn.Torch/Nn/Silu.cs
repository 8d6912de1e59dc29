namespace AutoDnn.Torch.Nn;

/// <summary>Activation x·sigmoid(x) (swish), like <c>torch.nn.SiLU</c>.</summary>
public sealed class Silu : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.Silu(input);
}
