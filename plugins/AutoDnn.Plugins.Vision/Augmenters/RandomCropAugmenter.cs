using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>The <c>random-crop</c> augmenter: zero-pads by a searched 1–4 pixels and crops back at a random offset.</summary>
public sealed class RandomCropAugmenter : IAugmenter
{
    public string Name => "random-crop";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "Zero-pads each image by 1-4 pixels, then crops it back to its size at a random offset.";

    public IBatchTransform Configure(ITrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return new RandomCrop(trial.SuggestInt("random-crop.padding", 1, 4));
    }
}
