using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Rl.Environments;

namespace AutoDnn.Plugins.Rl.Tests.Environments;

public sealed class CartPoleEnvironmentTests
{
    // A balancing controller (a linear rule on the state) that keeps the pole up well past 500 steps.
    private static int Balance(IReadOnlyList<double> s) => 10 * s[2] + 2 * s[3] + 0.1 * s[0] + 0.5 * s[1] > 0 ? 1 : 0;

    [Fact]
    public void One_step_follows_gymnasiums_equations()
    {
        var env = new CartPoleEnvironment();
        env.ResetTo(0.01, 0.02, 0.03, 0.04);

        StepResult result = env.Step(1);

        // Gymnasium CartPoleEnv.step, action 1 (force +10), by hand from (x, ẋ, θ, θ̇) = (0.01, 0.02, 0.03, 0.04):
        //   temp   = (10 + 0.05·0.04²·sin 0.03) / 1.1                                  = 9.090911272400014
        //   θ̈     = (9.8·sin 0.03 − cos 0.03·temp) / (0.5·(4/3 − 0.1·cos² 0.03 / 1.1)) = −14.153435898000408
        //   ẍ     = temp − 0.05·θ̈·cos 0.03 / 1.1                                       = 9.733959787377762
        //   euler: x' = x + 0.02·ẋ, ẋ' = ẋ + 0.02·ẍ, θ' = θ + 0.02·θ̇, θ̇' = θ̇ + 0.02·θ̈
        double[] expected = [0.0104, 0.21467919574755523, 0.030799999999999998, -0.24306871796000815];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], env.State[i], 1e-12);
            Assert.Equal((float)expected[i], result.Observation[i]);
        }

        Assert.Equal(1.0, result.Reward);
        Assert.False(result.Terminated);
        Assert.False(result.Truncated);
    }

    [Fact]
    public void Push_left_follows_gymnasiums_equations()
    {
        var env = new CartPoleEnvironment();
        env.ResetTo(0.01, 0.02, 0.03, 0.04);

        env.Step(0);

        // As above with force −10: temp = −9.090906909418166, θ̈ = 15.099761188801962, ẍ = −9.776950855139468.
        double[] expected = [0.0104, -0.17553901710278938, 0.030799999999999998, 0.3419952237760392];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], env.State[i], 1e-12);
        }
    }

    [Fact]
    public void Leaving_the_track_terminates_with_reward_one()
    {
        var env = new CartPoleEnvironment();
        env.ResetTo(2.39, 1.0, 0, 0); // x' = 2.39 + 0.02·1 = 2.41 > 2.4

        StepResult result = env.Step(1);

        Assert.True(result.Terminated);
        Assert.False(result.Truncated);
        Assert.Equal(1.0, result.Reward);
    }

    [Fact]
    public void Leaving_the_track_on_the_left_terminates()
    {
        var env = new CartPoleEnvironment();
        env.ResetTo(-2.39, -1.0, 0, 0);

        Assert.True(env.Step(0).Terminated);
    }

    [Theory]
    [InlineData(0.209, 0.1, true)] // θ' = 0.211 > 12° = 0.20944
    [InlineData(-0.209, -0.1, true)]
    [InlineData(0.2, 0.1, false)] // θ' = 0.202 is still inside
    public void Pole_angle_beyond_twelve_degrees_terminates(double theta, double thetaDot, bool terminated)
    {
        var env = new CartPoleEnvironment();
        env.ResetTo(0, 0, theta, thetaDot);

        Assert.Equal(terminated, env.Step(1).Terminated);
    }

    [Fact]
    public void Episode_is_truncated_exactly_at_step_500()
    {
        var env = new CartPoleEnvironment();
        env.Reset(seed: 7);
        double total = 0;
        for (int step = 1; step < 500; step++)
        {
            StepResult r = env.Step(Balance(env.State));
            total += r.Reward;
            Assert.False(r.Terminated, $"terminated at step {step}");
            Assert.False(r.Truncated, $"truncated early at step {step}");
        }

        StepResult last = env.Step(Balance(env.State));
        total += last.Reward;

        Assert.True(last.Truncated);
        Assert.False(last.Terminated);
        Assert.Equal(500.0, total);
        Assert.Equal(500, env.ElapsedSteps);
        Assert.Throws<InvalidOperationException>(() => env.Step(0));
    }

    [Fact]
    public void Seeded_reset_is_reproducible_and_within_five_hundredths()
    {
        float[] a = new CartPoleEnvironment().Reset(seed: 123);
        float[] b = new CartPoleEnvironment().Reset(seed: 123);
        float[] c = new CartPoleEnvironment().Reset(seed: 124);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a.Concat(c), v => Assert.InRange(v, -0.05f, 0.05f));
    }

    [Fact]
    public void Unseeded_resets_continue_the_seeded_generator()
    {
        var first = new CartPoleEnvironment();
        var second = new CartPoleEnvironment();
        first.Reset(seed: 5);
        second.Reset(seed: 5);

        Assert.Equal(first.Reset(), second.Reset());
        Assert.NotEqual(first.Reset(seed: 5), first.Reset());
    }

    [Fact]
    public void Reset_draws_spread_over_the_whole_interval()
    {
        var env = new CartPoleEnvironment();
        env.Reset(seed: 1);
        var values = Enumerable.Range(0, 250).SelectMany(_ => env.Reset()).ToList();

        Assert.InRange(values.Min(), -0.05f, -0.049f);
        Assert.InRange(values.Max(), 0.049f, 0.05f);
        Assert.InRange(values.Average(), -0.005, 0.005);
    }

    [Fact]
    public void Step_after_termination_throws()
    {
        var env = new CartPoleEnvironment();
        env.ResetTo(0, 0, 0.209, 0.1);
        Assert.True(env.Step(1).Terminated);

        var error = Assert.Throws<InvalidOperationException>(() => env.Step(1));
        Assert.Contains("after the episode ended", error.Message);
    }

    [Fact]
    public void Step_before_reset_throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CartPoleEnvironment().Step(0));
        Assert.Contains("before Reset", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Unknown_action_is_refused(int action)
    {
        var env = new CartPoleEnvironment();
        env.Reset(seed: 0);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(action));
        Assert.Contains("cartpole", error.Message);
    }

    [Fact]
    public void Declares_gymnasiums_spaces()
    {
        var env = new CartPoleEnvironment();

        Assert.Equal("cartpole", env.Name);
        Assert.Equal(TaskKind.ReinforcementLearning, env.Task);
        Assert.Equal([4], env.ObservationShape);
        Assert.Equal(2, env.ActionCount);
        Assert.Equal(0.20943951023931953, CartPoleEnvironment.ThetaThresholdRadians, 1e-15);
    }
}
