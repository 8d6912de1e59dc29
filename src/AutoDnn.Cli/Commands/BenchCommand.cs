using System.CommandLine;
using AutoDnn.Cli.Bench;

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
        ops.SetAction(r => OpOverheadBenchmark.Run(r.GetValue(iterations), r.GetValue(repeats), r.GetValue(output)));
        return new Command("bench", "Benchmarks against the Python peers.") { ops };
    }
}
