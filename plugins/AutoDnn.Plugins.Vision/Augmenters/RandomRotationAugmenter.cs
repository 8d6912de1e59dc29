using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>The <c>random-rotation</c> augmenter: small random rotations (up to a searched 0–20°), bilinear or nearest.</summary>
public sealed class RandomRotationAugmenter : IAugmenter
{
    private static readonly string[] Interpolations = ["bilinear", "nearest"];

    public string Name => "random-rotation";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "Rotates each image about its centre by a random angle in [-degrees, degrees]; outside pixels become 0.";

    public IBatchTransform Configure(ITrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        double degrees = trial.SuggestFloat("random-rotation.degrees", 0.0, 20.0);
        string interpolation = trial.SuggestCategorical("random-rotation.interpolation", Interpolations);
        return new RandomRotation(degrees, interpolation == "bilinear");
    }
}
