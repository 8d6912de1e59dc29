using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;
using AutoDnn.Training.Runs;

namespace AutoDnn.Training.Rl;

/// <summary>Runs one reinforcement-learning trial: per seed, trains a fresh network with DQN or REINFORCE and scores the
/// greedy policy on held-out evaluation episodes; the objective is "mean_return" (maximize).</summary>
/// <remarks>
/// Intermediate values are reported as (mean evaluation return, step = evaluation index 0, 1, …, fold = seed index).
/// A fold's "mean_return" is its final evaluation (not its best); "std_return" is the standard deviation of the final
/// evaluation's episode returns, "best_return" the best evaluation mean and "episodes" the training episodes finished.
/// Same trial seed and parameters ⇒ identical results (weights are drawn from libtorch's global generator under a
/// lock, so other code drawing from it concurrently in the same process can break this).
/// </remarks>
public sealed class RlTrialRunner : ITrialRunner
{
    private readonly Func<IEnvironment> _environmentFactory;
    private readonly IArchitecture _architecture;
    private readonly RlRunOptions _options;

    public RlTrialRunner(Func<IEnvironment> environmentFactory, IArchitecture architecture, RlRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(environmentFactory);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (architecture.Task != TaskKind.ReinforcementLearning)
        {
            throw new ArgumentException(
                $"architecture '{architecture.Name}' serves {architecture.Task}, not ReinforcementLearning.", nameof(architecture));
        }

        _environmentFactory = environmentFactory;
        _architecture = architecture;
        _options = options;
    }

    /// <summary>The objective metric: mean undiscounted return of the greedy policy on the evaluation episodes.</summary>
    public string Metric => "mean_return";

    /// <summary>The options this runner was built with.</summary>
    public RlRunOptions Options => _options;

    public TrialOutcome Run(ITrial trial, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(context);
        var folds = new List<FoldOutcome>(_options.Seeds);
        for (int fold = 0; fold < _options.Seeds; fold++)
        {
            folds.Add(RunFold(trial, context, fold));
        }

        TrialOutcome outcome = TrialOutcome.FromFolds(folds);
        trial.SetUserAttribute(TrialAttributeKeys.Metrics, outcome.Metrics);
        trial.SetUserAttribute(TrialAttributeKeys.MetricsStd, outcome.StandardDeviations);
        trial.SetUserAttribute(
            TrialAttributeKeys.FoldMetrics,
            folds.Select(f => new Dictionary<string, object?> { ["fold"] = f.Fold, ["epochs"] = f.Epochs, ["metrics"] = f.Metrics, ["confusion"] = null }).ToList());
        return outcome;
    }

    private FoldOutcome RunFold(ITrial trial, TrialContext context, int fold)
    {
        IEnvironment environment = CreateEnvironment("training");
        IEnvironment evaluationEnvironment = CreateEnvironment("evaluation");
        var task = new TaskSpec(TaskKind.ReinforcementLearning, environment.ObservationShape.Select(d => (long)d).ToList(), environment.ActionCount);
        using RlAgent agent = CreateAgent(trial, context, task, environment, fold);

        CancellationToken cancel = context.Cancellation;
        int evaluations = _options.EvaluationCount;
        int evaluationIndex = 0;
        long episodes = 0;
        double best = double.NegativeInfinity;
        (double Mean, double Std) last = (double.NaN, double.NaN);
        float[] observation = environment.Reset(RlSeeds.TrainingEpisode(context.Seed, fold, episodes));
        for (long step = 0; step < _options.TotalSteps; step++)
        {
            cancel.ThrowIfCancellationRequested();
            int action = agent.Act(observation, step);
            StepResult result = environment.Step(action);
            agent.Observe(observation, action, result.Reward, result.Observation, result.Terminated, result.Truncated, step + 1);
            if (result.Terminated || result.Truncated)
            {
                episodes++;
                observation = environment.Reset(RlSeeds.TrainingEpisode(context.Seed, fold, episodes));
            }
            else
            {
                observation = result.Observation;
            }

            if ((step + 1) % _options.EvalEvery == 0 || step + 1 == _options.TotalSteps)
            {
                last = Evaluate(agent, evaluationEnvironment, cancel);
                best = Math.Max(best, last.Mean);
                trial.Report(last.Mean, evaluationIndex, fold);
                context.Progress?.Report(new TrainingProgress(fold, _options.Seeds, evaluationIndex + 1, evaluations, Metric, last.Mean));
                evaluationIndex++;
                if (trial.ShouldPrune())
                {
                    throw new TrialPrunedException(
                        $"pruned at seed {fold}, evaluation {evaluationIndex - 1} (step {step + 1}): mean_return {last.Mean}.");
                }
            }
        }

        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            [Metric] = last.Mean,
            ["std_return"] = last.Std,
            ["best_return"] = best,
            ["episodes"] = episodes,
        };
        return new FoldOutcome(fold, metrics, evaluationIndex);
    }

    private RlAgent CreateAgent(ITrial trial, TrialContext context, TaskSpec task, IEnvironment environment, int fold)
    {
        ulong weightsSeed = RlSeeds.Weights(context.Seed, fold);
        var random = new RlRandom(RlSeeds.Agent(context.Seed, fold));
        Module<Tensor, Tensor> online = RlAgent.BuildSeeded(() => _architecture.Build(trial, task), weightsSeed, context.Device);
        try
        {
            if (_options.Algorithm == RlAlgorithm.Dqn)
            {
                var dqn = DqnHyperparameters.Suggest(trial);
                Module<Tensor, Tensor> target = RlAgent.BuildSeeded(() => _architecture.Build(trial, task), weightsSeed + 1, context.Device);
                return new DqnAgent(online, target, dqn, _options.TotalSteps, environment.ObservationShape, environment.ActionCount, context.Device, fold, random);
            }

            var reinforce = ReinforceHyperparameters.Suggest(trial);
            Module<Tensor, Tensor>? value = null;
            if (reinforce.LearnedBaseline)
            {
                var valueTask = new TaskSpec(TaskKind.ReinforcementLearning, task.InputShape, 1);
                value = RlAgent.BuildSeeded(() => _architecture.Build(trial, valueTask), weightsSeed + 1, context.Device);
            }

            return new ReinforceAgent(online, value, reinforce, environment.ObservationShape, environment.ActionCount, context.Device, fold, random);
        }
        catch
        {
            online.Dispose();
            throw;
        }
    }

    private (double Mean, double Std) Evaluate(RlAgent agent, IEnvironment environment, CancellationToken cancel)
    {
        var returns = new double[_options.EvalEpisodes];
        for (int episode = 0; episode < returns.Length; episode++)
        {
            float[] observation = environment.Reset(RlSeeds.EvaluationEpisode(_options.SplitSeed, episode));
            double total = 0;
            while (true)
            {
                cancel.ThrowIfCancellationRequested();
                StepResult result = environment.Step(agent.ActGreedy(observation));
                total += result.Reward;
                if (result.Terminated || result.Truncated)
                {
                    break;
                }

                observation = result.Observation;
            }

            returns[episode] = total;
        }

        double mean = returns.Average();
        return (mean, Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / returns.Length));
    }

    private IEnvironment CreateEnvironment(string role)
    {
        IEnvironment environment = _environmentFactory()
            ?? throw new InvalidOperationException($"the environment factory returned null for the {role} environment.");
        if (environment.ObservationShape.Count == 0 || environment.ObservationShape.Any(d => d < 1) || environment.ActionCount < 1)
        {
            throw new InvalidOperationException(
                $"environment '{environment.Name}' declares observation shape [{string.Join(", ", environment.ObservationShape)}] "
                + $"and {environment.ActionCount} actions; it needs a non-empty shape of positive sizes and at least one action.");
        }

        return environment;
    }
}
