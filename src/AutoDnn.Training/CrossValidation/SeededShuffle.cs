namespace AutoDnn.Training.CrossValidation;

/// <summary>Fisher–Yates shuffle driven by a seeded <see cref="Random"/>, so folds depend only on the seed.</summary>
internal static class SeededShuffle
{
    public static int[] Permutation(int count, Random random)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Shuffle(order, random);
        return order;
    }

    public static void Shuffle(int[] items, Random random)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Builds folds from per-fold validation lists; each fold trains on everything else, indices sorted.</summary>
    public static IReadOnlyList<Fold> FoldsFrom(List<int>[] validation, int exampleCount)
    {
        var folds = new Fold[validation.Length];
        for (int f = 0; f < validation.Length; f++)
        {
            var inFold = new bool[exampleCount];
            foreach (int i in validation[f]) inFold[i] = true;
            var train = new List<int>(exampleCount - validation[f].Count);
            for (int i = 0; i < exampleCount; i++)
                if (!inFold[i]) train.Add(i);
            validation[f].Sort();
            folds[f] = new Fold(f, train, validation[f]);
        }
        return folds;
    }
}
