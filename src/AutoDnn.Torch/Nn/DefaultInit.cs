namespace AutoDnn.Torch.Nn;

/// <summary>PyTorch's default parameter initialisation of linear and convolution layers.</summary>
internal static class DefaultInit
{
    /// <summary>kaiming_uniform_(weight, a=√5), then bias ~ U(−1/√fan_in, 1/√fan_in) — same draws, same order as PyTorch.</summary>
    public static void KaimingWithBias(Tensor weight, Tensor? bias)
    {
        Init.KaimingUniform(weight, a: Math.Sqrt(5));
        if (bias is null) return;
        long fanIn = Init.CalculateFanInAndFanOut(weight).FanIn;
        double bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        Init.Uniform(bias, -bound, bound);
    }
}
