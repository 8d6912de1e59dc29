using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;

namespace AutoDnn.TestPlugins.Valid;

/// <summary>Adds Gaussian noise of a searched strength.</summary>
public sealed class NoiseAugmenter : IAugmenter
{
    public string Name => "test-noise";

    public string Version => "1.2.3";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "Adds Gaussian noise to a batch.";

    public IBatchTransform Configure(ITrial trial)
    {
        double std = trial.SuggestFloat("test-noise.std", 0.0, 0.2);
        int copies = trial.SuggestInt("test-noise.copies", 1, 9, step: 2);
        string mode = trial.SuggestCategorical("test-noise.mode", new[] { "add", "scale" });
        return new NoiseTransform(std * copies, mode == "scale");
    }
}
