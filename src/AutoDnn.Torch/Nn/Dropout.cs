namespace AutoDnn.Torch.Nn;

/// <summary>Element dropout in training mode, identity in eval mode, like <c>torch.nn.Dropout</c>.</summary>
public sealed class Dropout(double p = 0.5) : Module<Tensor, Tensor>
{
    public double P { get; } = p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout probability must be in [0, 1]");

    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, IsTraining);
}
