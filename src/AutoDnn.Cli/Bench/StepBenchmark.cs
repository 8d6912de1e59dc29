using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AutoDnn.Torch;
using AutoDnn.Torch.Diagnostics;
using AutoDnn.Torch.Nn;
using AutoDnn.Torch.Optim;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Cli.Bench;

/// <summary>
/// One training step (forward, cross-entropy, backward, Adam) of the CNN or LSTM of pytorch_step_bench.py, timed here,
/// in that Python script and in the pure C++ libtorch loop cpp_floor.cpp, each in a fresh process of its own, rotating
/// round by round so the ratios share the machine's conditions. A fourth process steps our twin and cpp_floor.cpp's loop
/// (compiled into the shim) in alternating blocks: with process and moment alike, their ratio is the binding's own cost.
/// </summary>
internal static partial class StepBenchmark
{
    /// <summary>What a child process of the benchmark measures (hidden option <c>--child</c>).</summary>
    public const string ChildOurs = "ours", ChildPair = "pair";

    public static int Run(string model, int threads, int rounds, bool handWritten, DirectoryInfo? peers, FileInfo? output)
    {
        _ = StepTwins.ModelIndex(model);
        if (rounds < 1) throw new ArgumentException($"bench step: --rounds must be at least 1, got {rounds}");
        string peerDir = FindPeers(peers);
        int steps = model == "cnn" ? 200 : 100;
        string floor = BuildFloor(peerDir);
        string threadArg = threads.ToString(CultureInfo.InvariantCulture);
        string[] child = ["bench", "step", model, "--threads", threadArg, .. handWritten ? new[] { "--hand-written" } : [], "--child"];
        // Columns: ours, the C++ executable, the Python script, then ours and the C++ loop sharing one process.
        var times = new List<double>[5];
        for (int i = 0; i < times.Length; i++) times[i] = [];
        var measures = new Action[]
        {
            () => times[0].Add(Median(RunPeer(SelfProcess.Path, [.. SelfProcess.Arguments, .. child, ChildOurs]))),
            () => times[1].Add(Median(RunPeer(floor, [model, threadArg]))),
            () => times[2].Add(Median(RunPeer("/usr/bin/python3", [Path.Combine(peerDir, "pytorch_step_bench.py"), model, threadArg, steps.ToString(CultureInfo.InvariantCulture)]))),
            () =>
            {
                string pair = RunPeer(SelfProcess.Path, [.. SelfProcess.Arguments, .. child, ChildPair]);
                times[3].Add(Median(pair, "ours"));
                times[4].Add(Median(pair, "floor"));
            },
        };
        for (int r = 0; r < rounds; r++)
        {
            // Rotate who goes first, so no loop always runs right after another's process exits.
            for (int k = 0; k < measures.Length; k++) measures[(k + r) % measures.Length]();
            Console.WriteLine(FormattableString.Invariant(
                $"round {r + 1}: AutoDnn {times[0][^1]:F2} ms, C++ {times[1][^1]:F2} ms, Python {times[2][^1]:F2} ms; one process: AutoDnn {times[3][^1]:F2} ms, C++ {times[4][^1]:F2} ms"));
        }
        var table = new StringBuilder();
        table.AppendLine("| model | threads | rounds | statistic | AutoDnn ms | C++ libtorch ms | python3-torch ms | AutoDnn / C++ | AutoDnn / Python | one process: AutoDnn / C++ |");
        table.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        double[] best = times.Select(t => t.Min()).ToArray();
        double[] typical = times.Select(MedianOf).ToArray();
        foreach ((string name, double[] v) in new[] { ("best round", best), ("median round", typical) })
            table.AppendLine(FormattableString.Invariant(
                $"| {model} | {threads} | {rounds} | {name} | {v[0]:F2} | {v[1]:F2} | {v[2]:F2} | {v[0] / v[1]:F3} | {v[0] / v[2]:F3} | {v[3] / v[4]:F3} |"));
        Console.WriteLine(model == "cnn"
            ? $"AutoDnn's CNN: {(handWritten ? "its own Forward (temporaries live until the step's scope ends)" : "a Sequential")}"
            : "AutoDnn's LSTM: its own Forward");
        Console.Write(table);
        Console.WriteLine(FormattableString.Invariant($"goal <= 1.02x the C++ loop: best rounds {best[0] / best[1]:F3}x, median rounds {typical[0] / typical[1]:F3}x"));
        if (output is not null)
        {
            output.Directory?.Create();
            File.WriteAllText(output.FullName, table.ToString());
        }
        return 0;
    }

    /// <summary>The body of a child process: prints RESULT lines with the median ms/step of what it measures.</summary>
    public static int RunChild(string what, string model, int threads, bool handWritten)
    {
        _ = StepTwins.ModelIndex(model);
        int steps = model == "cnn" ? 200 : 100;
        LibTorch.Threads = threads;
        switch (what)
        {
            case ChildOurs:
            {
                using var ours = new ManagedLoop(model, handWritten);
                var times = new List<double>();
                for (int step = 0; step < steps; step++)
                {
                    double ms = ours.Step();
                    if (step >= 10) times.Add(ms);
                }
                Console.WriteLine(FormattableString.Invariant($"RESULT ours median_ms={MedianOf(times):F4}"));
                return 0;
            }
            case ChildPair:
            {
                (double ours, double floor) = MeasureInProcess(model, handWritten, steps);
                Console.WriteLine(FormattableString.Invariant($"RESULT ours median_ms={ours:F4}"));
                Console.WriteLine(FormattableString.Invariant($"RESULT floor median_ms={floor:F4}"));
                return 0;
            }
            default:
                throw new ArgumentException($"bench step: --child must be {ChildOurs} or {ChildPair}, got '{what}'");
        }
    }

    // Median ms/step of ours and of the in-process C++ loop, stepped in alternating blocks of 10 so that both see the
    // same moments of a shared machine; the first block of each is warm-up, as in both peers.
    private static (double Ours, double Floor) MeasureInProcess(string model, bool handWritten, int steps)
    {
        const int Block = 10;
        using var ours = new ManagedLoop(model, handWritten);
        using var floor = new StepFloor(model);
        var a = new List<double>();
        var b = new List<double>();
        for (int block = 0; block * Block < steps; block++)
        {
            bool oursFirst = block % 2 == 0;
            for (int turn = 0; turn < 2; turn++)
            {
                bool isOurs = (turn == 0) == oursFirst;
                for (int k = 0; k < Block; k++)
                {
                    double ms = isOurs ? ours.Step() : floor.Step();
                    if (block > 0) (isOurs ? a : b).Add(ms);
                }
            }
        }
        return (MedianOf(a), MedianOf(b));
    }

    private static double MedianOf(List<double> values)
    {
        var sorted = values.Order().ToList();
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /// <summary>The managed twin's training step, as a user writes it: a scope per step, Adam, cross-entropy.</summary>
    private sealed class ManagedLoop : IDisposable
    {
        private readonly Module<Tensor, Tensor> net;
        private readonly Tensor[] xs, ys;
        private readonly Adam optimizer;
        private int step;

        public ManagedLoop(string model, bool handWritten)
        {
            (net, xs, ys) = StepTwins.Create(model, handWritten);
            optimizer = new Adam(net.Parameters(), lr: 1e-3);
        }

        public double Step()
        {
            long start = Stopwatch.GetTimestamp();
            using (LibTorch.NewScope())
            {
                Tensor x = xs[step % 8].Clone(), y = ys[step % 8].Clone();
                step++;
                Tensor loss = F.CrossEntropy(net.Forward(x), y);
                optimizer.ZeroGrad(setToNone: false);
                loss.Backward();
                optimizer.Step();
                loss.Item();
            }
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        public void Dispose()
        {
            optimizer.Dispose();
            net.Dispose();
            foreach (Tensor t in xs.Concat(ys)) t.Dispose();
        }
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

    // The line "RESULT <name> median_ms=…" of a benchmark child process.
    private static double Median(string childOutput, string name)
    {
        string line = childOutput.Split('\n').FirstOrDefault(l => l.StartsWith($"RESULT {name} ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no RESULT {name} line in the benchmark child's output: {childOutput.Trim()}");
        return Median(line);
    }

    [GeneratedRegex(@"median_ms=([0-9.]+)")]
    private static partial Regex MedianPattern();
}
