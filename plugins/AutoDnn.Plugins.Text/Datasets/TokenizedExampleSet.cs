using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Text.Datasets;

/// <summary>Encoded texts: each example is an int64 tensor [max length] of token ids, padded with 0 at the end.</summary>
internal sealed class TokenizedExampleSet : IExampleSet
{
    private readonly int[][] ids;
    private readonly int[] labels;
    private readonly int maxLength;

    public TokenizedExampleSet(int[][] ids, int[] labels, int maxLength)
    {
        if (ids.Length != labels.Length) throw new ArgumentException($"{ids.Length} texts but {labels.Length} labels");
        (this.ids, this.labels, this.maxLength) = (ids, labels, maxLength);
    }

    public int Count => ids.Length;

    /// <summary>The class of every example, in order.</summary>
    public IReadOnlyList<int> Labels => labels;

    /// <summary>The token ids of example <paramref name="index"/>, without padding.</summary>
    public IReadOnlyList<int> TokenIds(int index) => ids[index];

    public Example Get(int index)
    {
        if ((uint)index >= (uint)ids.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the example set has {ids.Length} examples");
        return new Example(Pad(ids[index], maxLength), labels[index]);
    }

    /// <summary>An int64 tensor [maxLength]: the ids, then zeros.</summary>
    public static Tensor Pad(IReadOnlyList<int> tokenIds, int maxLength)
    {
        var padded = new long[maxLength];
        for (int i = 0; i < Math.Min(tokenIds.Count, maxLength); i++) padded[i] = tokenIds[i];
        return Tensor.From(padded, maxLength);
    }
}
