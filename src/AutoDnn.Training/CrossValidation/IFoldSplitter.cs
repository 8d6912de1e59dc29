namespace AutoDnn.Training.CrossValidation;

/// <summary>Splits example indices 0..n-1 into folds; the same seed always gives the same folds.</summary>
public interface IFoldSplitter
{
    /// <summary>Number of folds produced.</summary>
    int Count { get; }

    /// <summary>The folds for <paramref name="exampleCount"/> examples; <paramref name="classLabels"/> is needed by stratified splitters.</summary>
    IReadOnlyList<Fold> Split(int exampleCount, IReadOnlyList<int>? classLabels = null);
}
