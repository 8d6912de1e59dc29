using System.CommandLine;
using AutoDnn.Cli.Campaigns;

namespace AutoDnn.Cli.Bench;

/// <summary><c>autodnn bench step cnn|lstm</c>: training-step time against python3-torch and a pure C++ libtorch loop.</summary>
internal static class StepBenchCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "cnn or lstm (the models of pytorch_step_bench.py)." };
        var threads = new Option<int>("--threads") { Description = "libtorch intra-op threads for every loop.", DefaultValueFactory = _ => 2 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds of the four loops; each one's best and median round are reported.", DefaultValueFactory = _ => 3 };
        var handWritten = new Option<bool>("--hand-written") { Description = "Time the CNN twin with its own Forward instead of as a Sequential (the LSTM twin is always hand-written)." };
        var child = new Option<string?>("--child") { Description = "Internal: measure only ours or the in-process pair and print RESULT lines.", Hidden = true };
        var peers = new Option<DirectoryInfo?>("--peers") { Description = "Folder with pytorch_step_bench.py and cpp_floor.cpp (default: shared/peers above here)." };
        var output = new Option<FileInfo?>("--output") { Description = "Also write the table (Markdown) to this file." };
        var command = new Command("step", "Train-step time of the CNN or LSTM vs python3-torch and the C++ libtorch loop (same run).")
        {
            model, threads, rounds, handWritten, peers, output, child,
        };
        command.SetAction(r => CampaignCommandSupport.Guard(() => r.GetValue(child) is string what
            ? StepBenchmark.RunChild(what, r.GetValue(model)!, r.GetValue(threads), r.GetValue(handWritten))
            : StepBenchmark.Run(r.GetValue(model)!, r.GetValue(threads), r.GetValue(rounds), r.GetValue(handWritten), r.GetValue(peers), r.GetValue(output))));
        return command;
    }
}
