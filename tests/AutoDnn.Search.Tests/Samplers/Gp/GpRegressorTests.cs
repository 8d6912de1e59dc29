using AutoDnn.Search.Samplers.Gp;

namespace AutoDnn.Search.Tests.Samplers.Gp;

public sealed class GpRegressorTests
{
    [Fact]
    public void Fitted_lengthscales_single_out_the_relevant_dimension()
    {
        var random = new Random(4);
        const int n = 40;
        var x = new double[n * 2];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[2 * i] = random.NextDouble();
            x[(2 * i) + 1] = random.NextDouble();
            y[i] = Math.Sin(6 * x[2 * i]);
        }

        GpTargets.Standardize(y);
        GpRegressor model = GpRegressor.Fit(x, y, [false, false]);
        double[] rho = model.Parameters.InverseSquaredLengthscales;

        Assert.True(rho[0] > 10 * rho[1], $"relevance of x0 = {rho[0]}, of x1 = {rho[1]}");
        model.Predict(x.AsSpan(0, 2), new double[n], out double mean, out double variance);
        Assert.Equal(y[0], mean, 0.05);
        Assert.True(variance < 0.01);
    }

    [Fact]
    public void Gradient_of_the_prediction_matches_finite_differences()
    {
        var random = new Random(5);
        const int n = 15;
        var x = Enumerable.Range(0, n * 3).Select(i => i % 3 == 2 ? (double)random.Next(3) : random.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(i => x[3 * i] - (2 * x[(3 * i) + 1]) + x[(3 * i) + 2]).ToArray();
        GpTargets.Standardize(y);
        bool[] categorical = [false, false, true];
        GpRegressor model = GpRegressor.Condition(x, y, categorical, new GpKernelParameters([2, 3, 1], 1.5, 1e-4));
        double[] point = [0.3, 0.6, 1];
        var meanGradient = new double[3];
        var varianceGradient = new double[3];
        model.PredictWithGradient(point, meanGradient, varianceGradient, out _, out _);

        var scratch = new double[n];
        for (int j = 0; j < 2; j++)
        {
            double[] up = (double[])point.Clone();
            double[] down = (double[])point.Clone();
            up[j] += 1e-6;
            down[j] -= 1e-6;
            model.Predict(up, scratch, out double meanUp, out double varUp);
            model.Predict(down, scratch, out double meanDown, out double varDown);
            Assert.Equal((meanUp - meanDown) / 2e-6, meanGradient[j], 1e-5);
            Assert.Equal((varUp - varDown) / 2e-6, varianceGradient[j], 1e-5);
        }

        Assert.Equal(0, meanGradient[2]);
    }
}
