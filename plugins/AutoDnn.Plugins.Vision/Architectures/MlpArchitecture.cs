using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Plugins.Vision.Architectures;

/// <summary>The <c>mlp</c> baseline: flatten the image, then 1–3 hidden fully connected layers of searched width.</summary>
public sealed class MlpArchitecture : IArchitecture
{
    private static readonly string[] Activations = ["relu", "gelu", "tanh"];

    public string Name => "mlp";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "Baseline: flatten, then 1-3 hidden Linear layers of searched width, activation and dropout.";

    public Module<Tensor, Tensor> Build(ITrial trial, TaskSpec task)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ImageShape shape = ImageShape.Of(task, Name);
        int layers = trial.SuggestInt("mlp.layers", 1, 3);
        int width = trial.SuggestInt("mlp.width", 32, 1024, log: true);
        string activation = trial.SuggestCategorical("mlp.activation", Activations);
        double dropout = trial.SuggestFloat("mlp.dropout", 0.0, 0.5);

        var model = new Sequential(new Flatten());
        long features = shape.Features;
        for (int i = 0; i < layers; i++)
        {
            model.Append(new Linear(features, width)).Append(Activation(activation));
            if (dropout > 0) model.Append(new Dropout(dropout));
            features = width;
        }
        return model.Append(new Linear(features, task.OutputCount));
    }

    private static Module<Tensor, Tensor> Activation(string name) => name switch
    {
        "relu" => new Relu(),
        "gelu" => new Gelu(),
        "tanh" => new Tanh(),
        _ => throw new ArgumentException($"mlp.activation: unknown activation '{name}' (relu, gelu, tanh)", nameof(name)),
    };
}
