using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.Training.Tests.Rl;

/// <summary>A test environment: cells 0…5 on a line, start at 0; action 1 steps right, 0 left (a wall at 0).
/// Reaching cell 5 ends with +1; every other step costs 0.01; 20 steps truncate. Optimal return 0.96.</summary>
internal sealed class LineWalkEnvironment(double stepReward = -0.01) : IEnvironment
{
    public const int Cells = 6;
    public const double OptimalReturn = 0.96;

    private int _cell;
    private int _steps;

    public string Name => "test-line-walk";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ReinforcementLearning;

    public string Description => "Walk right to the end of a six-cell line.";

    public IReadOnlyList<int> ObservationShape => [Cells];

    public int ActionCount => 2;

    /// <summary>Seeds given to <see cref="Reset"/>, in order.</summary>
    public List<int?> Seeds { get; } = [];

    public float[] Reset(int? seed = null)
    {
        Seeds.Add(seed);
        _cell = 0;
        _steps = 0;
        return Observation();
    }

    public StepResult Step(int action)
    {
        _cell = Math.Max(0, _cell + (action == 1 ? 1 : -1));
        _steps++;
        bool terminated = _cell == Cells - 1;
        return new StepResult(Observation(), terminated ? 1.0 : stepReward, terminated, !terminated && _steps >= 20);
    }

    private float[] Observation()
    {
        var observation = new float[Cells];
        observation[_cell] = 1;
        return observation;
    }
}
