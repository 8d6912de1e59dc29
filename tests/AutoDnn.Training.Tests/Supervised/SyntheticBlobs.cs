using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Training.Tests.Supervised;

/// <summary>A small seeded tabular data source: Gaussian blobs around one centre per class, with an optional test split.</summary>
internal sealed class SyntheticBlobs : IDataSource
{
    public SyntheticBlobs(int trainCount = 180, int testCount = 0, int classes = 3, int features = 8, double spread = 1.0, int seed = 11)
    {
        var random = new Random(seed);
        var centres = new float[classes][];
        for (int c = 0; c < classes; c++)
            centres[c] = Enumerable.Range(0, features).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        Train = new Set(Make(trainCount, centres, spread, random));
        Test = testCount > 0 ? new Set(Make(testCount, centres, spread, random)) : null;
        InputShape = [features];
        Classes = Enumerable.Range(0, classes).Select(c => $"class{c}").ToArray();
    }

    public IReadOnlyList<long> InputShape { get; }

    public IReadOnlyList<string>? Vocabulary => null;

    public IReadOnlyList<string> Classes { get; }

    public IExampleSet Train { get; }

    public IExampleSet? Test { get; }

    public int Reads => ((Set)Train).Reads;

    public void Dispose()
    {
    }

    private static (float[] Features, int Label)[] Make(int count, float[][] centres, double spread, Random random)
    {
        var rows = new (float[], int)[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % centres.Length;
            rows[i] = (centres[label].Select(m => (float)(m + spread * Gaussian(random))).ToArray(), label);
        }
        return rows;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class Set((float[] Features, int Label)[] rows) : IExampleSet
    {
        public int Reads { get; private set; }

        public int Count => rows.Length;

        public Example Get(int index)
        {
            Reads++;
            return new Example(Tensor.From(rows[index].Features), rows[index].Label);
        }
    }
}
