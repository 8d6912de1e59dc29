namespace AutoDnn.Training.Metrics;

/// <summary>Counts of (true class, predicted class) pairs; rows are true classes, as in scikit-learn.</summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] counts;

    private ConfusionMatrix(long[,] counts) => this.counts = counts;

    /// <summary>Number of classes (rows and columns).</summary>
    public int Classes => counts.GetLength(0);

    /// <summary>Examples of true class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => counts[actual, predicted];

    /// <summary>Builds the matrix; every label must lie in 0..classes-1.</summary>
    public static ConfusionMatrix From(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, int classes)
    {
        if (actual.Count != predicted.Count)
            throw new ArgumentException($"{actual.Count} true labels but {predicted.Count} predictions");
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "at least one class is needed");
        var counts = new long[classes, classes];
        for (int i = 0; i < actual.Count; i++)
        {
            if ((uint)actual[i] >= (uint)classes) throw new ArgumentOutOfRangeException(nameof(actual), $"true label {actual[i]} at position {i} is not in 0..{classes - 1}");
            if ((uint)predicted[i] >= (uint)classes) throw new ArgumentOutOfRangeException(nameof(predicted), $"predicted label {predicted[i]} at position {i} is not in 0..{classes - 1}");
            counts[actual[i], predicted[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    public long Total
    {
        get
        {
            long n = 0;
            foreach (long c in counts) n += c;
            return n;
        }
    }

    /// <summary>True count of class <paramref name="c"/> (its row sum).</summary>
    public long Support(int c) => Row(c).Sum();

    /// <summary>Predicted count of class <paramref name="c"/> (its column sum).</summary>
    public long PredictedCount(int c) => Enumerable.Range(0, Classes).Sum(r => counts[r, c]);

    public long[] Row(int c) => Enumerable.Range(0, Classes).Select(p => counts[c, p]).ToArray();

    /// <summary>The matrix as nested arrays (rows = true classes), for storage and charts.</summary>
    public long[][] ToArrays() => Enumerable.Range(0, Classes).Select(Row).ToArray();
}
