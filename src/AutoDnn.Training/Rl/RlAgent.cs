using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;
using AutoDnn.Training.Runs;

namespace AutoDnn.Training.Rl;

/// <summary>What the runner's step loop needs from an agent: a training action, a greedy action, and each transition.</summary>
internal abstract class RlAgent : IDisposable
{

    private readonly long[] _singleShape;

    protected RlAgent(Module<Tensor, Tensor> policy, IReadOnlyList<int> observationShape, Device device, int fold)
    {
        Policy = policy;
        Device = device;
        Fold = fold;
        ObservationSize = observationShape.Aggregate(1, (a, b) => a * b);
        _singleShape = [1, .. observationShape.Select(d => (long)d)];
        ObservationShape = [.. observationShape.Select(d => (long)d)];
    }

    /// <summary>The network whose largest output is the greedy action (Q-network or policy logits).</summary>
    protected Module<Tensor, Tensor> Policy { get; }

    protected Device Device { get; }

    protected int Fold { get; }

    protected int ObservationSize { get; }

    /// <summary>Shape of one observation without the batch dimension.</summary>
    protected long[] ObservationShape { get; }

    /// <summary>The action to take while training at environment step <paramref name="step"/> (0-based).</summary>
    public abstract int Act(float[] observation, long step);

    /// <summary>Records one transition; <paramref name="step"/> counts the steps taken so far, this one included.</summary>
    public abstract void Observe(float[] observation, int action, double reward, float[] next, bool terminated, bool truncated, long step);

    /// <summary>The action with the largest network output.</summary>
    public int ActGreedy(float[] observation)
    {
        using var scope = LibTorch.NewScope();
        using var noGrad = LibTorch.NoGrad();
        return (int)Policy.Forward(Single(observation)).ArgMax(1).ItemInt64();
    }

    public virtual void Dispose() => Policy.Dispose();

    /// <summary>A [1, observation shape] tensor on the agent's device (owned by the current scope).</summary>
    protected Tensor Single(float[] observation)
    {
        CheckObservation(observation);
        return Tensor.From<float>(observation, _singleShape, Device);
    }

    /// <summary>A [n, observation shape] tensor from the first n·size values of <paramref name="flat"/>.</summary>
    protected Tensor Batch(ReadOnlySpan<float> flat, int n) =>
        Tensor.From(flat[..(n * ObservationSize)], [n, .. ObservationShape], Device);

    protected void CheckObservation(float[] observation)
    {
        if (observation.Length != ObservationSize)
        {
            throw new InvalidOperationException(
                $"the environment returned an observation of {observation.Length} values, but its ObservationShape "
                + $"[{string.Join(", ", ObservationShape)}] holds {ObservationSize}.");
        }
    }

    /// <summary>Throws <see cref="TrialFailedException"/> when a loss is NaN or infinite, naming the algorithm, seed and step.</summary>
    protected void CheckLoss(string what, double loss, long step)
    {
        if (!double.IsFinite(loss))
        {
            throw new TrialFailedException($"{what} is {loss} at seed {Fold}, environment step {step}: training diverged.");
        }
    }

    /// <summary>Builds a network through the architecture with libtorch's global generator seeded, so its weights repeat.</summary>
    /// <remarks>Through <see cref="SeededBuild"/>, whose lock every runner shares.</remarks>
    public static Module<Tensor, Tensor> BuildSeeded(Func<Module<Tensor, Tensor>> build, ulong seed, Device device)
    {
        Module<Tensor, Tensor> model = SeededBuild.Run(seed, build);
        model.To(device);
        return model;
    }
}
