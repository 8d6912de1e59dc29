namespace AutoDnn.Torch.Tests.Support;

/// <summary>Compares autograd's gradients with central finite differences in float64, like torch.autograd.gradcheck.</summary>
public static class GradCheck
{
    public static void Assert(string name, Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = 1e-6, double atol = 1e-5, double rtol = 1e-3)
    {
        using var scope = LibTorch.NewScope();
        using var gen = new Generator(99);
        Tensor output = f(inputs);
        Tensor weights = Tensor.Rand(output.Shape, gen, DType.Float64);
        (output * weights).Sum().Backward();
        double[] w = weights.ToArray<double>();

        for (int k = 0; k < inputs.Length; k++)
        {
            if (!inputs[k].RequiresGrad) continue;
            Tensor? grad = inputs[k].Grad;
            Xunit.Assert.True(grad is not null, $"{name}: input {k} got no gradient");
            double[] analytic = grad!.ToArray<double>();
            double[] data = inputs[k].ToArray<double>();
            for (int j = 0; j < data.Length; j++)
            {
                double saved = data[j];
                data[j] = saved + eps;
                double plus = Weighted(f, inputs, k, data, w);
                data[j] = saved - eps;
                double minus = Weighted(f, inputs, k, data, w);
                data[j] = saved;
                double numeric = (plus - minus) / (2 * eps);
                Xunit.Assert.True(Math.Abs(analytic[j] - numeric) <= atol + rtol * Math.Abs(numeric),
                    $"{name}: d/d input{k}[{j}] autograd {analytic[j]:R} vs finite difference {numeric:R}");
            }
        }
    }

    private static double Weighted(Func<Tensor[], Tensor> f, Tensor[] inputs, int k, double[] data, double[] w)
    {
        using var scope = LibTorch.NewScope();
        using var noGrad = LibTorch.NoGrad();
        var replaced = (Tensor[])inputs.Clone();
        replaced[k] = Tensor.From<double>(data, (ReadOnlySpan<long>)inputs[k].Shape);
        double[] y = f(replaced).Contiguous().ToArray<double>();
        double s = 0;
        for (int i = 0; i < y.Length; i++) s += y[i] * w[i];
        return s;
    }
}
