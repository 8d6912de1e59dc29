using AutoDnn.Abstractions.Search;

namespace AutoDnn.Training.Rl;

/// <summary>REINFORCE's searched hyperparameters ("reinforce.*"), suggested on a trial; see docs/RL.md for the ranges.</summary>
internal sealed record ReinforceHyperparameters
{
    public static readonly IReadOnlyList<string> Baselines = ["running_mean", "learned"];
    public static readonly IReadOnlyList<int> EpisodesPerUpdateChoices = [1, 2, 4, 8];

    /// <summary>Weight of the newest batch in the running-mean baseline (an exponential moving average).</summary>
    public const double RunningMeanRate = 0.1;

    public required double LearningRate { get; init; }
    public required double Gamma { get; init; }

    /// <summary>"running_mean": an exponential moving average of the returns; "learned": a value network trained on them.</summary>
    public required string Baseline { get; init; }
    public required double ValueLearningRate { get; init; }
    public required int EpisodesPerUpdate { get; init; }
    public required double EntropyCoefficient { get; init; }
    public required bool Normalize { get; init; }

    public bool LearnedBaseline => Baseline == "learned";

    /// <summary>Suggests every REINFORCE hyperparameter on <paramref name="trial"/>.</summary>
    public static ReinforceHyperparameters Suggest(ITrial trial)
    {
        string baseline = trial.SuggestCategorical("reinforce.baseline", Baselines);
        if (!Baselines.Contains(baseline))
        {
            throw new ArgumentException($"reinforce.baseline must be running_mean or learned, got '{baseline}'.", nameof(trial));
        }

        bool learned = baseline == "learned";
        return new ReinforceHyperparameters
        {
            LearningRate = trial.SuggestFloat("reinforce.lr", 1e-4, 1e-2, log: true),
            Gamma = trial.SuggestFloat("reinforce.gamma", 0.9, 0.999),
            Baseline = baseline,
            ValueLearningRate = learned ? trial.SuggestFloat("reinforce.value_lr", 1e-4, 1e-2, log: true) : 0,
            EpisodesPerUpdate = trial.SuggestCategorical("reinforce.episodes_per_update", EpisodesPerUpdateChoices),
            EntropyCoefficient = trial.SuggestFloat("reinforce.entropy_coef", 0.0, 0.02),
            Normalize = trial.SuggestCategorical("reinforce.normalize", new[] { true, false }),
        };
    }
}
