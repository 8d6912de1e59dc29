using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Training.Tests.Supervised;

/// <summary>A two-layer perceptron whose hidden width is searched ("tiny.hidden").</summary>
internal sealed class TinyMlp : IArchitecture
{
    public string Name => "tiny";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.TabularClassification;

    public string Description => "Linear → ReLU → Linear, for tests.";

    public Module<Tensor, Tensor> Build(ITrial trial, TaskSpec task)
    {
        int hidden = trial.SuggestInt("tiny.hidden", 4, 16);
        return new Sequential(new Linear(task.InputShape[0], hidden), new Relu(), new Linear(hidden, task.OutputCount));
    }
}
