namespace AutoDnn.Training.CrossValidation;

/// <summary>Plain k-fold: a seeded permutation cut into k folds whose sizes differ by at most one.</summary>
public sealed class KFold : IFoldSplitter
{
    private readonly int seed;

    public KFold(int k, int seed)
    {
        if (k < 2) throw new ArgumentOutOfRangeException(nameof(k), k, "k-fold cross-validation needs k >= 2 (use Holdout for a single split)");
        Count = k;
        this.seed = seed;
    }

    public int Count { get; }

    public IReadOnlyList<Fold> Split(int exampleCount, IReadOnlyList<int>? classLabels = null)
    {
        if (exampleCount < Count)
            throw new ArgumentException($"{Count}-fold cross-validation needs at least {Count} examples, the dataset has {exampleCount}", nameof(exampleCount));
        int[] order = SeededShuffle.Permutation(exampleCount, new Random(seed));
        var validation = new List<int>[Count];
        for (int f = 0; f < Count; f++) validation[f] = new List<int>();
        for (int i = 0; i < order.Length; i++) validation[i % Count].Add(order[i]);
        return SeededShuffle.FoldsFrom(validation, exampleCount);
    }
}
