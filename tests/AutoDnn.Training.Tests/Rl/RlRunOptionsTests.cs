using AutoDnn.Training.Rl;

namespace AutoDnn.Training.Tests.Rl;

public sealed class RlRunOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        new RlRunOptions().Validate();
        Assert.Equal(10, new RlRunOptions().EvaluationCount);
    }

    [Theory]
    [InlineData(0, 1, 1, 1, "TotalSteps")]
    [InlineData(100, 0, 1, 1, "EvalEvery")]
    [InlineData(100, 101, 1, 1, "EvalEvery")]
    [InlineData(100, 10, 0, 1, "EvalEpisodes")]
    [InlineData(100, 10, 1, 0, "Seeds")]
    public void Each_bad_option_is_named_with_its_value(int total, int every, int episodes, int seeds, string name)
    {
        var options = new RlRunOptions { TotalSteps = total, EvalEvery = every, EvalEpisodes = episodes, Seeds = seeds };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(name, error.ParamName);
        Assert.Contains($"RlRunOptions.{name}", error.Message);
    }

    [Fact]
    public void An_undefined_algorithm_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(new RlRunOptions { Algorithm = (RlAlgorithm)7 }.Validate);

        Assert.Contains("Algorithm", error.Message);
    }

    [Theory]
    [InlineData(1000, 100, 10)]
    [InlineData(1050, 100, 11)]
    [InlineData(99, 99, 1)]
    public void An_evaluation_follows_every_eval_every_steps_and_the_last_step(int total, int every, int count)
    {
        Assert.Equal(count, new RlRunOptions { TotalSteps = total, EvalEvery = every }.EvaluationCount);
    }
}
