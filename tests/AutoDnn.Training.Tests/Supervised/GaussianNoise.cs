using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;

namespace AutoDnn.Training.Tests.Supervised;

/// <summary>Adds N(0, std²) noise to every input ("noise.std" is searched); all randomness from the given generator.</summary>
internal sealed class GaussianNoise : IAugmenter
{
    public string Name => "noise";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.TabularClassification;

    public string Description => "Gaussian input noise, for tests.";

    public IBatchTransform Configure(ITrial trial) => new Transform(trial.SuggestFloat("noise.std", 0.0, 0.3));

    internal sealed class Transform(double std) : IBatchTransform
    {
        public Tensor Apply(Tensor batch, Generator generator) => batch + Tensor.Randn(batch.Shape, generator) * std;
    }
}
