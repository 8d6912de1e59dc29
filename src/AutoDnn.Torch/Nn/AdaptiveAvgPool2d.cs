namespace AutoDnn.Torch.Nn;

/// <summary>Average pooling to a fixed (height, width) output, like <c>torch.nn.AdaptiveAvgPool2d</c>.</summary>
public sealed class AdaptiveAvgPool2d((long, long) outputSize) : Module<Tensor, Tensor>
{
    /// <summary>A square output of <paramref name="outputSize"/>².</summary>
    public AdaptiveAvgPool2d(long outputSize) : this((outputSize, outputSize)) { }

    public override Tensor Forward(Tensor input) => Functional.AdaptiveAvgPool2d(input, outputSize);
}
