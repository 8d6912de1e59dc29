using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;

namespace AutoDnn.Cli.Bench;

/// <summary>
/// Runs the protocol of ../shared/peers/optuna_baseline.py on AutoDnn's samplers: per function × sampler × seed one
/// in-memory minimize study of N sequential trials; simple regret of the best value at 25/50/100 trials (median and
/// [q25, q75] over seeds, linear-interpolated percentiles) and sampler time per trial (wall time minus objective time).
/// </summary>
internal static class SamplerBenchmark
{
    private static readonly int[] Checkpoints = [25, 50, 100];

    public static int Run(int seeds, int trials, IReadOnlyList<string> samplerNames, IReadOnlyList<string> functionNames, int workers, FileInfo? output)
    {
        var functions = functionNames.Select(n => TestFunctions.All.FirstOrDefault(f => f.Name == n)
            ?? throw new ArgumentException($"Unknown function '{n}'; known: {string.Join(", ", TestFunctions.All.Select(f => f.Name))}.")).ToList();
        var factories = samplerNames.Select(n => (Name: n, Create: SamplerRegistry.Get(n))).ToList();
        foreach (TestFunction f in functions)
        {
            double atOptimum = f.Evaluate(f.ArgMin);
            if (Math.Abs(atOptimum - f.Minimum) > 1e-6)
            {
                throw new InvalidOperationException($"Self-check failed: {f.Name} at its argmin is {atOptimum}, not {f.Minimum}.");
            }
        }

        var jobs = (from f in functions from s in factories from seed in Enumerable.Range(0, seeds) select (f, s, seed)).ToList();
        var results = new ConcurrentBag<RunResult>();
        long start = Stopwatch.GetTimestamp();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, job =>
            results.Add(RunOne(job.f, job.s.Name, job.s.Create(job.seed), job.seed, trials)));
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;

        string table = Table([.. results], functions, samplerNames, trials);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"AutoDnn samplers: {seeds} seeds × {trials} trials, {workers} worker(s), {Environment.ProcessorCount} CPUs; wall time {elapsed:F0} s; default sampler = {SamplerDefaults.Name} (Gaussian-process BO)");
        text.AppendLine();
        text.Append(table);
        Console.Write(text);
        if (output is not null)
        {
            output.Directory?.Create();
            File.WriteAllText(output.FullName, text.ToString());
        }

        return 0;
    }

    private static RunResult RunOne(TestFunction function, string samplerName, ISampler sampler, int seed, int trials)
    {
        Study study = Study.Create(new StudyOptions { Sampler = sampler });
        long objectiveTicks = 0;
        var values = new double[trials];
        int done = 0;
        long start = Stopwatch.GetTimestamp();
        study.Optimize(
            trial =>
            {
                double[] x = function.Suggest(trial);
                long t0 = Stopwatch.GetTimestamp();
                double v = function.Evaluate(x);
                objectiveTicks += Stopwatch.GetTimestamp() - t0;
                values[done++] = v;
                return v;
            },
            trials);
        double total = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double objective = (double)objectiveTicks / Stopwatch.Frequency;
        var regrets = new Dictionary<int, double>();
        double best = double.PositiveInfinity;
        for (int i = 0; i < trials; i++)
        {
            best = Math.Min(best, values[i]);
            if (Checkpoints.Contains(i + 1))
            {
                regrets[i + 1] = best - function.Minimum;
            }
        }

        return new RunResult(function.Name, samplerName, seed, regrets, (total - objective) / trials);
    }

    private static string Table(IReadOnlyList<RunResult> results, IReadOnlyList<TestFunction> functions, IReadOnlyList<string> samplers, int trials)
    {
        int[] checkpoints = Checkpoints.Where(k => k <= trials).ToArray();
        var lines = new StringBuilder();
        lines.AppendLine("| function | sampler | " + string.Join(" | ", checkpoints.Select(k => $"regret@{k} median [q25, q75]"))
            + " | sampler s/trial (median) |");
        lines.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", 3 + checkpoints.Length)));
        foreach (TestFunction f in functions)
        {
            foreach (string s in samplers)
            {
                var rows = results.Where(r => r.Function == f.Name && r.Sampler == s).ToList();
                var cells = checkpoints.Select(k =>
                {
                    double[] v = rows.Select(r => r.Regrets[k]).ToArray();
                    return $"{Format(Percentile(v, 50))} [{Format(Percentile(v, 25))}, {Format(Percentile(v, 75))}]";
                });
                double overhead = Percentile(rows.Select(r => r.SecondsPerTrial).ToArray(), 50);
                lines.AppendLine($"| {f.Name} | {s} | {string.Join(" | ", cells)} | {overhead.ToString("0.00e+00", CultureInfo.InvariantCulture)} |");
            }
        }

        return lines.ToString();
    }

    /// <summary>numpy.percentile with linear interpolation.</summary>
    public static double Percentile(double[] values, double percent)
    {
        double[] sorted = [.. values.Order()];
        double rank = percent / 100.0 * (sorted.Length - 1);
        int low = (int)Math.Floor(rank), high = (int)Math.Ceiling(rank);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }

    /// <summary>The number format of the Optuna script's table (fmt()).</summary>
    public static string Format(double x)
    {
        double a = Math.Abs(x);
        string s = a switch
        {
            0 => "0",
            >= 100 => x.ToString("F0", CultureInfo.InvariantCulture),
            >= 1 => x.ToString("G3", CultureInfo.InvariantCulture),
            >= 0.1 => x.ToString("F3", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.'),
            >= 1e-3 => x.ToString("G2", CultureInfo.InvariantCulture),
            _ => x.ToString("0.0e+00", CultureInfo.InvariantCulture),
        };
        return s;
    }
}
