using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;
using AutoDnn.Torch.Optim;

namespace AutoDnn.Training.Rl;

/// <summary>Deep Q-learning for one seed: ε-greedy acting, a replay buffer, a target network (hard or Polyak updates),
/// optional Double DQN targets, Huber (SmoothL1) loss, Adam and gradient-norm clipping.</summary>
internal sealed class DqnAgent : RlAgent
{
    private readonly Module<Tensor, Tensor> _target;
    private readonly DqnHyperparameters _h;
    private readonly int _totalSteps;
    private readonly RlRandom _random;
    private readonly int _actionCount;
    private readonly ReplayBuffer _buffer;
    private readonly ReplayBatch _batch;
    private readonly Adam _optimizer;
    private readonly IReadOnlyList<Tensor> _onlineParameters;
    private readonly IReadOnlyList<Tensor> _targetParameters;

    public DqnAgent(
        Module<Tensor, Tensor> online, Module<Tensor, Tensor> target, DqnHyperparameters hyperparameters, int totalSteps,
        IReadOnlyList<int> observationShape, int actionCount, Device device, int fold, RlRandom random)
        : base(online, observationShape, device, fold)
    {
        _target = target;
        _h = hyperparameters;
        _totalSteps = totalSteps;
        _random = random;
        _actionCount = actionCount;
        _buffer = new ReplayBuffer(_h.BufferSize, ObservationSize);
        _batch = new ReplayBatch(_h.BatchSize, ObservationSize);
        _onlineParameters = online.Parameters();
        _targetParameters = target.Parameters();
        if (_onlineParameters.Count != _targetParameters.Count)
        {
            throw new InvalidOperationException("the architecture built two networks with different parameter lists for the same trial.");
        }

        _target.Eval();
        foreach (Tensor p in _targetParameters)
        {
            p.RequiresGrad = false;
        }

        HardUpdate();
        _optimizer = new Adam(_onlineParameters, lr: _h.LearningRate);
    }

    /// <summary>The latest training loss (NaN before the first update).</summary>
    public double LastLoss { get; private set; } = double.NaN;

    public override int Act(float[] observation, long step)
    {
        if (step < _h.LearningStarts || _random.NextDouble() < _h.Epsilon(step, _totalSteps))
        {
            CheckObservation(observation);
            return _random.NextInt(_actionCount);
        }

        return ActGreedy(observation);
    }

    public override void Observe(float[] observation, int action, double reward, float[] next, bool terminated, bool truncated, long step)
    {
        CheckObservation(next);
        _buffer.Add(observation, action, reward, next, terminated);
        if (step >= _h.LearningStarts && step % _h.TrainFrequency == 0)
        {
            for (int i = 0; i < _h.GradientSteps; i++)
            {
                Train(step);
            }
        }

        if (_h.TargetMode == "hard")
        {
            if (step % _h.TargetUpdate == 0)
            {
                HardUpdate();
            }
        }
        else if (step >= _h.LearningStarts)
        {
            PolyakUpdate();
        }
    }

    public override void Dispose()
    {
        _optimizer.Dispose();
        _target.Dispose();
        base.Dispose();
    }

    private void Train(long step)
    {
        using var scope = LibTorch.NewScope();
        _buffer.Sample(_random, _batch);
        int n = _batch.Count;
        Tensor observations = Batch(_batch.Observations, n);
        Tensor next = Batch(_batch.Next, n);
        Tensor actions = Tensor.From<long>(_batch.Actions, [n, 1], Device);
        Tensor rewards = Tensor.From<float>(_batch.Rewards, [n], Device);
        Tensor notDone = 1.0 - Tensor.From<float>(_batch.Terminated, [n], Device);

        Tensor targets;
        using (LibTorch.NoGrad())
        {
            Tensor nextQ = _h.Double
                ? _target.Forward(next).Gather(1, Policy.Forward(next).ArgMax(1, keepDim: true)).Squeeze(1)
                : _target.Forward(next).Max(1).Values;
            targets = rewards + nextQ * notDone * _h.Gamma;
        }

        Tensor q = Policy.Forward(observations).Gather(1, actions).Squeeze(1);
        Tensor loss = Functional.SmoothL1Loss(q, targets);
        _optimizer.ZeroGrad();
        loss.Backward();
        GradientClipping.ClipGradNorm(_onlineParameters, _h.MaxGradNorm);
        _optimizer.Step();
        LastLoss = loss.Item();
        CheckLoss("the DQN loss", LastLoss, step);
    }

    private void HardUpdate()
    {
        using var scope = LibTorch.NewScope();
        using var noGrad = LibTorch.NoGrad();
        for (int i = 0; i < _onlineParameters.Count; i++)
        {
            _targetParameters[i].CopyInPlace(_onlineParameters[i]);
        }

        CopyBuffers();
    }

    private void PolyakUpdate()
    {
        using var scope = LibTorch.NewScope();
        using var noGrad = LibTorch.NoGrad();
        for (int i = 0; i < _onlineParameters.Count; i++)
        {
            _targetParameters[i].MulInPlace(1 - _h.Tau).AddInPlace(_onlineParameters[i] * _h.Tau);
        }

        CopyBuffers();
    }

    private void CopyBuffers()
    {
        var online = Policy.NamedBuffers().ToList();
        var target = _target.NamedBuffers().ToList();
        for (int i = 0; i < Math.Min(online.Count, target.Count); i++)
        {
            target[i].Buffer.CopyInPlace(online[i].Buffer);
        }
    }
}
