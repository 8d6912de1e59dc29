using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.Plugins.Rl.Environments;

/// <summary>The classic 4×4 tutorial grid: walk from the top-left start to the bottom-right goal around three traps.</summary>
/// <remarks>
/// Layout (row 0 at the top; S start, G goal, T trap):
/// <code>
/// S . . .
/// . T . .
/// . . . T
/// T . . G
/// </code>
/// Actions, in FrozenLake's order: 0 left, 1 down, 2 right, 3 up; moves are deterministic. Rewards: −0.1 per step,
/// −1 for walking into the outer wall (the agent stays put), −10 for stepping on a trap (terminates), +10 for reaching
/// the goal (terminates). Episodes are truncated after 50 steps. The observation is the one-hot code of the cell
/// (index row·4 + column). The shortest path takes 6 steps, so the optimal undiscounted return is 5·(−0.1) + 10 = 9.5.
/// The start cell is fixed, so the seed of <see cref="Reset"/> has no effect.
/// </remarks>
public sealed class GridWorldEnvironment : IEnvironment
{
    public const int Size = 4;
    public const int StartCell = 0;
    public const int GoalCell = 15;
    public const double StepReward = -0.1;
    public const double WallReward = -1.0;
    public const double TrapReward = -10.0;
    public const double GoalReward = 10.0;
    public const int MaxEpisodeSteps = 50;

    /// <summary>The return of a shortest path: five ordinary steps, then the goal.</summary>
    public const double OptimalReturn = 5 * StepReward + GoalReward;

    private static readonly int[] Traps = [5, 11, 12];

    private int _cell = StartCell;
    private int _steps;
    private bool _needsReset = true;

    public string Name => "gridworld";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ReinforcementLearning;

    public string Description => "4x4 grid: reach the far corner (+10) avoiding three traps (-10); -0.1 per step, -1 into a wall.";

    public IReadOnlyList<int> ObservationShape => [Size * Size];

    public int ActionCount => 4;

    /// <summary>The trap cells (row·4 + column).</summary>
    public static IReadOnlyList<int> TrapCells => Traps;

    /// <summary>The agent's cell (row·4 + column).</summary>
    public int Cell => _cell;

    public float[] Reset(int? seed = null)
    {
        _cell = StartCell;
        _steps = 0;
        _needsReset = false;
        return Observation();
    }

    public StepResult Step(int action)
    {
        if (action is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "gridworld: the action must be 0 (left), 1 (down), 2 (right) or 3 (up).");
        }

        if (_needsReset)
        {
            throw new InvalidOperationException(_steps == 0
                ? "gridworld: Step was called before Reset."
                : $"gridworld: Step was called after the episode ended (step {_steps}); call Reset first.");
        }

        int row = _cell / Size, column = _cell % Size;
        (int newRow, int newColumn) = action switch
        {
            0 => (row, column - 1),
            1 => (row + 1, column),
            2 => (row, column + 1),
            _ => (row - 1, column),
        };
        _steps++;

        double reward;
        bool terminated = false;
        if (newRow is < 0 or >= Size || newColumn is < 0 or >= Size)
        {
            reward = WallReward;
        }
        else
        {
            _cell = newRow * Size + newColumn;
            if (_cell == GoalCell)
            {
                reward = GoalReward;
                terminated = true;
            }
            else if (Traps.Contains(_cell))
            {
                reward = TrapReward;
                terminated = true;
            }
            else
            {
                reward = StepReward;
            }
        }

        bool truncated = _steps >= MaxEpisodeSteps;
        _needsReset = terminated || truncated;
        return new StepResult(Observation(), reward, terminated, truncated);
    }

    private float[] Observation()
    {
        var observation = new float[Size * Size];
        observation[_cell] = 1f;
        return observation;
    }
}
