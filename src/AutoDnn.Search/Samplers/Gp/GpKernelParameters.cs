namespace AutoDnn.Search.Samplers.Gp;

/// <summary>Hyperparameters of the Matérn-5/2 ARD kernel: inverse squared lengthscales, signal variance and noise variance.</summary>
internal sealed record GpKernelParameters(double[] InverseSquaredLengthscales, double SignalVariance, double NoiseVariance)
{
    /// <summary>The log-space vector [log ρ₁ … log ρ_d, log s², log σₙ²] the marginal-likelihood fit works on.</summary>
    public double[] ToLogVector()
    {
        int d = InverseSquaredLengthscales.Length;
        var theta = new double[d + 2];
        for (int i = 0; i < d; i++)
        {
            theta[i] = Math.Log(InverseSquaredLengthscales[i]);
        }

        theta[d] = Math.Log(SignalVariance);
        theta[d + 1] = Math.Log(NoiseVariance);
        return theta;
    }

    public static GpKernelParameters FromLogVector(ReadOnlySpan<double> theta)
    {
        int d = theta.Length - 2;
        var rho = new double[d];
        for (int i = 0; i < d; i++)
        {
            rho[i] = Math.Exp(theta[i]);
        }

        return new GpKernelParameters(rho, Math.Exp(theta[d]), Math.Exp(theta[d + 1]));
    }
}
