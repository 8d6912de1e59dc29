using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Importance;

/// <summary>fANOVA importance: a random forest of regression trees fitted to the trials, then each parameter's share of every tree's variance, averaged over trees (Optuna's FanovaImportanceEvaluator).</summary>
/// <remarks>
/// As Optuna 3.1: <c>nTrees</c> bootstrapped trees that consider every feature at each split, <c>maxDepth</c>,
/// <c>minSamplesSplit</c> and <c>minSamplesLeaf</c> as scikit-learn's; categoricals are one-hot columns judged
/// together. Unlike Optuna, log parameters are analysed in log space, where they were sampled. The same seed gives
/// the same importances; a null seed draws one.
/// </remarks>
public sealed class FanovaImportanceEvaluator : IImportanceEvaluator
{
    public FanovaImportanceEvaluator(int nTrees = 64, int maxDepth = 64, int minSamplesSplit = 2, int minSamplesLeaf = 1, int? seed = null)
    {
        if (nTrees < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(nTrees), nTrees, $"nTrees must be at least 1, got {nTrees}.");
        }

        if (maxDepth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, $"maxDepth must be at least 1, got {maxDepth}.");
        }

        if (minSamplesSplit < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(minSamplesSplit), minSamplesSplit, $"minSamplesSplit must be at least 2, got {minSamplesSplit}.");
        }

        if (minSamplesLeaf < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minSamplesLeaf), minSamplesLeaf, $"minSamplesLeaf must be at least 1, got {minSamplesLeaf}.");
        }

        NTrees = nTrees;
        MaxDepth = maxDepth;
        MinSamplesSplit = minSamplesSplit;
        MinSamplesLeaf = minSamplesLeaf;
        Seed = seed;
    }

    public int NTrees { get; }

    public int MaxDepth { get; }

    public int MinSamplesSplit { get; }

    public int MinSamplesLeaf { get; }

    public int? Seed { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Evaluate(IReadOnlyList<FrozenTrial> trials, IReadOnlyList<string> parameters, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(targets);
        if (trials.Count != targets.Count)
        {
            throw new ArgumentException($"{trials.Count} trials but {targets.Count} targets.", nameof(targets));
        }

        ImportanceSpace space = ImportanceSpace.Build(trials, parameters);
        double[] y = [.. targets];
        int n = y.Length;
        var master = new Random(Seed ?? Random.Shared.Next());
        var fractions = new List<double>[parameters.Count];
        for (int p = 0; p < parameters.Count; p++)
        {
            fractions[p] = [];
        }

        for (int t = 0; t < NTrees; t++)
        {
            var random = new Random(master.Next());
            var weights = new double[n];
            for (int i = 0; i < n; i++)
            {
                weights[random.Next(n)] += 1;
            }

            RegressionTree tree = RegressionTree.Fit(space.X, y, weights, random, MaxDepth, MinSamplesSplit, MinSamplesLeaf);
            var fanova = new FanovaTree(tree, space.Bounds);
            if (!(fanova.Variance > 0))
            {
                continue;
            }

            for (int p = 0; p < parameters.Count; p++)
            {
                fractions[p].Add(fanova.MarginalVariance(space.ColumnsOf[p]) / fanova.Variance);
            }
        }

        if (fractions.Length > 0 && fractions[0].Count == 0)
        {
            throw new InvalidOperationException(
                $"fANOVA found no variance in any of its {NTrees} trees: the target is (nearly) the same in all {n} trials, so no parameter can be ranked.");
        }

        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int p = 0; p < parameters.Count; p++)
        {
            result[parameters[p]] = fractions[p].Average();
        }

        return result;
    }
}
