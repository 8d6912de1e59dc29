using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.TestPlugins.Valid;

/// <summary>A one-dimensional walk: action 1 steps right, 0 left; reaching +3 ends with reward 1; 10 steps truncate.</summary>
public sealed class WalkEnvironment : IEnvironment
{
    private int _position;
    private int _steps;

    public string Name => "test-walk";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ReinforcementLearning;

    public string Description => "Walk right to +3 within 10 steps.";

    public IReadOnlyList<int> ObservationShape => [1];

    public int ActionCount => 2;

    public float[] Reset(int? seed = null)
    {
        _position = seed is { } s ? s % 2 : 0;
        _steps = 0;
        return [_position];
    }

    public StepResult Step(int action)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(action);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(action, 1);
        _position += action == 1 ? 1 : -1;
        _steps++;
        bool terminated = _position >= 3;
        return new StepResult([_position], terminated ? 1.0 : 0.0, terminated, !terminated && _steps >= 10);
    }
}
