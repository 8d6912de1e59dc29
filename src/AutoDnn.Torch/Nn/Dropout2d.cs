namespace AutoDnn.Torch.Nn;

/// <summary>Channel dropout for (N, C, H, W) in training mode, like <c>torch.nn.Dropout2d</c>.</summary>
public sealed class Dropout2d(double p = 0.5) : Module<Tensor, Tensor>
{
    public double P { get; } = p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout2d probability must be in [0, 1]");

    public override Tensor Forward(Tensor input) => Functional.Dropout2d(input, P, IsTraining);
}
