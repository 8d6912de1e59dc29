using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Rl.Environments;

namespace AutoDnn.Plugins.Rl.Tests.Environments;

public sealed class GridWorldEnvironmentTests
{
    private const int Left = 0, Down = 1, Right = 2, Up = 3;

    [Theory]
    [InlineData(Left)]
    [InlineData(Up)]
    public void Walking_into_a_wall_costs_one_and_stays(int action)
    {
        var env = new GridWorldEnvironment();
        float[] start = env.Reset();

        StepResult result = env.Step(action);

        Assert.Equal(-1.0, result.Reward);
        Assert.False(result.Terminated);
        Assert.Equal(GridWorldEnvironment.StartCell, env.Cell);
        Assert.Equal(start, result.Observation);
    }

    [Fact]
    public void Ordinary_step_costs_a_tenth_and_moves_the_one_hot_cell()
    {
        var env = new GridWorldEnvironment();
        env.Reset();

        StepResult result = env.Step(Right);

        Assert.Equal(-0.1, result.Reward);
        Assert.Equal(1, env.Cell);
        Assert.Equal(16, result.Observation.Length);
        Assert.Equal(1f, result.Observation[1]);
        Assert.Equal(1f, result.Observation.Sum());
    }

    [Theory]
    [InlineData(new[] { Right, Down }, 5)]
    [InlineData(new[] { Down, Down, Down }, 12)]
    [InlineData(new[] { Right, Right, Right, Down, Down }, 11)]
    public void Traps_terminate_with_minus_ten(int[] path, int trap)
    {
        var env = new GridWorldEnvironment();
        env.Reset();
        StepResult result = default;
        foreach (int action in path)
        {
            result = env.Step(action);
        }

        Assert.Equal(trap, env.Cell);
        Assert.True(result.Terminated);
        Assert.Equal(-10.0, result.Reward);
        Assert.Throws<InvalidOperationException>(() => env.Step(Right));
    }

    [Fact]
    public void Goal_terminates_with_plus_ten_and_the_shortest_path_earns_the_optimal_return()
    {
        var env = new GridWorldEnvironment();
        env.Reset();
        double total = 0;
        StepResult result = default;
        foreach (int action in new[] { Right, Right, Down, Down, Down, Right })
        {
            result = env.Step(action);
            total += result.Reward;
        }

        Assert.Equal(GridWorldEnvironment.GoalCell, env.Cell);
        Assert.True(result.Terminated);
        Assert.Equal(10.0, result.Reward);
        Assert.Equal(9.5, total, 1e-12);
        Assert.Equal(9.5, GridWorldEnvironment.OptimalReturn, 1e-12);
    }

    [Fact]
    public void Episode_is_truncated_at_fifty_steps()
    {
        var env = new GridWorldEnvironment();
        env.Reset();
        for (int step = 1; step < 50; step++)
        {
            Assert.False(env.Step(step % 2 == 0 ? Left : Right).Truncated);
        }

        StepResult last = env.Step(Left);

        Assert.True(last.Truncated);
        Assert.False(last.Terminated);
        Assert.Throws<InvalidOperationException>(() => env.Step(Left));
    }

    [Fact]
    public void Reset_starts_over_and_unknown_actions_are_refused()
    {
        var env = new GridWorldEnvironment();
        Assert.Throws<InvalidOperationException>(() => env.Step(Right));
        env.Reset(seed: 3);
        env.Step(Right);

        float[] observation = env.Reset(seed: 4);

        Assert.Equal(1f, observation[0]);
        Assert.Equal(GridWorldEnvironment.StartCell, env.Cell);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(4));
        Assert.Contains("gridworld", error.Message);
    }
}
