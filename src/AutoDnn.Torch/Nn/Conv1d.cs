namespace AutoDnn.Torch.Nn;

/// <summary>1-d convolution over (N, C, L), like <c>torch.nn.Conv1d</c>.</summary>
public sealed class Conv1d : Module<Tensor, Tensor>
{
    public Conv1d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1, long groups = 1, bool bias = true)
    {
        ConvChecks.Validate("Conv1d", inChannels, outChannels, groups, [kernelSize], [stride], [padding], [dilation]);
        (Stride, Padding, Dilation, Groups) = (stride, padding, dilation, groups);
        Tensor w = RegisterParameter("weight", Tensor.Zeros(outChannels, inChannels / groups, kernelSize))!;
        Tensor? b = RegisterParameter("bias", bias ? Tensor.Zeros(outChannels) : null);
        DefaultInit.KaimingWithBias(w, b);
    }

    public long Stride { get; }
    public long Padding { get; }
    public long Dilation { get; }
    public long Groups { get; }
    public Tensor Weight => Parameter("weight");
    public Tensor? Bias => OptionalParameter("bias");

    public override Tensor Forward(Tensor input) => Functional.Conv1d(input, Weight, Bias, Stride, Padding, Dilation, Groups);
}
