using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Plugin.Sample;

/// <summary>A searchable multilayer perceptron: depth, width, activation and dropout come from the trial.</summary>
public sealed class SampleArchitecture : IArchitecture
{
    public string Name => "sample-mlp";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "Flatten, then 1-3 hidden Linear layers of searched width, activation and dropout.";

    public Module<Tensor, Tensor> Build(ITrial trial, TaskSpec task)
    {
        // Define-by-run: ask the trial for every value the search may vary; prefix names with the plugin's name.
        int layers = trial.SuggestInt("sample-mlp.layers", 1, 3);
        int width = trial.SuggestInt("sample-mlp.width", 16, 256, log: true);
        string activation = trial.SuggestCategorical("sample-mlp.activation", new[] { "relu", "tanh" });
        double dropout = trial.SuggestFloat("sample-mlp.dropout", 0.0, 0.5, step: 0.1);

        long features = task.InputShape.Aggregate(1L, (a, b) => a * b);
        var model = new Sequential(new Flatten());
        for (int i = 0; i < layers; i++)
        {
            model.Append(new Linear(features, width))
                .Append(activation == "relu" ? new Relu() : new Tanh())
                .Append(new Dropout(dropout));
            features = width;
        }

        return model.Append(new Linear(features, task.OutputCount));
    }
}
