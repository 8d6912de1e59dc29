using AutoDnn.Torch;
using AutoDnn.Torch.Nn;
using AutoDnn.Torch.Optim;

namespace AutoDnn.Training.Rl;

/// <summary>REINFORCE for one seed: samples actions from the softmax of the policy's logits, and after every
/// batch of complete episodes ascends Σ log π(a|s)·(G − b) (+ an entropy bonus) with Adam.</summary>
/// <remarks>
/// Returns G are discounted returns-to-go within an episode; a truncated episode is treated as ended (no bootstrap).
/// The baseline b is a running mean of past returns, or a value network V(s) built by the same architecture with one
/// output and trained on G by MSE. With "normalize", advantages are divided by their batch standard deviation.
/// Steps of an episode still running when the budget ends are not learned from.
/// </remarks>
internal sealed class ReinforceAgent : RlAgent
{
    private readonly ReinforceHyperparameters _h;
    private readonly RlRandom _random;
    private readonly int _actionCount;
    private readonly Module<Tensor, Tensor>? _value;
    private readonly Adam _optimizer;
    private readonly Adam? _valueOptimizer;
    private readonly List<float> _observations = [];
    private readonly List<long> _actions = [];
    private readonly List<double> _returns = [];
    private readonly List<double> _episodeRewards = [];
    private int _episodesInBatch;
    private double? _runningMean;

    public ReinforceAgent(
        Module<Tensor, Tensor> policy, Module<Tensor, Tensor>? value, ReinforceHyperparameters hyperparameters,
        IReadOnlyList<int> observationShape, int actionCount, Device device, int fold, RlRandom random)
        : base(policy, observationShape, device, fold)
    {
        _h = hyperparameters;
        _random = random;
        _actionCount = actionCount;
        _value = value;
        _optimizer = new Adam(policy.Parameters(), lr: _h.LearningRate);
        _valueOptimizer = value is null ? null : new Adam(value.Parameters(), lr: _h.ValueLearningRate);
    }

    /// <summary>Policy updates made so far.</summary>
    public int Updates { get; private set; }

    public override int Act(float[] observation, long step)
    {
        double[] probabilities;
        using (var scope = LibTorch.NewScope())
        using (LibTorch.NoGrad())
        {
            probabilities = Policy.Forward(Single(observation)).To(DType.Float64).Softmax(1).ToArray<double>();
        }

        double u = _random.NextDouble(), cumulative = 0;
        for (int a = 0; a < _actionCount; a++)
        {
            cumulative += probabilities[a];
            if (u < cumulative)
            {
                return a;
            }
        }

        return _actionCount - 1;
    }

    public override void Observe(float[] observation, int action, double reward, float[] next, bool terminated, bool truncated, long step)
    {
        CheckObservation(next);
        _observations.AddRange(observation);
        _actions.Add(action);
        _episodeRewards.Add(reward);
        if (!terminated && !truncated)
        {
            return;
        }

        // Returns-to-go of the finished episode, appended in step order.
        var returns = new double[_episodeRewards.Count];
        double g = 0;
        for (int t = returns.Length - 1; t >= 0; t--)
        {
            g = _episodeRewards[t] + _h.Gamma * g;
            returns[t] = g;
        }

        _returns.AddRange(returns);
        _episodeRewards.Clear();
        if (++_episodesInBatch >= _h.EpisodesPerUpdate)
        {
            Update(step);
        }
    }

    public override void Dispose()
    {
        _optimizer.Dispose();
        _valueOptimizer?.Dispose();
        _value?.Dispose();
        base.Dispose();
    }

    private void Update(long step)
    {
        int n = _actions.Count;
        using (var scope = LibTorch.NewScope())
        {
            Tensor observations = Batch(_observations.ToArray(), n);
            Tensor actions = Tensor.From<long>(_actions.ToArray(), [n, 1], Device);
            Tensor returns = Tensor.From<float>(_returns.Select(r => (float)r).ToArray(), [n], Device);

            Tensor baseline;
            if (_value is not null)
            {
                Tensor values = _value.Forward(observations).Squeeze(1);
                Tensor valueLoss = Functional.MseLoss(values, returns);
                _valueOptimizer!.ZeroGrad();
                valueLoss.Backward();
                _valueOptimizer.Step();
                CheckLoss("the REINFORCE value loss", valueLoss.Item(), step);
                baseline = values.Detach();
            }
            else
            {
                double batchMean = _returns.Average();
                double mean = _runningMean ?? batchMean;
                baseline = Tensor.Scalar((float)mean, Device);
                _runningMean = mean + ReinforceHyperparameters.RunningMeanRate * (batchMean - mean);
            }

            Tensor advantages = returns - baseline;
            if (_h.Normalize && n > 1)
            {
                advantages = advantages / (advantages.Std() + 1e-8);
            }

            Tensor logProbabilities = Policy.Forward(observations).LogSoftmax(1);
            Tensor chosen = logProbabilities.Gather(1, actions).Squeeze(1);
            Tensor loss = -(chosen * advantages).Mean();
            if (_h.EntropyCoefficient > 0)
            {
                Tensor entropy = -(logProbabilities.Exp() * logProbabilities).Sum(1).Mean();
                loss = loss - entropy * _h.EntropyCoefficient;
            }

            _optimizer.ZeroGrad();
            loss.Backward();
            _optimizer.Step();
            CheckLoss("the REINFORCE policy loss", loss.Item(), step);
        }

        Updates++;
        _observations.Clear();
        _actions.Clear();
        _returns.Clear();
        _episodesInBatch = 0;
    }
}
