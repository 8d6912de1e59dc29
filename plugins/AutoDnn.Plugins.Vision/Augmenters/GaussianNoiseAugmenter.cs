using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>The <c>gaussian-noise</c> augmenter: adds normal noise of a searched standard deviation (0–0.3).</summary>
public sealed class GaussianNoiseAugmenter : IAugmenter
{
    public string Name => "gaussian-noise";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "Adds independent normal noise of standard deviation std to every pixel (inputs are normalised, so std is in units of the data's std).";

    public IBatchTransform Configure(ITrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return new GaussianNoise(trial.SuggestFloat("gaussian-noise.std", 0.0, 0.3));
    }
}
