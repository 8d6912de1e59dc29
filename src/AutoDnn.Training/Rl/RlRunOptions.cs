namespace AutoDnn.Training.Rl;

/// <summary>The fixed (not searched) settings of a reinforcement-learning trial: algorithm, budget, evaluation and seeds.</summary>
/// <remarks>
/// Each of <see cref="Seeds"/> independent seeds (the RL "folds") trains a fresh network for <see cref="TotalSteps"/>
/// environment steps. Every <see cref="EvalEvery"/> steps (and after the last step) the greedy policy plays
/// <see cref="EvalEpisodes"/> episodes on held-out evaluation seeds derived from <see cref="SplitSeed"/> alone, so
/// every trial and every fold is scored on the same starting states.
/// </remarks>
public sealed record RlRunOptions
{
    /// <summary>DQN or REINFORCE.</summary>
    public RlAlgorithm Algorithm { get; init; } = RlAlgorithm.Dqn;

    /// <summary>Environment steps of training per seed.</summary>
    public int TotalSteps { get; init; } = 50_000;

    /// <summary>Environment steps between two evaluations of the greedy policy.</summary>
    public int EvalEvery { get; init; } = 5_000;

    /// <summary>Episodes per evaluation, each started from its own held-out seed.</summary>
    public int EvalEpisodes { get; init; } = 10;

    /// <summary>Independent training seeds per trial (the "folds" pruners and reports see).</summary>
    public int Seeds { get; init; } = 1;

    /// <summary>The campaign's split seed: the held-out evaluation seeds derive from it (and from nothing else).</summary>
    public int SplitSeed { get; init; }

    /// <summary>Number of evaluations per seed: one every <see cref="EvalEvery"/> steps, plus one at the end if needed.</summary>
    public int EvaluationCount => (TotalSteps + EvalEvery - 1) / EvalEvery;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Algorithm))
        {
            throw new ArgumentException($"RlRunOptions.Algorithm must be Dqn or Reinforce, got {(int)Algorithm}.", nameof(Algorithm));
        }

        Require(TotalSteps >= 1, nameof(TotalSteps), TotalSteps, "at least 1");
        Require(EvalEvery >= 1 && EvalEvery <= TotalSteps, nameof(EvalEvery), EvalEvery, $"between 1 and TotalSteps ({TotalSteps})");
        Require(EvalEpisodes >= 1, nameof(EvalEpisodes), EvalEpisodes, "at least 1");
        Require(Seeds >= 1, nameof(Seeds), Seeds, "at least 1");
    }

    private static void Require(bool ok, string name, int value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"RlRunOptions.{name} must be {rule}, got {value}.", name);
        }
    }
}
