namespace AutoDnn.Torch.Nn;

/// <summary>Activation x for x &gt; 0, alpha·(eˣ − 1) below, like <c>torch.nn.ELU</c>.</summary>
public sealed class Elu(double alpha = 1.0) : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.Elu(input, alpha);
}
