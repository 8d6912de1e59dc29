using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Training.Supervised;

/// <summary>A trained model with its manifest (parameters, task, classes, metrics) and, once saved, its folder. Owns the module.</summary>
public sealed class FinalModel(Module<Tensor, Tensor> module, ModelManifest manifest, string? folder) : IDisposable
{
    /// <summary>The trained module (in eval mode after loading).</summary>
    public Module<Tensor, Tensor> Module { get; } = module ?? throw new ArgumentNullException(nameof(module));

    /// <summary>What rebuilds and describes the model (also written as model.json).</summary>
    public ModelManifest Manifest { get; } = manifest ?? throw new ArgumentNullException(nameof(manifest));

    /// <summary>The model folder (weights + model.json), or null when the model was not saved.</summary>
    public string? Folder { get; } = folder;

    /// <summary>Metrics on the test split, or null when the data has none.</summary>
    public IReadOnlyDictionary<string, double>? TestMetrics => Manifest.TestMetrics;

    /// <summary>Confusion matrix on the test split, or null.</summary>
    public long[][]? TestConfusion => Manifest.TestConfusion;

    /// <summary>Class and probabilities for each input (each of the task's input shape).</summary>
    public IReadOnlyList<Prediction> Predict(IReadOnlyList<Tensor> inputs) => SupervisedTrialRunner.Predict(Module, inputs);

    /// <summary>Frees the module's parameters.</summary>
    public void Dispose() => Module.Dispose();
}
