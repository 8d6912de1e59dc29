using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Rl.Architectures;
using AutoDnn.Search.Studies;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Plugins.Rl.Tests.Architectures;

public sealed class QMlpArchitectureTests
{
    private static readonly TaskSpec CartPole = new(TaskKind.ReinforcementLearning, [4], 2);

    [Theory]
    [InlineData(1, 32, "relu")]
    [InlineData(3, 256, "tanh")]
    public void Builds_the_suggested_depth_width_and_activation(int layers, int width, string activation)
    {
        var study = Study.Create(new StudyOptions { Directions = [StudyDirection.Maximize] });
        study.Enqueue(new Dictionary<string, object?> { ["q-mlp.layers"] = layers, ["q-mlp.width"] = width, ["q-mlp.activation"] = activation });
        var trial = study.Ask();

        using var model = (Sequential)new QMlpArchitecture().Build(trial, CartPole);

        Assert.Equal(2 * layers + 1, model.Count);
        var linears = model.NamedModules().Select(m => m.Module).OfType<Linear>().ToList();
        Assert.Equal(layers + 1, linears.Count);
        Assert.All(linears.SkipLast(1), l => Assert.Equal(width, l.OutFeatures));
        Assert.Equal(4, linears[0].InFeatures);
        Assert.Equal(2, linears[^1].OutFeatures);
        Assert.IsType(activation == "relu" ? typeof(Relu) : typeof(Tanh), model[1]);
        using var scope = LibTorch.NewScope();
        Assert.Equal([5L, 2L], model.Forward(Tensor.Zeros(5, 4)).Shape);
    }

    [Fact]
    public void Flattens_observations_of_several_dimensions()
    {
        var trial = Study.Create().Ask();
        using var model = new QMlpArchitecture().Build(trial, new TaskSpec(TaskKind.ReinforcementLearning, [2, 3], 4));

        using var scope = LibTorch.NewScope();
        Assert.Equal([7L, 4L], model.Forward(Tensor.Zeros(7, 2, 3)).Shape);
    }

    [Fact]
    public void Suggests_its_prefixed_parameters_in_their_ranges()
    {
        var study = Study.Create();
        for (int i = 0; i < 10; i++)
        {
            var trial = study.Ask();
            using var model = new QMlpArchitecture().Build(trial, CartPole);
            Assert.InRange((int)trial.Params["q-mlp.layers"]!, 1, 3);
            Assert.Contains((int)trial.Params["q-mlp.width"]!, QMlpArchitecture.Widths);
            Assert.Contains((string)trial.Params["q-mlp.activation"]!, QMlpArchitecture.Activations);
            study.Tell(trial, 0);
        }
    }

    [Fact]
    public void Refuses_a_task_that_is_not_reinforcement_learning()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new QMlpArchitecture().Build(Study.Create().Ask(), new TaskSpec(TaskKind.TabularClassification, [4], 2)));
        Assert.Contains("TabularClassification", error.Message);
    }
}
