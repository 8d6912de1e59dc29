using AutoDnn.Abstractions.Search;

namespace AutoDnn.Training.Rl;

/// <summary>DQN's searched hyperparameters ("dqn.*"), suggested on a trial; see docs/RL.md for the ranges.</summary>
internal sealed record DqnHyperparameters
{
    public static readonly IReadOnlyList<int> BatchSizes = [32, 64, 128, 256];
    public static readonly IReadOnlyList<int> BufferSizes = [10_000, 50_000, 100_000];
    public static readonly IReadOnlyList<string> TargetModes = ["hard", "polyak"];
    public static readonly IReadOnlyList<int> TrainFrequencies = [1, 2, 4, 8, 16, 64, 256];
    public static readonly IReadOnlyList<int> GradientStepChoices = [1, 2, 4, 8, 16, 64, 128];

    public required double LearningRate { get; init; }
    public required double Gamma { get; init; }
    public required int BatchSize { get; init; }
    public required int BufferSize { get; init; }

    /// <summary>"hard": copy the online network every <see cref="TargetUpdate"/> steps; "polyak": blend with <see cref="Tau"/> every step.</summary>
    public required string TargetMode { get; init; }
    public required int TargetUpdate { get; init; }
    public required double Tau { get; init; }
    public required double EpsilonDecayFraction { get; init; }
    public required double EpsilonEnd { get; init; }
    public required bool Double { get; init; }
    public required int LearningStarts { get; init; }
    public required int TrainFrequency { get; init; }
    public required int GradientSteps { get; init; }
    public required double MaxGradNorm { get; init; }

    /// <summary>Suggests every DQN hyperparameter on <paramref name="trial"/>; the ranges do not depend on the budget.</summary>
    public static DqnHyperparameters Suggest(ITrial trial)
    {
        string mode = trial.SuggestCategorical("dqn.target", TargetModes);
        bool hard = mode == "hard";
        if (!hard && mode != "polyak")
        {
            throw new ArgumentException($"dqn.target must be hard or polyak, got '{mode}'.", nameof(trial));
        }

        return new DqnHyperparameters
        {
            LearningRate = trial.SuggestFloat("dqn.lr", 1e-4, 1e-2, log: true),
            Gamma = trial.SuggestFloat("dqn.gamma", 0.9, 0.999),
            BatchSize = trial.SuggestCategorical("dqn.batch_size", BatchSizes),
            BufferSize = trial.SuggestCategorical("dqn.buffer_size", BufferSizes),
            TargetMode = mode,
            TargetUpdate = hard ? trial.SuggestInt("dqn.target_update", 10, 10_000, log: true) : 1,
            Tau = hard ? 1.0 : trial.SuggestFloat("dqn.tau", 1e-3, 0.1, log: true),
            EpsilonDecayFraction = trial.SuggestFloat("dqn.epsilon_decay_fraction", 0.05, 0.5),
            EpsilonEnd = trial.SuggestFloat("dqn.epsilon_end", 0.01, 0.1),
            Double = trial.SuggestCategorical("dqn.double", new[] { false, true }),
            LearningStarts = trial.SuggestInt("dqn.learning_starts", 100, 10_000, log: true),
            TrainFrequency = trial.SuggestCategorical("dqn.train_frequency", TrainFrequencies),
            GradientSteps = trial.SuggestCategorical("dqn.gradient_steps", GradientStepChoices),
            MaxGradNorm = trial.SuggestFloat("dqn.max_grad_norm", 0.5, 20, log: true),
        };
    }

    /// <summary>ε at environment step <paramref name="step"/>: 1 falling linearly to <see cref="EpsilonEnd"/> over the decay fraction of the budget.</summary>
    public double Epsilon(long step, int totalSteps)
    {
        double decaySteps = Math.Max(1.0, EpsilonDecayFraction * totalSteps);
        double progress = Math.Min(1.0, step / decaySteps);
        return 1.0 + progress * (EpsilonEnd - 1.0);
    }
}
