using AutoDnn.Abstractions.Search;

namespace AutoDnn.Search.Samplers.Gp;

/// <summary>
/// Maps parameters to the GP's encoded coordinates: continuous ones to [0, 1] (log domains in log space), ints and
/// stepped floats to the centres of equal-width cells in [0, 1], categoricals to their choice index.
/// </summary>
internal sealed class GpSearchSpace
{
    private readonly Distribution[] _distributions;

    public GpSearchSpace(IReadOnlyDictionary<string, Distribution> space)
    {
        Names = space.Keys.Order(StringComparer.Ordinal).ToArray();
        _distributions = Names.Select(n => space[n]).ToArray();
        Categorical = _distributions.Select(d => d is CategoricalDistribution).ToArray();
        DiscreteCounts = _distributions.Select(Count).ToArray();
    }

    public string[] Names { get; }

    public int Dimensions => Names.Length;

    /// <summary>Per dimension: compared by equality in the kernel.</summary>
    public bool[] Categorical { get; }

    /// <summary>Per dimension: the number of values of an int, stepped float or categorical; 0 for continuous floats.</summary>
    public long[] DiscreteCounts { get; }

    /// <summary>The encoded coordinate of an internal value.</summary>
    public double Encode(int dimension, double value) => _distributions[dimension] switch
    {
        CategoricalDistribution => value,
        FloatDistribution { Step: not null } f => (Math.Round((value - f.Low) / f.Step.Value) + 0.5) / DiscreteCounts[dimension],
        FloatDistribution { Log: true } f => (Math.Log(value) - Math.Log(f.Low)) / (Math.Log(f.High) - Math.Log(f.Low)),
        FloatDistribution f => (value - f.Low) / (f.High - f.Low),
        IntDistribution { Log: true } i => (Math.Log(value) - Math.Log(i.Low - 0.5)) / (Math.Log(i.High + 0.5) - Math.Log(i.Low - 0.5)),
        IntDistribution i => ((((long)value - i.Low) / i.Step) + 0.5) / i.Count,
        _ => throw new ArgumentException($"Unknown distribution {_distributions[dimension]}."),
    };

    /// <summary>The valid internal value an encoded coordinate stands for (rounded to the int/step grid, clamped).</summary>
    public double Decode(int dimension, double encoded)
    {
        Distribution distribution = _distributions[dimension];
        double raw = distribution switch
        {
            CategoricalDistribution c => Math.Clamp(Math.Round(encoded), 0, c.Choices.Count - 1),
            FloatDistribution { Step: not null } f => f.GridValue(CellOf(encoded, DiscreteCounts[dimension])),
            FloatDistribution { Log: true } f => Math.Exp(Math.Log(f.Low) + (Math.Clamp(encoded, 0, 1) * (Math.Log(f.High) - Math.Log(f.Low)))),
            FloatDistribution f => f.Low + (Math.Clamp(encoded, 0, 1) * (f.High - f.Low)),
            IntDistribution { Log: true } i => Math.Round(Math.Exp(
                Math.Log(i.Low - 0.5) + (Math.Clamp(encoded, 0, 1) * (Math.Log(i.High + 0.5) - Math.Log(i.Low - 0.5))))),
            IntDistribution i => i.ValueAt(CellOf(encoded, i.Count)),
            _ => throw new ArgumentException($"Unknown distribution {distribution}."),
        };
        return distribution.Nearest(raw);
    }

    /// <summary>The encoded point nearest to a point of the unit cube that the space can actually take.</summary>
    public double FromUnit(int dimension, double unit) => Categorical[dimension]
        ? CellOf(unit, DiscreteCounts[dimension])
        : Encode(dimension, Decode(dimension, unit));

    /// <summary>Rounds an encoded coordinate onto a valid value (identity for continuous floats).</summary>
    public double Snap(int dimension, double encoded) =>
        DiscreteCounts[dimension] == 0 ? Math.Clamp(encoded, 0, 1) : Encode(dimension, Decode(dimension, encoded));

    /// <summary>Index of a discrete dimension's value (0 = first choice / lowest value).</summary>
    public long IndexOf(int dimension, double encoded) => _distributions[dimension] switch
    {
        CategoricalDistribution => (long)encoded,
        IntDistribution { Log: true } i => (long)Decode(dimension, encoded) - i.Low,
        _ => CellOf(encoded, DiscreteCounts[dimension]),
    };

    /// <summary>The encoded coordinate of a discrete dimension's index-th value.</summary>
    public double EncodedAt(int dimension, long index) => _distributions[dimension] switch
    {
        CategoricalDistribution => index,
        IntDistribution { Log: true } i => Encode(dimension, i.Low + index),
        _ => (index + 0.5) / DiscreteCounts[dimension],
    };

    private static long CellOf(double unit, long count) => Math.Clamp((long)Math.Floor(unit * count), 0, count - 1);

    private static long Count(Distribution distribution) => distribution switch
    {
        CategoricalDistribution c => c.Choices.Count,
        FloatDistribution { Step: not null } f => f.GridCount!.Value,
        FloatDistribution => 0,
        IntDistribution i => i.Count,
        _ => throw new ArgumentException($"Unknown distribution {distribution}."),
    };
}
