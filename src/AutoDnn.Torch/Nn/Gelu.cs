namespace AutoDnn.Torch.Nn;

/// <summary>Gaussian error linear unit, like <c>torch.nn.GELU</c>; <c>approximate</c> is "none" or "tanh".</summary>
public sealed class Gelu(string approximate = "none") : Module<Tensor, Tensor>
{
    public string Approximate { get; } = approximate is "none" or "tanh" ? approximate
        : throw new ArgumentException($"GELU approximate must be \"none\" or \"tanh\", got \"{approximate}\"", nameof(approximate));

    public override Tensor Forward(Tensor input) => Functional.Gelu(input, Approximate);
}
