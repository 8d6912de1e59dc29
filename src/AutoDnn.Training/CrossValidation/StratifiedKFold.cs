namespace AutoDnn.Training.CrossValidation;

/// <summary>
/// Stratified k-fold: each class's examples are shuffled (seeded) and dealt round-robin over the folds, the deal
/// continuing from class to class, so every fold keeps the class proportions (within one example per class) and
/// fold sizes differ by at most one.
/// </summary>
public sealed class StratifiedKFold : IFoldSplitter
{
    private readonly int seed;

    public StratifiedKFold(int k, int seed)
    {
        if (k < 2) throw new ArgumentOutOfRangeException(nameof(k), k, "k-fold cross-validation needs k >= 2 (use Holdout for a single split)");
        Count = k;
        this.seed = seed;
    }

    public int Count { get; }

    public IReadOnlyList<Fold> Split(int exampleCount, IReadOnlyList<int>? classLabels = null)
    {
        if (classLabels is null)
            throw new ArgumentException("stratified k-fold needs the class label of every example; use KFold for regression or unlabeled data", nameof(classLabels));
        if (classLabels.Count != exampleCount)
            throw new ArgumentException($"{classLabels.Count} labels were given for {exampleCount} examples", nameof(classLabels));
        if (exampleCount < Count)
            throw new ArgumentException($"{Count}-fold cross-validation needs at least {Count} examples, the dataset has {exampleCount}", nameof(exampleCount));

        var random = new Random(seed);
        var validation = new List<int>[Count];
        for (int f = 0; f < Count; f++) validation[f] = new List<int>();
        int next = 0;
        foreach (var group in Enumerable.Range(0, exampleCount).GroupBy(i => classLabels[i]).OrderBy(g => g.Key))
        {
            int[] members = group.ToArray();
            SeededShuffle.Shuffle(members, random);
            foreach (int i in members)
            {
                validation[next].Add(i);
                next = (next + 1) % Count;
            }
        }
        return SeededShuffle.FoldsFrom(validation, exampleCount);
    }
}
