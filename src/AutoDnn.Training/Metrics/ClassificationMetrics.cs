namespace AutoDnn.Training.Metrics;

/// <summary>
/// Classification metrics with scikit-learn's definitions (zero_division = 0): accuracy, balanced accuracy,
/// precision/recall/F1 (macro, micro, weighted), one-vs-rest ROC-AUC and log loss.
/// </summary>
public static class ClassificationMetrics
{
    public static double Accuracy(ConfusionMatrix m) =>
        m.Total == 0 ? 0 : Enumerable.Range(0, m.Classes).Sum(c => (double)m[c, c]) / m.Total;

    /// <summary>Mean recall over the classes that occur in the true labels.</summary>
    public static double BalancedAccuracy(ConfusionMatrix m)
    {
        var present = Enumerable.Range(0, m.Classes).Where(c => m.Support(c) > 0).ToArray();
        return present.Length == 0 ? 0 : present.Average(c => (double)m[c, c] / m.Support(c));
    }

    public static double Precision(ConfusionMatrix m, Average average) =>
        Combine(m, average, c => Ratio(m[c, c], m.PredictedCount(c)), micro: () => Accuracy(m));

    public static double Recall(ConfusionMatrix m, Average average) =>
        Combine(m, average, c => Ratio(m[c, c], m.Support(c)), micro: () => Accuracy(m));

    public static double F1(ConfusionMatrix m, Average average) =>
        Combine(m, average, c => Ratio(2 * m[c, c], m.Support(c) + m.PredictedCount(c)), micro: () => Accuracy(m));

    /// <summary>
    /// ROC-AUC from class probabilities (n × classes). Two classes: the binary AUC of class 1's score.
    /// More: one-vs-rest AUC per class, averaged macro or weighted (micro is not defined here, as in scikit-learn).
    /// </summary>
    public static double RocAuc(IReadOnlyList<int> actual, double[,] probabilities, Average average = Average.Macro)
    {
        int n = probabilities.GetLength(0), classes = probabilities.GetLength(1);
        if (n != actual.Count) throw new ArgumentException($"{actual.Count} labels but {n} probability rows");
        if (average == Average.Micro) throw new ArgumentException("ROC-AUC supports macro or weighted averaging (one-vs-rest)", nameof(average));
        double[] Column(int c) => Enumerable.Range(0, n).Select(i => probabilities[i, c]).ToArray();
        if (classes == 2) return BinaryAuc(actual.Select(y => y == 1).ToArray(), Column(1));
        double sum = 0, weights = 0;
        for (int c = 0; c < classes; c++)
        {
            bool[] positive = actual.Select(y => y == c).ToArray();
            int support = positive.Count(p => p);
            if (support == 0 || support == n)
                throw new ArgumentException($"ROC-AUC is undefined: class {c} is {(support == 0 ? "absent from" : "the only class in")} the true labels");
            double w = average == Average.Weighted ? support : 1;
            sum += w * BinaryAuc(positive, Column(c));
            weights += w;
        }
        return sum / weights;
    }

    /// <summary>Mean negative log-likelihood of the true class; rows are renormalized and clipped at 1e-15.</summary>
    public static double LogLoss(IReadOnlyList<int> actual, double[,] probabilities)
    {
        int n = probabilities.GetLength(0), classes = probabilities.GetLength(1);
        if (n != actual.Count) throw new ArgumentException($"{actual.Count} labels but {n} probability rows");
        const double eps = 1e-15;
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double rowSum = 0;
            for (int c = 0; c < classes; c++) rowSum += Math.Clamp(probabilities[i, c], eps, 1 - eps);
            total -= Math.Log(Math.Clamp(probabilities[i, actual[i]], eps, 1 - eps) / rowSum);
        }
        return total / n;
    }

    // Mann–Whitney form of the AUC: the chance a random positive outscores a random negative, ties counting half.
    private static double BinaryAuc(bool[] positive, double[] score)
    {
        int n = score.Length, pos = positive.Count(p => p), neg = n - pos;
        if (pos == 0 || neg == 0) throw new ArgumentException("ROC-AUC is undefined when only one class is present in the true labels");
        int[] order = Enumerable.Range(0, n).OrderBy(i => score[i]).ToArray();
        double rankSumPositive = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && score[order[end + 1]] == score[order[start]]) end++;
            double midRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++)
                if (positive[order[k]]) rankSumPositive += midRank;
            start = end + 1;
        }
        return (rankSumPositive - pos * (pos + 1) / 2.0) / ((double)pos * neg);
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static double Combine(ConfusionMatrix m, Average average, Func<int, double> perClass, Func<double> micro)
    {
        switch (average)
        {
            case Average.Micro:
                return micro();
            case Average.Weighted:
                long total = m.Total;
                return total == 0 ? 0 : Enumerable.Range(0, m.Classes).Sum(c => perClass(c) * m.Support(c)) / total;
            default:
                // scikit-learn averages over the labels present in either the truth or the predictions.
                var labels = Enumerable.Range(0, m.Classes).Where(c => m.Support(c) > 0 || m.PredictedCount(c) > 0).ToArray();
                return labels.Length == 0 ? 0 : labels.Average(perClass);
        }
    }
}
