using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Importance;

/// <summary>Builds completed trials with given parameters for importance tests.</summary>
public static class ImportanceTrials
{
    public static FrozenTrial Complete(int number, double value, params (string Name, Distribution Distribution, object? Value)[] parameters) =>
        new()
        {
            TrialId = number,
            Number = number,
            State = TrialState.Complete,
            Values = [value],
            InternalParams = parameters.ToDictionary(p => p.Name, p => p.Distribution.ToInternal(p.Value)),
            Distributions = parameters.ToDictionary(p => p.Name, p => p.Distribution),
        };

    /// <summary>n trials with x, y, z uniform on [0, 1] (seeded) and the objective f(x, y, z).</summary>
    public static FrozenTrial[] Uniform3(int n, int seed, Func<double, double, double, double> f)
    {
        var random = new Random(seed);
        var unit = new FloatDistribution(0, 1);
        return
        [
            .. Enumerable.Range(0, n).Select(i =>
            {
                double x = random.NextDouble(), y = random.NextDouble(), z = random.NextDouble();
                return Complete(i, f(x, y, z), ("x", unit, x), ("y", unit, y), ("z", unit, z));
            }),
        ];
    }
}
