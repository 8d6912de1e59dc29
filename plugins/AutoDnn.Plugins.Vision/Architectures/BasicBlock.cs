using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Plugins.Vision.Architectures;

/// <summary>
/// A ResNet basic block: conv3×3 (stride) → BN → ReLU → conv3×3 → BN, plus the input (through a 1×1 conv + BN when
/// the stride or width changes), then ReLU. Parameter names follow torchvision (conv1, bn1, conv2, bn2, downsample).
/// </summary>
internal sealed class BasicBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;

    public BasicBlock(long inChannels, long outChannels, long stride)
    {
        conv1 = RegisterModule("conv1", new Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false));
        bn1 = RegisterModule("bn1", new BatchNorm2d(outChannels));
        conv2 = RegisterModule("conv2", new Conv2d(outChannels, outChannels, 3, padding: 1, bias: false));
        bn2 = RegisterModule("bn2", new BatchNorm2d(outChannels));
        if (stride != 1 || inChannels != outChannels)
            downsample = RegisterModule("downsample", new Sequential(
                new Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), new BatchNorm2d(outChannels)));
    }

    // Temporaries are freed as soon as the block has used them, as C++ and Python free them, rather than at the end
    // of the training step's scope (2-5 % of a CNN step; docs/BENCHMARKS.md). Autograd keeps what backward needs.
    public override Tensor Forward(Tensor input)
    {
        using Tensor c1 = conv1.Forward(input);
        using Tensor b1 = bn1.Forward(c1);
        using Tensor r1 = b1.Relu();
        using Tensor c2 = conv2.Forward(r1);
        using Tensor b2 = bn2.Forward(c2);
        if (downsample is null)
        {
            using Tensor sum = b2 + input;
            return sum.Relu();
        }

        using Tensor shortcut = downsample.Forward(input);
        using Tensor total = b2 + shortcut;
        return total.Relu();
    }
}
