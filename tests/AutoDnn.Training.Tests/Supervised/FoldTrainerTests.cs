using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;
using AutoDnn.Training.Data;
using AutoDnn.Training.Supervised;

namespace AutoDnn.Training.Tests.Supervised;

public sealed class FoldTrainerTests
{
    [Fact]
    public void Early_stopping_restores_the_weights_of_the_best_epoch()
    {
        using var source = new SyntheticBlobs(trainCount: 120, spread: 2.5);
        using ExampleTensors data = ExampleTensors.Load(source.Train, source.InputShape, 3, "train");
        var options = new SupervisedRunOptions { TaskKind = TaskKind.TabularClassification, Epochs = 30, Metric = "log_loss", EarlyStoppingPatience = 3 };
        var trainer = new FoldTrainer(data, 3, options, Device.Cpu, CancellationToken.None);
        int[] train = Enumerable.Range(0, 80).ToArray(), validation = Enumerable.Range(80, 40).ToArray();
        var hyperparameters = new TrainingHyperparameters("adam", 0.05, 32, 1e-6, null, "constant", null);
        var curve = new List<double>();
        LibTorch.ManualSeed(1);
        using var model = new Sequential(new Linear(8, 32), new Relu(), new Linear(32, 3));

        FoldResult result = trainer.Train(model, hyperparameters, [], train, validation, 30, seed: 1, fold: 0, "fold 1 of 1", (_, v) => curve.Add(v!.Value));
        var (outcome, loss) = Evaluation.Evaluate(model, data, validation, 3, 512, Device.Cpu, CancellationToken.None);

        Assert.True(result.Epochs < 30, $"ran {result.Epochs} epochs");
        Assert.Equal(result.Epochs - 4, result.BestEpoch);
        Assert.Equal(curve.Min(), curve[result.BestEpoch]);
        Assert.Equal(curve[result.BestEpoch], result.Metrics!["log_loss"]);
        Assert.Equal(result.Metrics["log_loss"], Evaluation.Metrics(outcome, loss)["log_loss"], 6);
        Assert.NotEqual(curve[^1], result.Metrics["log_loss"]);
    }
}
