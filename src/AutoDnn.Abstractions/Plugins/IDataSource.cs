namespace AutoDnn.Abstractions.Plugins;

/// <summary>An opened dataset: its shape, its classes and its examples, with an optional predefined test split.</summary>
public interface IDataSource : IDisposable
{
    /// <summary>Shape of one input without the batch dimension, e.g. [1, 28, 28] or [sequence length].</summary>
    IReadOnlyList<long> InputShape { get; }

    /// <summary>The tokens for text data (token id = index), otherwise null.</summary>
    IReadOnlyList<string>? Vocabulary { get; }

    /// <summary>Class names; a label is an index into this list.</summary>
    IReadOnlyList<string> Classes { get; }

    /// <summary>The examples to search on (cross-validation splits these).</summary>
    IExampleSet Train { get; }

    /// <summary>A predefined held-out test split, or null when the data has none.</summary>
    IExampleSet? Test { get; }
}
