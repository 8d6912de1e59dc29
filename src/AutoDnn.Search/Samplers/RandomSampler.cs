using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers;

/// <summary>Samples every parameter independently and uniformly (log-uniformly for log domains); the baseline sampler.</summary>
public sealed class RandomSampler : ISampler
{
    private readonly Lock _gate = new();
    private readonly Random _random;

    /// <summary>Creates a sampler; the same seed and the same sequence of suggestions give the same values.</summary>
    public RandomSampler(int? seed = null)
    {
        _random = seed is { } s ? new Random(s) : new Random();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Distribution> InferRelativeSearchSpace(StudySnapshot study, FrozenTrial trial) =>
        new Dictionary<string, Distribution>();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> SampleRelative(
        StudySnapshot study,
        FrozenTrial trial,
        IReadOnlyDictionary<string, Distribution> searchSpace) => new Dictionary<string, double>();

    /// <inheritdoc />
    public double SampleIndependent(StudySnapshot study, FrozenTrial trial, string name, Distribution distribution)
    {
        lock (_gate)
        {
            return Sample(distribution, _random);
        }
    }

    /// <summary>One uniform draw from a distribution, as an internal value; reusable by model-based samplers for startup.</summary>
    public static double Sample(Distribution distribution, Random random)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(random);
        return distribution switch
        {
            { IsSingle: true } when distribution is FloatDistribution f => f.Low,
            { IsSingle: true } when distribution is IntDistribution i => i.Low,
            FloatDistribution { Step: not null } f => f.GridValue(random.NextInt64(f.GridCount!.Value)),
            FloatDistribution { Log: true } f => Math.Clamp(
                Math.Exp(Math.Log(f.Low) + (random.NextDouble() * (Math.Log(f.High) - Math.Log(f.Low)))), f.Low, f.High),
            FloatDistribution f => Math.Min(f.High, f.Low + (random.NextDouble() * (f.High - f.Low))),
            IntDistribution { Log: true } i => SampleLogInt(i, random),
            IntDistribution i => i.ValueAt(random.NextInt64(i.Count)),
            CategoricalDistribution c => random.Next(c.Choices.Count),
            _ => throw new ArgumentException($"Unknown distribution type {distribution.GetType().Name}.", nameof(distribution)),
        };
    }

    // Optuna's rule: draw log-uniformly on [low - 0.5, high + 0.5] so every integer gets its log-width share.
    private static double SampleLogInt(IntDistribution distribution, Random random)
    {
        double low = Math.Log(distribution.Low - 0.5);
        double high = Math.Log(distribution.High + 0.5);
        double value = Math.Round(Math.Exp(low + (random.NextDouble() * (high - low))));
        return Math.Clamp(value, distribution.Low, distribution.High);
    }
}
