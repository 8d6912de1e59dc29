namespace AutoDnn.Torch.Nn;

/// <summary>2-d convolution over (N, C, H, W), like <c>torch.nn.Conv2d</c>; sizes are (height, width).</summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    /// <summary>Square kernel, stride, padding and dilation.</summary>
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1, long groups = 1, bool bias = true)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (dilation, dilation), groups, bias)
    {
    }

    public Conv2d(long inChannels, long outChannels, (long, long) kernelSize, (long, long) stride, (long, long) padding, (long, long) dilation, long groups = 1, bool bias = true)
    {
        ConvChecks.Validate("Conv2d", inChannels, outChannels, groups, [kernelSize.Item1, kernelSize.Item2], [stride.Item1, stride.Item2],
            [padding.Item1, padding.Item2], [dilation.Item1, dilation.Item2]);
        (Stride, Padding, Dilation, Groups) = (stride, padding, dilation, groups);
        Tensor w = RegisterParameter("weight", Tensor.Zeros(outChannels, inChannels / groups, kernelSize.Item1, kernelSize.Item2))!;
        Tensor? b = RegisterParameter("bias", bias ? Tensor.Zeros(outChannels) : null);
        DefaultInit.KaimingWithBias(w, b);
    }

    public (long, long) Stride { get; }
    public (long, long) Padding { get; }
    public (long, long) Dilation { get; }
    public long Groups { get; }
    public Tensor Weight => Parameter("weight");
    public Tensor? Bias => OptionalParameter("bias");

    public override Tensor Forward(Tensor input) => Functional.Conv2d(input, Weight, Bias, Stride, Padding, Dilation, Groups);
}
