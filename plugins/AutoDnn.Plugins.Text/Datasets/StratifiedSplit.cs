namespace AutoDnn.Plugins.Text.Datasets;

/// <summary>A seeded, stratified train/test split: each class's examples are shuffled and the first
/// round(fraction · count) go to the test side, so both sides keep the class proportions.</summary>
internal static class StratifiedSplit
{
    /// <summary>Indices (ascending) of the train and test examples; every class keeps at least one training example.</summary>
    public static (int[] Train, int[] Test) Split(IReadOnlyList<int> labels, double testFraction, int seed, string where)
    {
        var random = new Random(seed);
        var test = new List<int>();
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            int[] members = group.ToArray();
            for (int i = members.Length - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (members[i], members[j]) = (members[j], members[i]);
            }
            int take = (int)Math.Round(members.Length * testFraction, MidpointRounding.AwayFromZero);
            if (take >= members.Length)
                throw new ArgumentException($"{where}: class {group.Key} has {members.Length} example(s); a test fraction of {testFraction} leaves none for training");
            test.AddRange(members.Take(take));
        }
        var isTest = new bool[labels.Count];
        foreach (int i in test) isTest[i] = true;
        int[] train = Enumerable.Range(0, labels.Count).Where(i => !isTest[i]).ToArray();
        test.Sort();
        return (train, test.ToArray());
    }
}
