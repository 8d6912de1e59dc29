namespace AutoDnn.Search.Trials;

/// <summary>Where an intermediate value was reported: a cross-validation fold and a step (epoch) in it; ordered by fold, then step.</summary>
public readonly record struct IntermediateKey(int Fold, int Step) : IComparable<IntermediateKey>
{
    /// <inheritdoc />
    public int CompareTo(IntermediateKey other)
    {
        int byFold = Fold.CompareTo(other.Fold);
        return byFold != 0 ? byFold : Step.CompareTo(other.Step);
    }
}
