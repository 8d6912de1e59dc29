using System.Runtime.CompilerServices;

namespace AutoDnn.Search.Samplers.Gp;

/// <summary>A Gaussian-process posterior over encoded points with a Matérn-5/2 ARD kernel; hyperparameters fitted by MAP.</summary>
internal sealed class GpRegressor
{
    private const double MinNoise = 1e-6;
    private readonly double[] _x;
    private readonly bool[] _categorical;
    private readonly double[] _alpha;
    private readonly Cholesky _cholesky;

    private GpRegressor(double[] x, int count, bool[] categorical, GpKernelParameters parameters, double[] targets)
    {
        _x = x;
        Count = count;
        _categorical = categorical;
        Parameters = parameters;
        int n = count;
        var k = new double[n * n];
        BuildCovariance(x, n, categorical, parameters, k, null);
        _cholesky = Cholesky.Decompose(k, n);
        _alpha = (double[])targets.Clone();
        _cholesky.Solve(_alpha);
    }

    public int Count { get; }

    public int Dimensions => _categorical.Length;

    public GpKernelParameters Parameters { get; }

    /// <summary>Fits hyperparameters by maximizing log marginal likelihood plus log prior, then conditions on the data.</summary>
    /// <param name="x">Row-major n×d encoded inputs (continuous dimensions in [0, 1], categorical ones as choice indices).</param>
    /// <param name="targets">Standardized outputs (mean 0, variance 1).</param>
    /// <param name="categorical">Per dimension: compared by equality rather than distance.</param>
    /// <param name="maxIterations">L-BFGS iterations per start.</param>
    public static GpRegressor Fit(double[] x, double[] targets, bool[] categorical, int maxIterations = 60)
    {
        int n = targets.Length;
        int d = categorical.Length;
        var lower = new double[d + 2];
        var upper = new double[d + 2];
        for (int i = 0; i < d; i++)
        {
            lower[i] = Math.Log(1e-3);
            upper[i] = Math.Log(1e4);
        }

        lower[d] = Math.Log(1e-2);
        upper[d] = Math.Log(1e2);
        lower[d + 1] = Math.Log(MinNoise);
        upper[d + 1] = Math.Log(1.0);

        var covariance = new double[n * n];
        var derivatives = new double[n * n];
        var alpha = new double[n];
        double Objective(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            double value = LogPosterior(x, targets, categorical, theta, gradient, covariance, derivatives, alpha);
            for (int i = 0; i < gradient.Length; i++)
            {
                gradient[i] = -gradient[i];
            }

            return -value;
        }

        // Two starting points (long and short lengthscales); only the more probable one is optimized.
        double[] best = [];
        double bestValue = double.PositiveInfinity;
        var scratchGradient = new double[d + 2];
        foreach (double startRho in (ReadOnlySpan<double>)[1.0, 16.0])
        {
            var theta = new double[d + 2];
            Array.Fill(theta, Math.Log(startRho), 0, d);
            theta[d + 1] = Math.Log(1e-3);
            double value = Objective(theta, scratchGradient);
            if (value < bestValue || best.Length == 0)
            {
                bestValue = value;
                best = theta;
            }
        }

        BoxLbfgs.Minimize(Objective, best, lower, upper, maxIterations, tolerance: 1e-2, relativeTolerance: 1e-6);
        return new GpRegressor(x, n, categorical, GpKernelParameters.FromLogVector(best), targets);
    }

    /// <summary>Conditions on data with fixed hyperparameters (no fitting).</summary>
    public static GpRegressor Condition(double[] x, double[] targets, bool[] categorical, GpKernelParameters parameters) =>
        new(x, targets.Length, categorical, parameters, targets);

    /// <summary>Posterior mean and variance of the latent function at one encoded point.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Predict(ReadOnlySpan<double> point, Span<double> scratch, out double mean, out double variance)
    {
        int n = Count;
        int d = Dimensions;
        double s2 = Parameters.SignalVariance;
        double[] rho = Parameters.InverseSquaredLengthscales;
        Span<double> k = scratch[..n];
        mean = 0;
        for (int i = 0; i < n; i++)
        {
            double r2 = Matern52Kernel.SquaredDistance(point, _x.AsSpan(i * d, d), rho, _categorical);
            k[i] = s2 * Matern52Kernel.Value(r2);
            mean += k[i] * _alpha[i];
        }

        _cholesky.SolveLower(k);
        double explained = 0;
        for (int i = 0; i < n; i++)
        {
            explained += k[i] * k[i];
        }

        variance = Math.Max(s2 - explained, 1e-12 * s2);
    }

    /// <summary>Mean, variance and their gradients with respect to the point (zero for categorical dimensions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void PredictWithGradient(
        ReadOnlySpan<double> point, Span<double> meanGradient, Span<double> varianceGradient, out double mean, out double variance)
    {
        int n = Count;
        int d = Dimensions;
        double s2 = Parameters.SignalVariance;
        double[] rho = Parameters.InverseSquaredLengthscales;
        var k = new double[n];
        var dk = new double[n];
        mean = 0;
        for (int i = 0; i < n; i++)
        {
            double r2 = Matern52Kernel.SquaredDistance(point, _x.AsSpan(i * d, d), rho, _categorical);
            k[i] = s2 * Matern52Kernel.ValueAndDerivative(r2, out double derivative);
            dk[i] = s2 * derivative;
            mean += k[i] * _alpha[i];
        }

        var v = (double[])k.Clone();
        _cholesky.SolveLower(v);
        double explained = 0;
        for (int i = 0; i < n; i++)
        {
            explained += v[i] * v[i];
        }

        variance = Math.Max(s2 - explained, 1e-12 * s2);
        _cholesky.SolveUpper(v);
        meanGradient.Clear();
        varianceGradient.Clear();
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> xi = _x.AsSpan(i * d, d);
            for (int j = 0; j < d; j++)
            {
                if (_categorical[j])
                {
                    continue;
                }

                double dkij = dk[i] * 2 * rho[j] * (point[j] - xi[j]);
                meanGradient[j] += _alpha[i] * dkij;
                varianceGradient[j] -= 2 * v[i] * dkij;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BuildCovariance(
        double[] x, int n, bool[] categorical, GpKernelParameters p, double[] k, double[]? derivatives)
    {
        int d = categorical.Length;
        for (int i = 0; i < n; i++)
        {
            k[(i * n) + i] = p.SignalVariance + p.NoiseVariance;
            for (int j = 0; j < i; j++)
            {
                double r2 = Matern52Kernel.SquaredDistance(x.AsSpan(i * d, d), x.AsSpan(j * d, d), p.InverseSquaredLengthscales, categorical);
                double value = p.SignalVariance * Matern52Kernel.ValueAndDerivative(r2, out double derivative);
                k[(i * n) + j] = value;
                k[(j * n) + i] = value;
                if (derivatives is not null)
                {
                    derivatives[(i * n) + j] = p.SignalVariance * derivative;
                }
            }
        }
    }

    // log p(y | θ) + log prior(θ) and its gradient in θ = [log ρ, log s², log σₙ²].
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double LogPosterior(
        double[] x,
        double[] y,
        bool[] categorical,
        ReadOnlySpan<double> theta,
        Span<double> gradient,
        double[] covariance,
        double[] derivatives,
        double[] alpha)
    {
        int n = y.Length;
        int d = categorical.Length;
        GpKernelParameters p = GpKernelParameters.FromLogVector(theta);
        BuildCovariance(x, n, categorical, p, covariance, derivatives);
        Cholesky cholesky;
        try
        {
            cholesky = Cholesky.Decompose(covariance, n);
        }
        catch (InvalidOperationException)
        {
            gradient.Clear();
            return double.NegativeInfinity;
        }

        y.CopyTo(alpha, 0);
        cholesky.Solve(alpha);
        double fit = 0;
        for (int i = 0; i < n; i++)
        {
            fit += y[i] * alpha[i];
        }

        double logLikelihood = (-0.5 * fit) - (0.5 * cholesky.LogDeterminant()) - (n * NormalMath.LogSqrtTwoPi);
        double[] inverse = cholesky.Inverse();

        // ∂/∂θ = ½ tr((ααᵀ - K⁻¹) ∂K/∂θ).
        gradient.Clear();
        double traceW = 0;
        double signalTerm = 0;
        for (int i = 0; i < n; i++)
        {
            double wii = (alpha[i] * alpha[i]) - inverse[(i * n) + i];
            traceW += wii;
            signalTerm += 0.5 * wii * p.SignalVariance;
            ReadOnlySpan<double> xi = x.AsSpan(i * d, d);
            for (int j = 0; j < i; j++)
            {
                double wij = (alpha[i] * alpha[j]) - inverse[(i * n) + j];
                double kij = covariance[(i * n) + j];
                signalTerm += wij * kij;
                double common = wij * derivatives[(i * n) + j];
                ReadOnlySpan<double> xj = x.AsSpan(j * d, d);
                for (int c = 0; c < d; c++)
                {
                    double delta = categorical[c] ? (xi[c] == xj[c] ? 0 : 1) : xi[c] - xj[c];
                    gradient[c] += common * delta * delta;
                }
            }
        }

        for (int c = 0; c < d; c++)
        {
            double rho = p.InverseSquaredLengthscales[c];
            gradient[c] = (gradient[c] * rho) + ((0.1 / rho) - (0.1 * rho));
        }

        // Priors: ρ ~ exp(-(0.1/ρ + 0.1ρ)) (lengthscales near the domain size), s² ~ Gamma(2, 1), σₙ² ~ Gamma(1.1, 30).
        double logPrior = 0;
        for (int c = 0; c < d; c++)
        {
            double rho = p.InverseSquaredLengthscales[c];
            logPrior -= (0.1 / rho) + (0.1 * rho);
        }

        logPrior += Math.Log(p.SignalVariance) - p.SignalVariance;
        logPrior += (0.1 * Math.Log(p.NoiseVariance)) - (30 * p.NoiseVariance);
        gradient[d] = signalTerm + (1 - p.SignalVariance);
        gradient[d + 1] = (0.5 * p.NoiseVariance * traceW) + (0.1 - (30 * p.NoiseVariance));
        return logLikelihood + logPrior;
    }
}
