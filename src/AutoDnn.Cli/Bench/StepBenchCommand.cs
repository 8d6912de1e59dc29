using System.CommandLine;

namespace AutoDnn.Cli.Bench;

/// <summary><c>autodnn bench step cnn|lstm</c>: training-step time against python3-torch and a pure C++ libtorch loop.</summary>
internal static class StepBenchCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "cnn or lstm (the models of pytorch_step_bench.py)." };
        var threads = new Option<int>("--threads") { Description = "libtorch intra-op threads for all three.", DefaultValueFactory = _ => 2 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds of the three; each one's best round is reported.", DefaultValueFactory = _ => 3 };
        var peers = new Option<DirectoryInfo?>("--peers") { Description = "Folder with pytorch_step_bench.py and cpp_floor.cpp (default: shared/peers above here)." };
        var output = new Option<FileInfo?>("--output") { Description = "Also write the table (Markdown) to this file." };
        var command = new Command("step", "Train-step time of the CNN or LSTM vs python3-torch and the C++ libtorch loop (same run).")
        {
            model, threads, rounds, peers, output,
        };
        command.SetAction(r => StepBenchmark.Run(r.GetValue(model)!, r.GetValue(threads), r.GetValue(rounds), r.GetValue(peers), r.GetValue(output)));
        return command;
    }
}
