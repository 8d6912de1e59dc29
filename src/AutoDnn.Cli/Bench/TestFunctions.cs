using AutoDnn.Abstractions.Search;

namespace AutoDnn.Cli.Bench;

/// <summary>
/// The six minimization problems of ../shared/peers/optuna_baseline.py with the same definitions, domains, parameter
/// names and known minima: branin, hartmann6, rosenbrock4, ackley5, levy5, mixed4.
/// </summary>
internal static class TestFunctions
{
    private static readonly double[] HartmannAlpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] HartmannA =
    {
        { 10, 3, 17, 3.5, 1.7, 8 },
        { 0.05, 10, 17, 0.1, 8, 14 },
        { 3, 3.5, 1.7, 10, 17, 8 },
        { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] HartmannP =
    {
        { 1312e-4, 1696e-4, 5569e-4, 124e-4, 8283e-4, 5886e-4 },
        { 2329e-4, 4135e-4, 8307e-4, 3736e-4, 1004e-4, 9991e-4 },
        { 2348e-4, 1451e-4, 3522e-4, 2883e-4, 3047e-4, 6650e-4 },
        { 4047e-4, 8828e-4, 8732e-4, 5743e-4, 1091e-4, 381e-4 },
    };

    /// <summary>red, green, blue, black: the categorical of mixed4, with its additive offsets.</summary>
    private static readonly string[] Colors = ["red", "green", "blue", "black"];
    private static readonly double[] ColorOffsets = [1.0, 0.0, 0.5, 2.0];

    /// <summary>All six, in the order of the Optuna script.</summary>
    public static IReadOnlyList<TestFunction> All { get; } =
    [
        new("branin", Box(("x0", -5.0, 10.0), ("x1", 0.0, 15.0)), Branin, 5.0 / (4.0 * Math.PI), [Math.PI, 2.275]),
        new("hartmann6", Cube(6, 0.0, 1.0), Hartmann6, -3.32236801141551,
            [0.20168952, 0.15001069, 0.47687398, 0.27533243, 0.31165162, 0.65730054]),
        new("rosenbrock4", Cube(4, -5.0, 10.0), Rosenbrock, 0.0, [1.0, 1.0, 1.0, 1.0]),
        new("ackley5", Cube(5, -32.768, 32.768), Ackley, 0.0, [0, 0, 0, 0, 0]),
        new("levy5", Cube(5, -10.0, 10.0), Levy, 0.0, [1, 1, 1, 1, 1]),
        new("mixed4",
            [
                ("x1", new FloatDistribution(-5.0, 5.0)),
                ("x2", new FloatDistribution(-5.0, 5.0)),
                ("n", new IntDistribution(0, 10)),
                ("c", new CategoricalDistribution(Colors)),
            ],
            Mixed, 0.0, [1.5, -0.5, 7, 1]),
    ];

    public static double Branin(double[] x)
    {
        double a = 1.0, b = 5.1 / (4 * Math.PI * Math.PI), c = 5.0 / Math.PI, r = 6.0, s = 10.0, t = 1.0 / (8 * Math.PI);
        double u = x[1] - (b * x[0] * x[0]) + (c * x[0]) - r;
        return (a * u * u) + (s * (1 - t) * Math.Cos(x[0])) + s;
    }

    public static double Hartmann6(double[] x)
    {
        double sum = 0;
        for (int i = 0; i < 4; i++)
        {
            double inner = 0;
            for (int j = 0; j < 6; j++)
            {
                double d = x[j] - HartmannP[i, j];
                inner += HartmannA[i, j] * d * d;
            }

            sum += HartmannAlpha[i] * Math.Exp(-inner);
        }

        return -sum;
    }

    public static double Rosenbrock(double[] x)
    {
        double sum = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = x[i + 1] - (x[i] * x[i]), b = 1 - x[i];
            sum += (100.0 * a * a) + (b * b);
        }

        return sum;
    }

    public static double Ackley(double[] x)
    {
        double d = x.Length, squares = x.Sum(v => v * v), cosines = x.Sum(v => Math.Cos(2 * Math.PI * v));
        return (-20.0 * Math.Exp(-0.2 * Math.Sqrt(squares / d))) - Math.Exp(cosines / d) + 20.0 + Math.E;
    }

    public static double Levy(double[] x)
    {
        double[] w = x.Select(v => 1 + ((v - 1) / 4)).ToArray();
        double first = Math.Pow(Math.Sin(Math.PI * w[0]), 2);
        double last = Math.Pow(w[^1] - 1, 2) * (1 + Math.Pow(Math.Sin(2 * Math.PI * w[^1]), 2));
        double middle = 0;
        for (int i = 0; i + 1 < w.Length; i++)
        {
            middle += Math.Pow(w[i] - 1, 2) * (1 + (10 * Math.Pow(Math.Sin((Math.PI * w[i]) + 1), 2)));
        }

        return first + middle + last;
    }

    /// <summary>x = (x1, x2, n, index of c in red, green, blue, black).</summary>
    public static double Mixed(double[] x) =>
        Math.Pow(x[0] - 1.5, 2) + Math.Pow(x[1] + 0.5, 2) + (0.25 * Math.Pow(x[2] - 7, 2)) + ColorOffsets[(int)x[3]];

    private static (string, Distribution)[] Box(params (string Name, double Low, double High)[] dims) =>
        dims.Select(d => (d.Name, (Distribution)new FloatDistribution(d.Low, d.High))).ToArray();

    private static (string, Distribution)[] Cube(int d, double low, double high) =>
        Enumerable.Range(0, d).Select(i => ($"x{i}", (Distribution)new FloatDistribution(low, high))).ToArray();
}
