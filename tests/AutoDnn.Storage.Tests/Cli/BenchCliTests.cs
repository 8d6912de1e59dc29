namespace AutoDnn.Storage.Tests.Cli;

/// <summary>`autodnn bench …` rejects bad input with one line naming the bad value, not a stack trace.</summary>
public sealed class BenchCliTests
{
    [Theory]
    [InlineData(new[] { "bench", "step", "gru" }, "model must be cnn or lstm, got 'gru'")]
    [InlineData(new[] { "bench", "step", "cnn", "--rounds", "0" }, "--rounds must be at least 1, got 0")]
    [InlineData(new[] { "bench", "samplers", "--functions", "nope" }, "Unknown function 'nope'")]
    public void Bad_bench_input_gives_one_line_and_exit_code_1(string[] args, string message)
    {
        using var folder = new TempFolder();
        using ChildProcess bench = CampaignCli.Run(args, folder.Path, timeoutSeconds: 60);
        Assert.Equal(1, bench.ExitCode);
        Assert.StartsWith("autodnn: ", bench.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, bench.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bench.Stderr, StringComparison.Ordinal);
    }
}
