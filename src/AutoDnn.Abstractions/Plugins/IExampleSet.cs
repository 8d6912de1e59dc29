namespace AutoDnn.Abstractions.Plugins;

/// <summary>Examples addressed by index, so that splits and batches are lists of indices.</summary>
public interface IExampleSet
{
    int Count { get; }

    /// <summary>The example at index (0 … Count − 1); its tensor belongs to the caller's dispose scope.</summary>
    Example Get(int index);
}
