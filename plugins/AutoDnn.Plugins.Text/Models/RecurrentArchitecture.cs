using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Plugins.Text.Models;

/// <summary>The search space shared by <c>text-lstm</c> and <c>text-gru</c>; subclasses pick the recurrent cell.</summary>
public abstract class RecurrentArchitecture : IArchitecture
{
    /// <summary>Embedding sizes the search chooses from.</summary>
    public static readonly IReadOnlyList<int> EmbeddingDims = [32, 64, 128];

    /// <summary>Pooling names the search chooses from (see <see cref="SequencePooling"/>).</summary>
    public static readonly IReadOnlyList<string> PoolingNames = ["last", "mean", "max"];

    public abstract string Name { get; }

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.TextClassification;

    public abstract string Description { get; }

    public Module<Tensor, Tensor> Build(ITrial trial, TaskSpec task)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(task);
        if (task.Kind != TaskKind.TextClassification)
            throw new ArgumentException($"{Name} serves text classification, not {task.Kind}", nameof(task));
        if (task.InputShape.Count != 1)
            throw new ArgumentException($"{Name} expects inputs of shape [sequence length], got [{string.Join(", ", task.InputShape)}]", nameof(task));

        int embeddingDim = trial.SuggestCategorical($"{Name}.embedding_dim", EmbeddingDims);
        int hidden = trial.SuggestInt($"{Name}.hidden_size", 32, 256, log: true);
        int layers = trial.SuggestInt($"{Name}.num_layers", 1, 2);
        bool bidirectional = trial.SuggestCategorical($"{Name}.bidirectional", new[] { false, true });
        // Dropout between stacked layers only exists with two layers, so it is only searched then.
        double between = layers > 1 ? trial.SuggestFloat($"{Name}.rnn_dropout", 0.0, 0.5) : 0.0;
        string pooling = trial.SuggestCategorical($"{Name}.pooling", PoolingNames);
        double dropout = trial.SuggestFloat($"{Name}.dropout", 0.0, 0.5);

        return Create(task.VocabularySize, embeddingDim, hidden, layers, bidirectional, between, ParsePooling(pooling), dropout, task.OutputCount);
    }

    /// <summary>The model for explicit hyperparameters (what <see cref="Build"/> makes from a trial's values).</summary>
    public RecurrentTextClassifier Create(int vocabularySize, int embeddingDim, int hiddenSize, int numLayers, bool bidirectional,
        double rnnDropout, SequencePooling pooling, double dropout, int classes)
    {
        RecurrentLayer rnn = CreateRecurrent(embeddingDim, hiddenSize, numLayers, rnnDropout, bidirectional);
        return new RecurrentTextClassifier(vocabularySize, embeddingDim, rnn, pooling, dropout, classes);
    }

    /// <summary>The batch-first recurrent layer of this family.</summary>
    protected abstract RecurrentLayer CreateRecurrent(int inputSize, int hiddenSize, int numLayers, double dropout, bool bidirectional);

    private SequencePooling ParsePooling(string name) => name switch
    {
        "last" => SequencePooling.Last,
        "mean" => SequencePooling.Mean,
        "max" => SequencePooling.Max,
        _ => throw new ArgumentException($"{Name}.pooling = '{name}' is not one of {string.Join(", ", PoolingNames)}"),
    };
}
