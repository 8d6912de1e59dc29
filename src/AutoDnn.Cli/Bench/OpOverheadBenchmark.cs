using System.Diagnostics;
using System.Globalization;
using System.Text;
using AutoDnn.Torch;
using AutoDnn.Torch.Diagnostics;

namespace AutoDnn.Cli.Bench;

/// <summary>
/// Measures the per-call overhead of the tensor binding on tiny tensors against python3-torch running the same
/// cases (op_overhead.py) in the same run, both on one thread. Overhead = time per call minus libtorch's own time
/// for the same call in a C++ loop (<see cref="OpFloor"/>), so the ratio compares what each binding adds.
/// </summary>
internal static class OpOverheadBenchmark
{
    public static int Run(int iterations, int repeats, FileInfo? output)
    {
        LibTorch.Threads = 1;
        using var a = Tensor.Rand(16);
        using var b = Tensor.Rand(16);
        using var m = Tensor.Rand(4, 4);
        using var w = Tensor.Rand(16).WithRequiresGrad();
        // Each case runs in a scope freed every 100 calls: the pattern of a training step.
        var cases = new (string Name, Func<Tensor?> Body)[]
        {
            ("add", () => a + b),
            ("mul_scalar", () => a * 2.0),
            ("relu", () => a.Relu()),
            ("sum", () => a.Sum()),
            ("matmul_4x4", () => m.MatMul(m)),
            ("view", () => a.View(4, 4)),
            ("slice", () => a[2..10]),
            ("autograd_step", () => { (w * a).Sum().Backward(); return null; }),
        };
        var ours = new Dictionary<string, double>();
        var floor = new Dictionary<string, double>();
        foreach (var (name, body) in cases)
        {
            ours[name] = Measure(body, iterations, repeats);
            OpFloor.NanosecondsPerCall(name, iterations / 10);
            floor[name] = Enumerable.Range(0, repeats).Min(_ => OpFloor.NanosecondsPerCall(name, iterations));
        }
        Dictionary<string, double> python = RunPython(iterations, repeats);

        var table = new StringBuilder();
        table.AppendLine($"Per-op call overhead, tiny tensors, 1 thread, best of {repeats} × {iterations:N0} calls (libtorch {LibTorch.Version})");
        table.AppendLine();
        table.AppendLine("| op | C++ floor ns | AutoDnn ns | python3-torch ns | AutoDnn overhead ns | Python overhead ns | overhead ratio (AutoDnn / Python) | total ratio |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var ratios = new List<double>();
        foreach (var (name, _) in cases)
        {
            double py = python.GetValueOrDefault(name, double.NaN);
            // Clamp at 1 ns: a binding can't be faster than the C++ loop except by timer noise.
            double ourOverhead = Math.Max(1, ours[name] - floor[name]), pyOverhead = Math.Max(1, py - floor[name]);
            double ratio = ourOverhead / pyOverhead;
            ratios.Add(ratio);
            table.AppendLine(FormattableString.Invariant(
                $"| {name} | {floor[name]:F0} | {ours[name]:F0} | {py:F0} | {ourOverhead:F0} | {pyOverhead:F0} | {ratio:F2} | {ours[name] / py:F2} |"));
        }
        double geomean = Math.Exp(ratios.Average(Math.Log));
        table.AppendLine(FormattableString.Invariant($"| **geometric mean** | | | | | | **{geomean:F2}** | |"));
        Console.Write(table);
        output?.Directory?.Create();
        if (output is not null) File.WriteAllText(output.FullName, table.ToString());
        Console.WriteLine(geomean <= 0.8 ? "goal met: overhead <= 0.8x Python's" : "goal missed: overhead > 0.8x Python's");
        return 0;
    }

    private static double Measure(Func<Tensor?> body, int iterations, int repeats)
    {
        for (int i = 0; i < 2000; i++) using (LibTorch.NewScope()) body();
        var perCall = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int done = 0; done < iterations; done += 100)
            {
                using var scope = LibTorch.NewScope();
                for (int i = 0; i < 100; i++) body();
            }
            perCall.Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / iterations);
        }
        // The minimum is the least disturbed run (timeit's advice); the Python peer reports the same.
        return perCall.Min();
    }

    private static Dictionary<string, double> RunPython(int iterations, int repeats)
    {
        string script = Path.Combine(Path.GetTempPath(), $"autodnn_op_overhead_{Environment.ProcessId}.py");
        using (Stream resource = typeof(OpOverheadBenchmark).Assembly.GetManifestResourceStream("op_overhead.py")!)
        using (FileStream file = File.Create(script))
            resource.CopyTo(file);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3", [script, iterations.ToString(CultureInfo.InvariantCulture), repeats.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["OMP_NUM_THREADS"] = "1";
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
            string stdout = process.StandardOutput.ReadToEnd();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"the Python peer failed (is python3-torch installed?): {stderr.Trim()}");
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' '))
                .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(script);
        }
    }
}
