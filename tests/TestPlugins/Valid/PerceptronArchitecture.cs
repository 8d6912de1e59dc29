using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.TestPlugins.Valid;

/// <summary>A one-hidden-layer perceptron with a searched width, activation and initial scale.</summary>
public sealed class PerceptronArchitecture : IArchitecture
{
    public string Name => "test-perceptron";

    public string Version => "2.1.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "Flatten, Linear, activation, Linear.";

    public Module<Tensor, Tensor> Build(ITrial trial, TaskSpec task)
    {
        int hidden = trial.SuggestInt("perceptron.hidden", 8, 128, log: true);
        string activation = trial.SuggestCategorical("perceptron.activation", new[] { "relu", "tanh" });
        double scale = trial.SuggestFloat("perceptron.init_scale", 1e-3, 1e-1, log: true);
        long inputs = task.InputShape.Aggregate(1L, (a, b) => a * b);
        return new Perceptron(inputs, hidden, task.OutputCount, activation == "relu", scale);
    }
}
