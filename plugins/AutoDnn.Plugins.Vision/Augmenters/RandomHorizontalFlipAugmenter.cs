using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>The <c>random-horizontal-flip</c> augmenter: mirrors images left–right with a searched probability.</summary>
public sealed class RandomHorizontalFlipAugmenter : IAugmenter
{
    public string Name => "random-horizontal-flip";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "Mirrors each image left-right with probability p.";

    public IBatchTransform Configure(ITrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return new RandomHorizontalFlip(trial.SuggestFloat("random-horizontal-flip.p", 0.0, 1.0));
    }
}
