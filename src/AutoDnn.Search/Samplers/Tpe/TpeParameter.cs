using AutoDnn.Abstractions.Search;

namespace AutoDnn.Search.Samplers.Tpe;

/// <summary>One parameter as the Parzen estimator sees it: kernel bounds and step in the (log-)transformed space.</summary>
internal sealed class TpeParameter
{
    public TpeParameter(string name, Distribution distribution)
    {
        Name = name;
        Distribution = distribution;
        switch (distribution)
        {
            case CategoricalDistribution c:
                IsCategorical = true;
                ChoiceCount = c.Choices.Count;
                break;
            case FloatDistribution { Log: true } f:
                (Low, High, IsLog) = (Math.Log(f.Low), Math.Log(f.High), true);
                break;
            case FloatDistribution { Step: { } step } f:
                (Low, High, Q) = (f.Low - (0.5 * step), f.High + (0.5 * step), step);
                break;
            case FloatDistribution f:
                (Low, High) = (f.Low, f.High);
                break;
            // Optuna's rule: a log int spans [low - 0.5, high + 0.5] in log space, then rounds.
            case IntDistribution { Log: true } i:
                (Low, High, IsLog) = (Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5), true);
                break;
            case IntDistribution i:
                (Low, High, Q) = (i.Low - (0.5 * i.Step), i.High + (0.5 * i.Step), i.Step);
                break;
            default:
                throw new ArgumentException($"TPE cannot model '{name}': unknown distribution {distribution.GetType().Name}.", nameof(distribution));
        }
    }

    public string Name { get; }

    public Distribution Distribution { get; }

    public bool IsCategorical { get; }

    public int ChoiceCount { get; }

    public bool IsLog { get; }

    /// <summary>Lower kernel bound in the transformed space.</summary>
    public double Low { get; }

    /// <summary>Upper kernel bound in the transformed space.</summary>
    public double High { get; }

    /// <summary>Discretization step (ints and stepped floats), null when continuous.</summary>
    public double? Q { get; }

    /// <summary>Internal value → the space the kernels live in.</summary>
    public double Transform(double internalValue) => IsLog ? Math.Log(internalValue) : internalValue;

    /// <summary>A point of the kernel space → the nearest valid internal value.</summary>
    public double Untransform(double x) => Distribution.Nearest(IsLog ? Math.Exp(x) : x);
}
