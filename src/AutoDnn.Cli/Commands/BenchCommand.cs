using System.CommandLine;
using AutoDnn.Cli.Bench;
using AutoDnn.Cli.Campaigns;

namespace AutoDnn.Cli.Commands;

/// <summary><c>autodnn bench …</c>: benchmarks that measure AutoDnn against its Python peers in the same run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var iterations = new Option<int>("--iterations") { Description = "Calls per op and repeat.", DefaultValueFactory = _ => 20000 };
        var repeats = new Option<int>("--repeats") { Description = "Repeats; the fastest is reported.", DefaultValueFactory = _ => 5 };
        var output = new Option<FileInfo?>("--output") { Description = "Also write the table (Markdown) to this file." };
        var ops = new Command("ops", "Per-op call overhead of the tensor binding vs python3-torch (same libtorch, 1 thread).")
        {
            iterations, repeats, output,
        };
        ops.SetAction(r => CampaignCommandSupport.Guard(() => OpOverheadBenchmark.Run(r.GetValue(iterations), r.GetValue(repeats), r.GetValue(output))));
        return new Command("bench", "Benchmarks against the Python peers.") { ops, CreateSamplers(), StepBenchCommand.Create(), ProducerBenchmark.Create() };
    }

    private static Command CreateSamplers()
    {
        var seeds = new Option<int>("--seeds") { Description = "Seeds 0..S-1.", DefaultValueFactory = _ => 20 };
        var trials = new Option<int>("--trials") { Description = "Trials per study.", DefaultValueFactory = _ => 100 };
        var samplers = new Option<string>("--samplers") { Description = "Comma-separated sampler names.", DefaultValueFactory = _ => "random,tpe,tpe-multivariate,default" };
        var functions = new Option<string>("--functions") { Description = "Comma-separated functions.", DefaultValueFactory = _ => "branin,hartmann6,rosenbrock4,ackley5,levy5,mixed4" };
        var workers = new Option<int>("--workers") { Description = "Studies run concurrently.", DefaultValueFactory = _ => 2 };
        var output = new Option<FileInfo?>("--output") { Description = "Also write the table (Markdown) to this file." };
        var command = new Command("samplers", "Sampler quality and cost on the six functions of optuna_baseline.py (same protocol).")
        {
            seeds, trials, samplers, functions, workers, output,
        };
        command.SetAction(r => CampaignCommandSupport.Guard(() => SamplerBenchmark.Run(
            r.GetValue(seeds), r.GetValue(trials), Split(r.GetValue(samplers)), Split(r.GetValue(functions)), r.GetValue(workers), r.GetValue(output))));
        return command;
    }

    private static string[] Split(string? list) => (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
