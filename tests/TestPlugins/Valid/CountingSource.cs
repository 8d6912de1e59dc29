using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.TestPlugins.Valid;

/// <summary>The opened counting dataset; the test split holds the 3 examples after the training ones.</summary>
public sealed class CountingSource(int count) : IDataSource, IExampleSet
{
    public IReadOnlyList<long> InputShape => [2];

    public IReadOnlyList<string>? Vocabulary => null;

    public IReadOnlyList<string> Classes => ["even", "odd"];

    public IExampleSet Train => this;

    public IExampleSet? Test => new CountingTestSet(count);

    public int Count => count;

    public Example Get(int index) => new(Tensor.From(new float[] { index, -index }, 2), index % 2);

    public void Dispose()
    {
        // Examples are computed from their index: there is nothing to release.
    }
}
