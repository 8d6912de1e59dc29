using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.Plugins.Rl.Environments;

/// <summary>CartPole-v1 with Gymnasium's dynamics, thresholds, rewards and 500-step time limit.</summary>
/// <remarks>
/// State (x, ẋ, θ, θ̇) is kept in double precision and returned as float32, as Gymnasium does. Action 0 pushes the cart
/// left with 10 N, action 1 right. Every step, the terminating one included, earns 1. An episode terminates when
/// |x| &gt; 2.4 or |θ| &gt; 12° and is truncated after 500 steps. <see cref="Reset"/> draws the four state values uniformly in
/// [−0.05, 0.05) from its seed (SplitMix64, not NumPy's PCG64, so the numbers differ from Gymnasium's for the same seed);
/// without a seed it continues the generator of the last seeded reset, or starts from a random seed the first time.
/// </remarks>
public sealed class CartPoleEnvironment : IEnvironment
{
    public const double Gravity = 9.8;
    public const double MassCart = 1.0;
    public const double MassPole = 0.1;
    public const double TotalMass = MassCart + MassPole;
    public const double Length = 0.5;
    public const double PoleMassLength = MassPole * Length;
    public const double ForceMag = 10.0;
    public const double Tau = 0.02;
    public const double XThreshold = 2.4;
    public const double ThetaThresholdRadians = 12 * 2 * Math.PI / 360;
    public const int MaxEpisodeSteps = 500;

    private readonly double[] _state = new double[4];
    private SplitMix64? _random;
    private int _steps;
    private bool _needsReset = true;

    public string Name => "cartpole";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ReinforcementLearning;

    public string Description => "CartPole-v1 (Gymnasium dynamics): balance a pole on a cart; +1 per step, 500 steps at most.";

    public IReadOnlyList<int> ObservationShape => [4];

    public int ActionCount => 2;

    /// <summary>The current state (x, ẋ, θ, θ̇) in double precision.</summary>
    public IReadOnlyList<double> State => _state;

    /// <summary>Steps taken in the current episode.</summary>
    public int ElapsedSteps => _steps;

    public float[] Reset(int? seed = null)
    {
        SplitMix64 random = seed is { } s ? new SplitMix64(unchecked((ulong)s)) : _random ?? new SplitMix64((ulong)Random.Shared.NextInt64());
        for (int i = 0; i < 4; i++)
        {
            _state[i] = random.NextDouble(-0.05, 0.05);
        }

        _random = random;
        _steps = 0;
        _needsReset = false;
        return Observation();
    }

    /// <summary>Starts an episode from a given state (tests and demonstrations); the step count restarts at 0.</summary>
    public float[] ResetTo(double x, double xDot, double theta, double thetaDot)
    {
        _state[0] = x;
        _state[1] = xDot;
        _state[2] = theta;
        _state[3] = thetaDot;
        _steps = 0;
        _needsReset = false;
        return Observation();
    }

    public StepResult Step(int action)
    {
        if (action is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "cartpole: the action must be 0 (push left) or 1 (push right).");
        }

        if (_needsReset)
        {
            throw new InvalidOperationException(_steps == 0
                ? "cartpole: Step was called before Reset."
                : $"cartpole: Step was called after the episode ended (step {_steps}); call Reset first.");
        }

        double x = _state[0], xDot = _state[1], theta = _state[2], thetaDot = _state[3];
        double force = action == 1 ? ForceMag : -ForceMag;
        double cosTheta = Math.Cos(theta);
        double sinTheta = Math.Sin(theta);
        double temp = (force + PoleMassLength * thetaDot * thetaDot * sinTheta) / TotalMass;
        double thetaAcc = (Gravity * sinTheta - cosTheta * temp) / (Length * (4.0 / 3.0 - MassPole * cosTheta * cosTheta / TotalMass));
        double xAcc = temp - PoleMassLength * thetaAcc * cosTheta / TotalMass;

        // Gymnasium's default "euler" integrator: positions move with the old velocities.
        _state[0] = x + Tau * xDot;
        _state[1] = xDot + Tau * xAcc;
        _state[2] = theta + Tau * thetaDot;
        _state[3] = thetaDot + Tau * thetaAcc;
        _steps++;

        bool terminated = _state[0] < -XThreshold || _state[0] > XThreshold
            || _state[2] < -ThetaThresholdRadians || _state[2] > ThetaThresholdRadians;
        // Gymnasium's TimeLimit wrapper sets truncated at the limit whether or not the step also terminated.
        bool truncated = _steps >= MaxEpisodeSteps;
        _needsReset = terminated || truncated;
        return new StepResult(Observation(), 1.0, terminated, truncated);
    }

    private float[] Observation() => [(float)_state[0], (float)_state[1], (float)_state[2], (float)_state[3]];
}
