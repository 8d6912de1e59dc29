using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>The <c>random-erasing</c> augmenter (Cutout): zeroes a random rectangle of searched probability and size.</summary>
public sealed class RandomErasingAugmenter : IAugmenter
{
    /// <summary>Smallest fraction of the image an erased rectangle covers (torchvision's default lower scale).</summary>
    public const double MinArea = 0.02;

    public string Name => "random-erasing";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "With probability p, sets a random rectangle covering 2% to max_area of the image to 0 (Cutout).";

    public IBatchTransform Configure(ITrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        double p = trial.SuggestFloat("random-erasing.p", 0.0, 1.0);
        double maxArea = trial.SuggestFloat("random-erasing.max_area", 0.05, 0.4);
        return new RandomErasing(p, MinArea, maxArea);
    }
}
