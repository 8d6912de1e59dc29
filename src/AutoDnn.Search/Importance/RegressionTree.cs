namespace AutoDnn.Search.Importance;

/// <summary>A CART regression tree (squared error, best split over every feature, as scikit-learn's DecisionTreeRegressor in a random forest).</summary>
/// <remarks>Nodes are stored in arrays; a leaf has <see cref="Feature"/> −1. A sample goes left when its value is ≤ the threshold.</remarks>
internal sealed class RegressionTree
{
    private const double FeatureThreshold = 1e-7;

    private readonly List<int> _feature = [];
    private readonly List<double> _threshold = [];
    private readonly List<int> _left = [];
    private readonly List<int> _right = [];
    private readonly List<double> _value = [];

    private RegressionTree()
    {
    }

    public IReadOnlyList<int> Feature => _feature;

    public IReadOnlyList<double> Threshold => _threshold;

    public IReadOnlyList<int> Left => _left;

    public IReadOnlyList<int> Right => _right;

    public IReadOnlyList<double> Value => _value;

    public int NodeCount => _feature.Count;

    /// <summary>Fits on the rows with a positive weight (bootstrap counts); the random source only orders the features, which breaks ties between equal splits.</summary>
    public static RegressionTree Fit(double[,] x, double[] y, double[] weights, Random random, int maxDepth, int minSamplesSplit, int minSamplesLeaf)
    {
        var tree = new RegressionTree();
        int[] rows = [.. Enumerable.Range(0, y.Length).Where(i => weights[i] > 0)];
        tree.Grow(x, y, weights, rows, depth: 0, random, maxDepth, minSamplesSplit, minSamplesLeaf);
        return tree;
    }

    public double Predict(ReadOnlySpan<double> sample)
    {
        int node = 0;
        while (_feature[node] >= 0)
        {
            node = sample[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
        }

        return _value[node];
    }

    private int Grow(double[,] x, double[] y, double[] w, int[] rows, int depth, Random random, int maxDepth, int minSamplesSplit, int minSamplesLeaf)
    {
        double sumW = 0, sumY = 0, sumYy = 0;
        foreach (int r in rows)
        {
            sumW += w[r];
            sumY += w[r] * y[r];
            sumYy += w[r] * y[r] * y[r];
        }

        double mean = sumY / sumW;
        double impurity = (sumYy / sumW) - (mean * mean);
        int node = _feature.Count;
        _feature.Add(-1);
        _threshold.Add(double.NaN);
        _left.Add(-1);
        _right.Add(-1);
        _value.Add(mean);

        bool leaf = depth >= maxDepth || rows.Length < minSamplesSplit || rows.Length < 2 * minSamplesLeaf || impurity <= 1e-15 * Math.Max(1, mean * mean);
        if (leaf || !TryBestSplit(x, y, w, rows, sumW, sumY, random, minSamplesLeaf, out int feature, out double threshold))
        {
            return node;
        }

        int[] left = [.. rows.Where(r => x[r, feature] <= threshold)];
        int[] right = [.. rows.Where(r => x[r, feature] > threshold)];
        _feature[node] = feature;
        _threshold[node] = threshold;
        _left[node] = Grow(x, y, w, left, depth + 1, random, maxDepth, minSamplesSplit, minSamplesLeaf);
        _right[node] = Grow(x, y, w, right, depth + 1, random, maxDepth, minSamplesSplit, minSamplesLeaf);
        return node;
    }

    private static bool TryBestSplit(double[,] x, double[] y, double[] w, int[] rows, double sumW, double sumY, Random random, int minSamplesLeaf, out int bestFeature, out double bestThreshold)
    {
        int columns = x.GetLength(1);
        int[] features = [.. Enumerable.Range(0, columns)];
        random.Shuffle(features);

        // Maximizing sumL²/wL + sumR²/wR is minimizing the children's weighted squared error (scikit-learn's proxy).
        double bestProxy = double.NegativeInfinity;
        bestFeature = -1;
        bestThreshold = double.NaN;
        var sorted = new int[rows.Length];
        foreach (int f in features)
        {
            rows.CopyTo(sorted, 0);
            Array.Sort(sorted, (a, b) => x[a, f].CompareTo(x[b, f]));
            if (x[sorted[^1], f] <= x[sorted[0], f] + FeatureThreshold)
            {
                continue;
            }

            double wLeft = 0, sumLeft = 0;
            for (int i = 0; i < sorted.Length - 1; i++)
            {
                int r = sorted[i];
                wLeft += w[r];
                sumLeft += w[r] * y[r];
                double here = x[r, f];
                double next = x[sorted[i + 1], f];
                if (next <= here + FeatureThreshold || i + 1 < minSamplesLeaf || sorted.Length - i - 1 < minSamplesLeaf)
                {
                    continue;
                }

                double wRight = sumW - wLeft;
                double sumRight = sumY - sumLeft;
                double proxy = (sumLeft * sumLeft / wLeft) + (sumRight * sumRight / wRight);
                if (proxy > bestProxy)
                {
                    bestProxy = proxy;
                    bestFeature = f;
                    double mid = (here / 2) + (next / 2);
                    bestThreshold = mid >= next ? here : mid;
                }
            }
        }

        return bestFeature >= 0;
    }
}
