using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Architectures;
using AutoDnn.Plugins.Vision.Augmenters;
using AutoDnn.Plugins.Vision.Datasets;
using AutoDnn.Search.Trials;
using AutoDnn.Torch;
using AutoDnn.Training.Runs;
using AutoDnn.Training.Supervised;

namespace AutoDnn.Plugins.Vision.Tests.EndToEnd;

public class DigitsTrainingTests
{
    [Fact]
    public void TheHostsTrainerLearnsTheDigitsWithSimpleCnnAndTwoAugmenters()
    {
        // One intra-op thread: on a busy 2-core machine OpenMP threads spinning against each other cost more than they give.
        LibTorch.Threads = 1;
        using IDataSource data = new SklearnDigitsDataset().Open(new Dictionary<string, string>());
        var options = new SupervisedRunOptions
        {
            TaskKind = TaskKind.ImageClassification, Validation = ValidationKind.Holdout, Epochs = 3, PrefetchBatches = 0, MaxExamples = 600,
        };
        IAugmenter[] augmenters = [new RandomCropAugmenter(), new GaussianNoiseAugmenter()];
        using var runner = new SupervisedTrialRunner(data, new SimpleCnnArchitecture(), augmenters, options);
        var trial = new FixedTrial(new Dictionary<string, object?>
        {
            ["train.optimizer"] = "adam", ["train.lr"] = 3e-3, ["train.batch_size"] = 32, ["train.weight_decay"] = 1e-5,
            ["train.schedule"] = "constant", ["train.clip_norm"] = null,
            ["simple-cnn.blocks"] = 2, ["simple-cnn.width"] = 16, ["simple-cnn.growth"] = 2.0, ["simple-cnn.kernel"] = 3,
            ["simple-cnn.batch_norm"] = true, ["simple-cnn.dropout"] = 0.0, ["simple-cnn.pooling"] = "max", ["simple-cnn.hidden"] = 64,
            ["random-crop.padding"] = 1, ["gaussian-noise.std"] = 0.05,
        });
        TrialOutcome outcome = runner.Run(trial, new TrialContext { Seed = 0 });
        Assert.True(outcome.Get("accuracy") > 0.8, $"validation accuracy {outcome.Get("accuracy"):P1}");
        Assert.Contains("random-crop.padding", trial.Params.Keys);
        Assert.Contains("gaussian-noise.std", trial.Params.Keys);

        // Prediction input goes through the same encoding: an all-zero 8×8 PNG is one normalised [1, 8, 8] tensor.
        using var folder = new Support.TempFolder();
        string png = folder.Write("blank.png", Support.TestFiles.Png(8, 8, 0, new byte[64]));
        using var scope = LibTorch.NewScope();
        Tensor input = Assert.Single(((IInputReader)data).ReadInputs(png));
        Assert.Equal(new long[] { 1, 8, 8 }, input.Shape);
        Assert.Equal((float)(-SklearnDigitsDataset.Mean / SklearnDigitsDataset.Std), input.Max().ToSingle(), 1e-5f);
    }
}
