using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AutoDnn.Torch;
using AutoDnn.Torch.Optim;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Cli.Bench;

/// <summary>
/// One training step (forward, cross-entropy, backward, Adam) of the CNN or LSTM of pytorch_step_bench.py, timed
/// here, in that Python script and in the pure C++ libtorch loop cpp_floor.cpp, all in the same run and alternating,
/// so the ratios C#/C++ and C#/Python share the machine's conditions.
/// </summary>
internal static partial class StepBenchmark
{
    public static int Run(string model, int threads, int rounds, DirectoryInfo? peers, FileInfo? output)
    {
        if (model is not ("cnn" or "lstm")) throw new ArgumentException($"bench step: model must be cnn or lstm, got '{model}'");
        string peerDir = FindPeers(peers);
        int steps = model == "cnn" ? 200 : 100;
        string floor = BuildFloor(peerDir);
        var ours = new List<double>();
        var cpp = new List<double>();
        var python = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            ours.Add(MeasureOurs(model, threads, steps));
            cpp.Add(Median(RunPeer(floor, [model, threads.ToString(CultureInfo.InvariantCulture)])));
            python.Add(Median(RunPeer("/usr/bin/python3", [Path.Combine(peerDir, "pytorch_step_bench.py"), model, threads.ToString(CultureInfo.InvariantCulture), steps.ToString(CultureInfo.InvariantCulture)])));
            Console.WriteLine(FormattableString.Invariant($"round {r + 1}: AutoDnn {ours[^1]:F2} ms, C++ {cpp[^1]:F2} ms, Python {python[^1]:F2} ms"));
        }
        // Each tool's best round: the least disturbed one on a shared machine.
        double o = ours.Min(), c = cpp.Min(), p = python.Min();
        var table = new StringBuilder();
        table.AppendLine(FormattableString.Invariant($"| model | threads | AutoDnn ms | C++ libtorch ms | python3-torch ms | AutoDnn / C++ | AutoDnn / Python |"));
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        table.AppendLine(FormattableString.Invariant($"| {model} | {threads} | {o:F2} | {c:F2} | {p:F2} | {o / c:F3} | {o / p:F3} |"));
        Console.Write(table);
        Console.WriteLine(o / c <= 1.02 ? "goal met: <= 1.02x the C++ loop" : "goal missed: > 1.02x the C++ loop");
        if (output is not null)
        {
            output.Directory?.Create();
            File.WriteAllText(output.FullName, table.ToString());
        }
        return 0;
    }

    // Median ms/step after 10 warm-up steps, the protocol of both peers.
    private static double MeasureOurs(string model, int threads, int steps)
    {
        LibTorch.Threads = threads;
        var (net, xs, ys) = StepModels.Create(model);
        using var _ = net;
        using var opt = new Adam(net.Parameters(), lr: 1e-3);
        var times = new List<double>();
        for (int step = 0; step < steps; step++)
        {
            long start = Stopwatch.GetTimestamp();
            using (var scope = LibTorch.NewScope())
            {
                Tensor x = xs[step % 8].Clone(), y = ys[step % 8].Clone();
                Tensor loss = F.CrossEntropy(net.Forward(x), y);
                opt.ZeroGrad(setToNone: false);
                loss.Backward();
                opt.Step();
                loss.Item();
            }
            if (step >= 10) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        foreach (Tensor t in xs.Concat(ys)) t.Dispose();
        times.Sort();
        return times[times.Count / 2];
    }

    private static string FindPeers(DirectoryInfo? peers)
    {
        if (peers is not null)
            return File.Exists(Path.Combine(peers.FullName, "pytorch_step_bench.py")) ? peers.FullName
                : throw new FileNotFoundException($"--peers {peers.FullName} holds no pytorch_step_bench.py");
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "shared", "peers");
                if (File.Exists(Path.Combine(candidate, "pytorch_step_bench.py"))) return candidate;
            }
        throw new FileNotFoundException("could not find shared/peers/pytorch_step_bench.py above the current or program folder; pass --peers <folder>");
    }

    // Compiles cpp_floor.cpp once per source version into build/peers/ (about a minute on 2 cores).
    private static string BuildFloor(string peerDir)
    {
        string source = Path.Combine(peerDir, "cpp_floor.cpp");
        if (!File.Exists(source)) throw new FileNotFoundException($"the C++ floor {source} is missing");
        string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(source)))[..12].ToLowerInvariant();
        string dir = Path.Combine(Environment.CurrentDirectory, "build", "peers");
        string binary = Path.Combine(dir, $"cpp_floor_{hash}");
        if (File.Exists(binary)) return binary;
        Directory.CreateDirectory(dir);
        Console.WriteLine($"compiling {source} (once) ...");
        var args = new[] { "-O2", "-std=c++17", "-isystem", "/usr/include/torch/csrc/api/include", source, "-o", binary, "-ltorch", "-ltorch_cpu", "-lc10" };
        RunPeer("g++", args, expectResult: false);
        return binary;
    }

    private static string RunPeer(string program, string[] args, bool expectResult = true)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result.Trim()}");
        if (expectResult && !stdout.Contains("RESULT", StringComparison.Ordinal))
            throw new InvalidOperationException($"{program} printed no RESULT line: {stdout.Trim()}");
        return stdout;
    }

    private static double Median(string peerOutput)
    {
        Match m = MedianPattern().Match(peerOutput);
        return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"no median_ms in the peer's output: {peerOutput.Trim()}");
    }

    [GeneratedRegex(@"median_ms=([0-9.]+)")]
    private static partial Regex MedianPattern();
}
