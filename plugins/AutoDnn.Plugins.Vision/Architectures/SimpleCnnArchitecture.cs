using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Plugins.Vision.Architectures;

/// <summary>
/// The <c>simple-cnn</c> family: 1–3 blocks of convolution (+ batch norm) + ReLU + 2×2 pooling whose width grows per
/// block, then a hidden dense layer with dropout and the class logits.
/// </summary>
/// <remarks>
/// Convolutions are padded to keep the size ("same"); a block pools only while the feature map is at least 2×2, and
/// maps still larger than 7×7 after the last block are average-pooled to 7×7, so the head stays small for any input.
/// </remarks>
public sealed class SimpleCnnArchitecture : IArchitecture
{
    /// <summary>Largest feature-map side fed to the dense head.</summary>
    internal const long HeadSide = 7;

    private static readonly int[] Widths = [16, 32, 64];
    private static readonly int[] Kernels = [3, 5];
    private static readonly bool[] BatchNorms = [true, false];
    private static readonly string[] Poolings = ["max", "avg"];

    public string Name => "simple-cnn";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "1-3 conv blocks (conv, optional batch norm, ReLU, 2x2 pooling) of growing width, a hidden dense layer, dropout.";

    public Module<Tensor, Tensor> Build(ITrial trial, TaskSpec task)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ImageShape shape = ImageShape.Of(task, Name);
        int blocks = trial.SuggestInt("simple-cnn.blocks", 1, 3);
        int width = trial.SuggestCategorical("simple-cnn.width", Widths);
        double growth = trial.SuggestFloat("simple-cnn.growth", 1.0, 2.0, step: 0.5);
        int kernel = trial.SuggestCategorical("simple-cnn.kernel", Kernels);
        bool batchNorm = trial.SuggestCategorical("simple-cnn.batch_norm", BatchNorms);
        double dropout = trial.SuggestFloat("simple-cnn.dropout", 0.0, 0.5);
        string pooling = trial.SuggestCategorical("simple-cnn.pooling", Poolings);
        int hidden = trial.SuggestInt("simple-cnn.hidden", 32, 512, log: true);

        var model = new Sequential();
        long channels = shape.Channels, height = shape.Height, widthPx = shape.Width;
        double blockWidth = width;
        for (int b = 0; b < blocks; b++)
        {
            long outChannels = (long)Math.Round(blockWidth);
            // Bias is redundant before batch norm (its shift absorbs it).
            model.Append(new Conv2d(channels, outChannels, kernel, padding: kernel / 2, bias: !batchNorm));
            if (batchNorm) model.Append(new BatchNorm2d(outChannels));
            model.Append(new Relu());
            if (height >= 2 && widthPx >= 2)
            {
                model.Append(pooling == "max" ? new MaxPool2d(2) : new AvgPool2d(2));
                (height, widthPx) = (height / 2, widthPx / 2);
            }
            channels = outChannels;
            blockWidth *= growth;
        }
        if (height > HeadSide || widthPx > HeadSide)
        {
            (height, widthPx) = (Math.Min(height, HeadSide), Math.Min(widthPx, HeadSide));
            model.Append(new AdaptiveAvgPool2d((height, widthPx)));
        }
        model.Append(new Flatten());
        if (dropout > 0) model.Append(new Dropout(dropout));
        model.Append(new Linear(channels * height * widthPx, hidden)).Append(new Relu());
        if (dropout > 0) model.Append(new Dropout(dropout));
        return model.Append(new Linear(hidden, task.OutputCount));
    }
}
