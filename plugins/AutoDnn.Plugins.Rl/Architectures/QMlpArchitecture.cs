using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Plugins.Rl.Architectures;

/// <summary>A multilayer perceptron from observations to one value per action (Q-values for DQN, logits for REINFORCE).</summary>
/// <remarks>
/// Searched: "q-mlp.layers" (hidden layers, 1…3), "q-mlp.width" (units per hidden layer: 32, 64, 128 or 256) and
/// "q-mlp.activation" (relu or tanh). Observations of more than one dimension are flattened first. Layers use
/// PyTorch's default initialisation, drawn from libtorch's global generator.
/// </remarks>
public sealed class QMlpArchitecture : IArchitecture
{
    /// <summary>The widths the search chooses from.</summary>
    public static readonly IReadOnlyList<int> Widths = [32, 64, 128, 256];

    /// <summary>The activations the search chooses from.</summary>
    public static readonly IReadOnlyList<string> Activations = ["relu", "tanh"];

    public string Name => "q-mlp";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ReinforcementLearning;

    public string Description => "MLP from observation to per-action values: 1-3 hidden layers of 32-256 units, relu or tanh.";

    public Module<Tensor, Tensor> Build(ITrial trial, TaskSpec task)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(task);
        if (task.Kind != TaskKind.ReinforcementLearning)
        {
            throw new ArgumentException($"q-mlp serves reinforcement learning, but the task is {task.Kind}.", nameof(task));
        }

        int layers = trial.SuggestInt("q-mlp.layers", 1, 3);
        int width = trial.SuggestCategorical("q-mlp.width", Widths);
        string activation = trial.SuggestCategorical("q-mlp.activation", Activations);
        if (!Activations.Contains(activation))
        {
            throw new ArgumentException(
                $"q-mlp.activation must be one of {string.Join(", ", Activations)}, got '{activation}'.", nameof(trial));
        }

        long inputs = task.InputShape.Aggregate(1L, (a, b) => a * b);
        var model = new Sequential();
        if (task.InputShape.Count > 1)
        {
            model.Append(new Flatten());
        }

        long previous = inputs;
        for (int i = 0; i < layers; i++)
        {
            model.Append(new Linear(previous, width));
            model.Append(activation == "relu" ? new Relu() : new Tanh());
            previous = width;
        }

        model.Append(new Linear(previous, task.OutputCount));
        return model;
    }
}
