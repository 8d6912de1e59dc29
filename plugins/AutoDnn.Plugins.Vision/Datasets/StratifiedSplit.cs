namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>A seeded stratified train/test split: each class gives round(count × fraction) of its examples to the test set.</summary>
internal static class StratifiedSplit
{
    /// <summary>Row indices of the train and test sets, each in ascending order; the same seed gives the same split.</summary>
    public static (int[] Train, int[] Test) Split(IReadOnlyList<int> labels, double testFraction, int seed)
    {
        var random = new Random(seed);
        var train = new List<int>();
        var test = new List<int>();
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            int[] rows = group.ToArray();
            random.Shuffle(rows);
            int take = (int)Math.Round(rows.Length * testFraction, MidpointRounding.AwayFromZero);
            test.AddRange(rows[..take]);
            train.AddRange(rows[take..]);
        }
        train.Sort();
        test.Sort();
        return ([.. train], [.. test]);
    }
}
