using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Training.Tests.Rl;

/// <summary>A test architecture: Linear(inputs, width), ReLU, Linear(width, outputs) with a searched width.</summary>
internal sealed class SmallMlpArchitecture(TaskKind task = TaskKind.ReinforcementLearning) : IArchitecture
{
    public string Name => "test-small-mlp";

    public string Version => "1.0.0";

    public TaskKind Task => task;

    public string Description => "One hidden layer.";

    public Module<Tensor, Tensor> Build(ITrial trial, TaskSpec spec)
    {
        int width = trial.SuggestCategorical("small-mlp.width", new[] { 16, 32 });
        long inputs = spec.InputShape.Aggregate(1L, (a, b) => a * b);
        return new Sequential(new Linear(inputs, width), new Relu(), new Linear(width, spec.OutputCount));
    }
}
