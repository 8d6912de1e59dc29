namespace AutoDnn.Search.Importance;

/// <summary>Functional ANOVA of one regression tree over a box-shaped domain: the tree's total variance and the variance of its marginal over a set of columns (Optuna's <c>_FanovaTree</c>).</summary>
/// <remarks>
/// The tree is a piecewise-constant function on the box. A leaf weighs the volume of its cell. The marginal over
/// columns S is constant between consecutive split thresholds of S, so it is evaluated at the midpoints of that grid,
/// each averaging the leaves it reaches over the other columns, weighted by cell volume (Hutter et al., 2014).
/// </remarks>
internal sealed class FanovaTree
{
    private readonly RegressionTree _tree;
    private readonly double[,] _bounds;
    private readonly double[] _nodeValue;
    private readonly double[] _nodeWeight;
    private readonly bool[][] _subtreeFeatures;
    private readonly double[][] _midpoints;
    private readonly double[][] _sizes;

    public FanovaTree(RegressionTree tree, double[,] bounds)
    {
        _tree = tree;
        _bounds = bounds;
        int nodes = tree.NodeCount;
        int columns = bounds.GetLength(0);
        _nodeValue = new double[nodes];
        _nodeWeight = new double[nodes];
        _subtreeFeatures = new bool[nodes][];
        PrecomputeStatistics(Whole(), 0);
        for (int node = nodes - 1; node >= 0; node--)
        {
            _subtreeFeatures[node] = new bool[columns];
            int f = tree.Feature[node];
            if (f >= 0)
            {
                _subtreeFeatures[node][f] = true;
                for (int c = 0; c < columns; c++)
                {
                    _subtreeFeatures[node][c] |= _subtreeFeatures[tree.Left[node]][c] || _subtreeFeatures[tree.Right[node]][c];
                }
            }
        }

        _midpoints = new double[columns][];
        _sizes = new double[columns][];
        for (int c = 0; c < columns; c++)
        {
            double[] edges =
            [
                bounds[c, 0],
                .. Enumerable.Range(0, nodes).Where(n => tree.Feature[n] == c).Select(n => tree.Threshold[n]).Distinct().Order(),
                bounds[c, 1],
            ];
            _midpoints[c] = [.. edges.Zip(edges.Skip(1), (a, b) => 0.5 * (a + b))];
            _sizes[c] = [.. edges.Zip(edges.Skip(1), (a, b) => b - a)];
        }

        Variance = WeightedVariance(
            Enumerable.Range(0, nodes).Where(n => tree.Feature[n] < 0).Select(n => (_nodeValue[n], _nodeWeight[n])));
    }

    /// <summary>The variance of the tree's prediction over the whole box.</summary>
    public double Variance { get; }

    /// <summary>The variance of the marginal prediction over the given columns (the others averaged out).</summary>
    public double MarginalVariance(IReadOnlyList<int> columns)
    {
        var sample = new double[_bounds.GetLength(0)];
        Array.Fill(sample, double.NaN);
        var points = new List<(double Value, double Weight)>();
        var index = new int[columns.Count];
        while (true)
        {
            double size = 1;
            for (int k = 0; k < columns.Count; k++)
            {
                sample[columns[k]] = _midpoints[columns[k]][index[k]];
                size *= _sizes[columns[k]][index[k]];
            }

            (double value, double weight) = Marginalized(sample);
            points.Add((value, weight * size));

            // Odometer over the cartesian product of the columns' midpoints.
            int d = columns.Count - 1;
            while (d >= 0 && ++index[d] == _midpoints[columns[d]].Length)
            {
                index[d] = 0;
                d--;
            }

            if (d < 0)
            {
                break;
            }
        }

        return Math.Max(WeightedVariance(points), 0);
    }

    private (double Value, double Weight) Marginalized(double[] sample)
    {
        int columns = sample.Length;
        double[,] start = Whole();
        for (int c = 0; c < columns; c++)
        {
            if (double.IsNaN(sample[c]))
            {
                start[c, 0] = 0;
                start[c, 1] = 1;
            }
        }

        double valueSum = 0, weightSum = 0;
        var stack = new Stack<(int Node, double[,] Space)>();
        stack.Push((0, start));
        while (stack.Count > 0)
        {
            (int node, double[,] space) = stack.Pop();
            int f = _tree.Feature[node];
            if (f >= 0)
            {
                if (!double.IsNaN(sample[f]))
                {
                    bool left = sample[f] <= _tree.Threshold[node];
                    double[,] child = (double[,])space.Clone();
                    child[f, left ? 1 : 0] = _tree.Threshold[node];
                    stack.Push((left ? _tree.Left[node] : _tree.Right[node], child));
                    continue;
                }

                if (Enumerable.Range(0, columns).Any(c => !double.IsNaN(sample[c]) && _subtreeFeatures[node][c]))
                {
                    stack.Push((_tree.Left[node], space));
                    stack.Push((_tree.Right[node], space));
                    continue;
                }
            }

            double weight = _nodeWeight[node] / Volume(space);
            valueSum += weight * _nodeValue[node];
            weightSum += weight;
        }

        return (valueSum / weightSum, weightSum);
    }

    private void PrecomputeStatistics(double[,] space, int node)
    {
        int f = _tree.Feature[node];
        if (f < 0)
        {
            _nodeValue[node] = _tree.Value[node];
            _nodeWeight[node] = Volume(space);
            return;
        }

        double[,] left = (double[,])space.Clone();
        double[,] right = (double[,])space.Clone();
        left[f, 1] = _tree.Threshold[node];
        right[f, 0] = _tree.Threshold[node];
        int l = _tree.Left[node], r = _tree.Right[node];
        PrecomputeStatistics(left, l);
        PrecomputeStatistics(right, r);
        _nodeWeight[node] = _nodeWeight[l] + _nodeWeight[r];
        _nodeValue[node] = ((_nodeValue[l] * _nodeWeight[l]) + (_nodeValue[r] * _nodeWeight[r])) / _nodeWeight[node];
    }

    private double[,] Whole() => (double[,])_bounds.Clone();

    private static double Volume(double[,] space)
    {
        double v = 1;
        for (int c = 0; c < space.GetLength(0); c++)
        {
            v *= space[c, 1] - space[c, 0];
        }

        return v;
    }

    private static double WeightedVariance(IEnumerable<(double Value, double Weight)> points)
    {
        var list = points.ToList();
        double total = list.Sum(p => p.Weight);
        double mean = list.Sum(p => p.Value * p.Weight) / total;
        return list.Sum(p => p.Weight * (p.Value - mean) * (p.Value - mean)) / total;
    }
}
