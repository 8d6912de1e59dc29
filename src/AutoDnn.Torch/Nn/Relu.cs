namespace AutoDnn.Torch.Nn;

/// <summary>Activation max(0, x), like <c>torch.nn.ReLU</c>.</summary>
public sealed class Relu : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.Relu(input);
}
