namespace AutoDnn.Training.Data;

/// <summary>A seeded subsample of examples that keeps the class proportions (for a campaign's <c>max_examples</c>).</summary>
public static class StratifiedSubsample
{
    /// <summary>
    /// Picks <paramref name="size"/> of the examples whose labels are <paramref name="labels"/>: each class is shuffled
    /// with <paramref name="seed"/> and the examples are taken in order of their relative rank within their class, so
    /// every class gets its share (±1). Returns ascending indices; all of them when size ≥ the count.
    /// </summary>
    public static int[] Select(IReadOnlyList<int> labels, int size, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (size >= labels.Count) return Enumerable.Range(0, labels.Count).ToArray();
        var random = new Random(seed);
        var ranked = new List<(double Rank, int Class, int Index)>(labels.Count);
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            int[] members = group.ToArray();
            for (int i = members.Length - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (members[i], members[j]) = (members[j], members[i]);
            }
            for (int r = 0; r < members.Length; r++) ranked.Add(((r + 0.5) / members.Length, group.Key, members[r]));
        }
        return ranked.OrderBy(x => x.Rank).ThenBy(x => x.Class).Take(size).Select(x => x.Index).Order().ToArray();
    }
}
