using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Importance;

/// <summary>The trials' parameters as a numeric matrix: log parameters in log space, categoricals one-hot; with per-column bounds and each parameter's columns.</summary>
internal sealed class ImportanceSpace
{
    private ImportanceSpace(double[,] x, double[,] bounds, int[][] columnsOf)
    {
        X = x;
        Bounds = bounds;
        ColumnsOf = columnsOf;
    }

    /// <summary>One row per trial, one column per numeric parameter or categorical choice.</summary>
    public double[,] X { get; }

    /// <summary>[column, 0] = low, [column, 1] = high of the (transformed) domain.</summary>
    public double[,] Bounds { get; }

    /// <summary>The columns of each parameter, in parameter order.</summary>
    public int[][] ColumnsOf { get; }

    public int Columns => Bounds.GetLength(0);

    /// <summary>The one distribution that covers a parameter over all trials (ranges joined); throws when kinds differ.</summary>
    public static Distribution Joined(IReadOnlyList<FrozenTrial> trials, string name)
    {
        Distribution? joined = null;
        foreach (FrozenTrial trial in trials)
        {
            Distribution d = trial.Distributions[name];
            if (joined is null)
            {
                joined = d;
                continue;
            }

            if (!joined.IsCompatibleWith(d))
            {
                throw new ArgumentException(
                    $"Parameter '{name}' was suggested from incompatible distributions ({joined.ToJson()} in one trial, {d.ToJson()} in trial {trial.Number}); importance needs one domain per parameter.");
            }

            joined = (joined, d) switch
            {
                (FloatDistribution a, FloatDistribution b) => new FloatDistribution(Math.Min(a.Low, b.Low), Math.Max(a.High, b.High), a.Log && b.Log),
                (IntDistribution a, IntDistribution b) => new IntDistribution(Math.Min(a.Low, b.Low), Math.Max(a.High, b.High), a.Log && b.Log),
                _ => joined,
            };
        }

        return joined ?? throw new ArgumentException($"Parameter '{name}' appears in no trial.");
    }

    public static ImportanceSpace Build(IReadOnlyList<FrozenTrial> trials, IReadOnlyList<string> parameters)
    {
        var bounds = new List<(double Low, double High)>();
        var columnsOf = new int[parameters.Count][];
        var encoders = new Func<double, double[]>[parameters.Count];
        for (int p = 0; p < parameters.Count; p++)
        {
            Distribution d = Joined(trials, parameters[p]);
            int first = bounds.Count;
            switch (d)
            {
                case CategoricalDistribution c:
                    int k = c.Choices.Count;
                    bounds.AddRange(Enumerable.Repeat((0.0, 1.0), k));
                    encoders[p] = v => [.. Enumerable.Range(0, k).Select(i => i == (int)v ? 1.0 : 0.0)];
                    break;
                case FloatDistribution { Log: true } f:
                    bounds.Add((Math.Log(f.Low), Math.Log(f.High)));
                    encoders[p] = v => [Math.Log(v)];
                    break;
                case IntDistribution { Log: true } i:
                    bounds.Add((Math.Log(i.Low), Math.Log(i.High)));
                    encoders[p] = v => [Math.Log(v)];
                    break;
                case FloatDistribution f:
                    bounds.Add((f.Low, f.High));
                    encoders[p] = v => [v];
                    break;
                case IntDistribution i:
                    bounds.Add((i.Low, i.High));
                    encoders[p] = v => [v];
                    break;
                default:
                    throw new ArgumentException($"Parameter '{parameters[p]}' has an unsupported distribution {d.GetType().Name}.");
            }

            columnsOf[p] = [.. Enumerable.Range(first, bounds.Count - first)];
        }

        var x = new double[trials.Count, bounds.Count];
        for (int t = 0; t < trials.Count; t++)
        {
            for (int p = 0; p < parameters.Count; p++)
            {
                double[] encoded = encoders[p](trials[t].InternalParams[parameters[p]]);
                for (int j = 0; j < encoded.Length; j++)
                {
                    x[t, columnsOf[p][j]] = encoded[j];
                }
            }
        }

        var b = new double[bounds.Count, 2];
        for (int c = 0; c < bounds.Count; c++)
        {
            (b[c, 0], b[c, 1]) = bounds[c];
        }

        return new ImportanceSpace(x, b, columnsOf);
    }
}
