namespace AutoDnn.Training.CrossValidation;

/// <summary>A single seeded train/validation split, stratified by class when labels are given.</summary>
public sealed class Holdout : IFoldSplitter
{
    private readonly double validationFraction;
    private readonly int seed;

    public Holdout(double validationFraction, int seed)
    {
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "the validation fraction must lie strictly between 0 and 1");
        this.validationFraction = validationFraction;
        this.seed = seed;
    }

    public int Count => 1;

    public IReadOnlyList<Fold> Split(int exampleCount, IReadOnlyList<int>? classLabels = null)
    {
        if (exampleCount < 2) throw new ArgumentException($"a holdout split needs at least 2 examples, the dataset has {exampleCount}", nameof(exampleCount));
        if (classLabels is not null && classLabels.Count != exampleCount)
            throw new ArgumentException($"{classLabels.Count} labels were given for {exampleCount} examples", nameof(classLabels));
        var random = new Random(seed);
        var validation = new List<int>();
        IEnumerable<int[]> groups = classLabels is null
            ? [Enumerable.Range(0, exampleCount).ToArray()]
            : Enumerable.Range(0, exampleCount).GroupBy(i => classLabels[i]).OrderBy(g => g.Key).Select(g => g.ToArray());
        foreach (int[] members in groups)
        {
            SeededShuffle.Shuffle(members, random);
            int take = (int)Math.Round(members.Length * validationFraction, MidpointRounding.AwayFromZero);
            validation.AddRange(members.Take(Math.Clamp(take, 0, members.Length)));
        }
        if (validation.Count == 0 || validation.Count == exampleCount)
            throw new ArgumentException($"a validation fraction of {validationFraction} leaves no {(validation.Count == 0 ? "validation" : "training")} examples out of {exampleCount}");
        return SeededShuffle.FoldsFrom([validation], exampleCount);
    }
}
