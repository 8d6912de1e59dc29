using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Torch;
using AutoDnn.Torch.Optim;
using AutoDnn.Training.Supervised;

namespace AutoDnn.Training.Tests.Supervised;

public sealed class TrainingHyperparametersTests
{
    [Fact]
    public void Momentum_is_suggested_only_for_sgd_and_every_name_keeps_one_distribution()
    {
        Study study = Study.Create(new StudyOptions { Sampler = new RandomSampler(seed: 2) });
        var seen = new List<TrainingHyperparameters>();
        for (int i = 0; i < 40; i++)
        {
            Trial trial = study.Ask();
            TrainingHyperparameters h = TrainingHyperparameters.Suggest(trial);
            seen.Add(h);
            Assert.Equal(h.Optimizer == "sgd", trial.Params.ContainsKey(TrainingHyperparameters.MomentumName));
            Assert.All(trial.Params.Keys, k => Assert.StartsWith("train.", k));
            Assert.InRange(h.LearningRate, 1e-4, 0.3);
            study.Tell(trial, 0);
        }

        Assert.Equal(TrainingHyperparameters.Optimizers.Order(), seen.Select(h => h.Optimizer).Distinct().Order());
        Assert.Equal(3, seen.Select(h => h.ClipNorm).Distinct().Count());
    }

    [Theory]
    [InlineData("adam", "onecycle", typeof(Adam), typeof(OneCycleLR))]
    [InlineData("adamw", "cosine", typeof(AdamW), typeof(CosineWarmupLR))]
    [InlineData("sgd", "onecycle", typeof(Sgd), typeof(OneCycleLR))]
    [InlineData("rmsprop", "constant", typeof(RmsProp), null)]
    public void The_optimizer_and_schedule_match_the_names(string optimizer, string schedule, Type optimizerType, Type? scheduleType)
    {
        var h = new TrainingHyperparameters(optimizer, 0.01, 32, 1e-4, optimizer == "sgd" ? 0.0 : null, schedule, 1.0);
        using Tensor w = Tensor.Zeros(3).DetachFromScope().WithRequiresGrad();

        using Optimizer created = h.CreateOptimizer([w]);
        LRScheduler? lr = h.CreateSchedule(created, totalSteps: 20);

        Assert.IsType(optimizerType, created);
        Assert.Equal(scheduleType, lr?.GetType());
    }

    [Fact]
    public void A_fixed_trial_replays_the_names()
    {
        var trial = new FixedTrial(new Dictionary<string, object?>
        {
            ["train.optimizer"] = "sgd", ["train.lr"] = 0.05, ["train.batch_size"] = 64L, ["train.weight_decay"] = 1e-4,
            ["train.momentum"] = 0.9, ["train.schedule"] = "cosine", ["train.clip_norm"] = 5.0,
        });

        Assert.Equal(new TrainingHyperparameters("sgd", 0.05, 64, 1e-4, 0.9, "cosine", 5.0), TrainingHyperparameters.Suggest(trial));
    }
}
