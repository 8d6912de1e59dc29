using System.Runtime.CompilerServices;

namespace AutoDnn.Search.Samplers.Gp;

/// <summary>
/// The acquisition maximized by <see cref="GpSampler"/>: log EI of the objective model plus, per constraint model,
/// log P(constraint ≤ 0); with no feasible trial yet, only the feasibility term.
/// </summary>
internal sealed class GpAcquisition
{
    private readonly GpRegressor? _objective;
    private readonly double _best;
    private readonly IReadOnlyList<(GpRegressor Model, double Threshold)> _constraints;
    private readonly double[] _scratch;

    /// <param name="objective">Model of the standardized objective (minimized); null to search for feasibility only.</param>
    /// <param name="best">Best standardized objective among feasible observations.</param>
    /// <param name="constraints">Models of standardized constraints and the standardized value of 0 for each.</param>
    public GpAcquisition(GpRegressor? objective, double best, IReadOnlyList<(GpRegressor Model, double Threshold)> constraints)
    {
        if (objective is null && constraints.Count == 0)
        {
            throw new ArgumentException("An acquisition needs an objective model or at least one constraint model.");
        }

        _objective = objective;
        _best = best;
        _constraints = constraints;
        int n = Math.Max(objective?.Count ?? 0, constraints.Count == 0 ? 0 : constraints.Max(c => c.Model.Count));
        _scratch = new double[n];
        Dimensions = objective?.Dimensions ?? constraints[0].Model.Dimensions;
    }

    public int Dimensions { get; }

    /// <summary>The acquisition value at an encoded point (higher is better). Not thread-safe (shared scratch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Value(ReadOnlySpan<double> point)
    {
        double total = 0;
        if (_objective is not null)
        {
            _objective.Predict(point, _scratch, out double mean, out double variance);
            total += LogExpectedImprovement.Value(mean, Math.Sqrt(variance), _best, out _, out _);
        }

        foreach ((GpRegressor model, double threshold) in _constraints)
        {
            model.Predict(point, _scratch, out double mean, out double variance);
            total += NormalMath.LogCdf((threshold - mean) / Math.Sqrt(variance));
        }

        return total;
    }

    /// <summary>The acquisition value and its gradient with respect to the encoded point.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double ValueAndGradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        int d = point.Length;
        Span<double> meanGradient = stackalloc double[d];
        Span<double> varianceGradient = stackalloc double[d];
        gradient.Clear();
        double total = 0;
        if (_objective is not null)
        {
            _objective.PredictWithGradient(point, meanGradient, varianceGradient, out double mean, out double variance);
            double sd = Math.Sqrt(variance);
            total += LogExpectedImprovement.Value(mean, sd, _best, out double dMean, out double dSd);
            Accumulate(gradient, meanGradient, varianceGradient, dMean, dSd / (2 * sd));
        }

        foreach ((GpRegressor model, double threshold) in _constraints)
        {
            model.PredictWithGradient(point, meanGradient, varianceGradient, out double mean, out double variance);
            double sd = Math.Sqrt(variance);
            double z = (threshold - mean) / sd;
            double logCdf = NormalMath.LogCdf(z);
            double hazard = Math.Exp((-0.5 * z * z) - NormalMath.LogSqrtTwoPi - logCdf);
            total += logCdf;
            Accumulate(gradient, meanGradient, varianceGradient, -hazard / sd, -hazard * z / sd / (2 * sd));
        }

        return total;
    }

    private static void Accumulate(Span<double> gradient, ReadOnlySpan<double> dMeanDx, ReadOnlySpan<double> dVarDx, double dMean, double dVar)
    {
        for (int j = 0; j < gradient.Length; j++)
        {
            gradient[j] += (dMean * dMeanDx[j]) + (dVar * dVarDx[j]);
        }
    }
}
