using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Plugins.Vision.Architectures;

/// <summary>
/// The <c>resnet</c> family: a small ResNet for small images: a 3×3 stem, 1–3 stages of 1–2 basic blocks (each
/// stage after the first halves the size and doubles the width), global average pooling and a linear classifier.
/// </summary>
public sealed class ResNetArchitecture : IArchitecture
{
    private static readonly int[] Widths = [16, 32, 64];

    public string Name => "resnet";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "Small ResNet: 3x3 stem, 1-3 stages of 1-2 basic blocks with skip connections, global average pooling.";

    public Module<Tensor, Tensor> Build(ITrial trial, TaskSpec task)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ImageShape shape = ImageShape.Of(task, Name);
        int depth = trial.SuggestInt("resnet.depth", 1, 3);
        int width = trial.SuggestCategorical("resnet.width", Widths);
        int blocks = trial.SuggestInt("resnet.blocks", 1, 2);

        var model = new Sequential(
            new Conv2d(shape.Channels, width, 3, padding: 1, bias: false), new BatchNorm2d(width), new Relu());
        long channels = width;
        for (int stage = 0; stage < depth; stage++)
        {
            long outChannels = (long)width << stage;
            for (int b = 0; b < blocks; b++)
            {
                model.Append(new BasicBlock(channels, outChannels, stage > 0 && b == 0 ? 2 : 1));
                channels = outChannels;
            }
        }
        return model.Append(new AdaptiveAvgPool2d(1)).Append(new Flatten()).Append(new Linear(channels, task.OutputCount));
    }
}
