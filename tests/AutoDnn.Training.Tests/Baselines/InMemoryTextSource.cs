using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Training.Tests.Baselines;

/// <summary>A text data source held in memory: token-id rows (padded to a length with 0) and labels.</summary>
internal sealed class InMemoryTextSource(int vocabularySize, int classes, Rows train, Rows? test) : IDataSource
{
    public IReadOnlyList<long> InputShape => [train.Length];

    public IReadOnlyList<string>? Vocabulary { get; } = Enumerable.Range(0, vocabularySize).Select(i => $"t{i}").ToArray();

    public IReadOnlyList<string> Classes { get; } = Enumerable.Range(0, classes).Select(c => $"c{c}").ToArray();

    public IExampleSet Train => train;

    public IExampleSet? Test => test;

    public void Dispose()
    {
    }

    /// <summary>Texts of 1..maxLength tokens: ids 2..9 are noise shared by all classes; each class adds its own keywords
    /// (ids 10 + 5·class … 14 + 5·class), so the classes are separable by which keywords occur.</summary>
    public static InMemoryTextSource Separable(int classes, int trainCount, int testCount, int seed)
    {
        var random = new Random(seed);
        Rows Make(int count)
        {
            var rows = new long[count][];
            var labels = new int[count];
            for (int i = 0; i < count; i++)
            {
                labels[i] = i % classes;
                int length = random.Next(3, 13);
                rows[i] = new long[16];
                for (int t = 0; t < length; t++)
                    rows[i][t] = random.NextDouble() < 0.6 ? random.Next(2, 10) : 10 + 5 * labels[i] + random.Next(5);
                rows[i][random.Next(length)] = 10 + 5 * labels[i] + random.Next(5); // at least one keyword
            }
            return new Rows(rows, labels, 16);
        }
        return new InMemoryTextSource(10 + 5 * classes, classes, Make(trainCount), Make(testCount));
    }
}

/// <summary>Examples as int64 rows of token ids, or as float rows when <paramref name="asFloat"/>.</summary>
internal sealed class Rows(long[][] ids, int[] labels, int length, bool asFloat = false) : IExampleSet
{
    public int Length => length;

    public int Count => ids.Length;

    public Example Get(int index) => new(
        asFloat ? Tensor.From(ids[index].Select(i => (float)i).ToArray(), length) : Tensor.From(ids[index], length), labels[index]);

    public static Rows Labels(params int[] labels) => new(labels.Select(_ => new long[] { 2 }).ToArray(), labels, 1);
}
