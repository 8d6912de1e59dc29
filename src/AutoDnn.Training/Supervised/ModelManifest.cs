using System.Text.Json;
using System.Text.Json.Serialization;
using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.Training.Supervised;

/// <summary>
/// The <c>model.json</c> saved next to a final model's weights: which architecture (name, version) with which parameters
/// rebuilds it, the task it fits, class names, vocabulary, and its metrics.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The manifest format this version writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The manifest's file name in a model folder.</summary>
    public const string FileName = "model.json";

    /// <summary>The weights' file name in a model folder (PyTorch's format: <c>torch.load</c> reads it).</summary>
    public const string WeightsFileName = "model.pt";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public int Format { get; init; } = CurrentFormat;

    /// <summary>Name of the architecture plugin that builds the model.</summary>
    public required string Architecture { get; init; }

    /// <summary>Version of the architecture plugin the model was trained with.</summary>
    public required string ArchitectureVersion { get; init; }

    /// <summary>The trial parameters the model was built and trained with (name → value).</summary>
    public required IReadOnlyDictionary<string, JsonElement> Params { get; init; }

    public required TaskKind TaskKind { get; init; }

    public required IReadOnlyList<long> InputShape { get; init; }

    public required int OutputCount { get; init; }

    public int VocabularySize { get; init; }

    /// <summary>Class names; a predicted class index is an index into this list.</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>The tokens of a text model (token id = index), otherwise null.</summary>
    public IReadOnlyList<string>? Vocabulary { get; init; }

    /// <summary>The seed the final training ran with.</summary>
    public int Seed { get; init; }

    /// <summary>Epochs of the final training.</summary>
    public int Epochs { get; init; }

    /// <summary>Number of examples the final model was trained on.</summary>
    public int TrainingExamples { get; init; }

    /// <summary>Metrics on the training examples after the final training.</summary>
    public IReadOnlyDictionary<string, double>? TrainMetrics { get; init; }

    /// <summary>Metrics on the data source's test split (never used for selection), or null when it has none.</summary>
    public IReadOnlyDictionary<string, double>? TestMetrics { get; init; }

    /// <summary>The test split's confusion matrix (rows = actual class), or null.</summary>
    public long[][]? TestConfusion { get; init; }

    /// <summary>The libtorch version the model was trained with.</summary>
    public string? LibTorchVersion { get; init; }

    /// <summary>The task these fields describe.</summary>
    public TaskSpec ToTaskSpec() => new(TaskKind, InputShape, OutputCount, VocabularySize);
}
