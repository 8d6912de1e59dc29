namespace AutoDnn.Torch.Nn;

/// <summary>Layer normalisation over the trailing dimensions, like <c>torch.nn.LayerNorm</c>.</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    private readonly long[] normalizedShape;

    public LayerNorm(long[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true)
    {
        if (normalizedShape.Length == 0 || normalizedShape.Any(s => s <= 0))
            throw new ArgumentException($"LayerNorm: normalizedShape [{string.Join(", ", normalizedShape)}] must be non-empty with positive sizes", nameof(normalizedShape));
        this.normalizedShape = (long[])normalizedShape.Clone();
        Eps = eps;
        RegisterParameter("weight", elementwiseAffine ? Tensor.Ones(normalizedShape) : null);
        RegisterParameter("bias", elementwiseAffine ? Tensor.Zeros(normalizedShape) : null);
    }

    /// <summary>Normalises over the last dimension of size <paramref name="normalizedShape"/>.</summary>
    public LayerNorm(long normalizedShape, double eps = 1e-5, bool elementwiseAffine = true) : this([normalizedShape], eps, elementwiseAffine) { }

    public double Eps { get; }

    public override Tensor Forward(Tensor input) =>
        Functional.LayerNorm(input, normalizedShape, OptionalParameter("weight"), OptionalParameter("bias"), Eps);
}
