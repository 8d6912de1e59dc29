using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch.Optim;

/// <summary>Gradient clipping, like <c>torch.nn.utils.clip_grad_norm_</c>.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales the gradients of <paramref name="parameters"/> in place so that their joint <paramref name="normType"/>-norm
    /// is at most <paramref name="maxNorm"/> (use <see cref="double.PositiveInfinity"/> for the max norm); returns the norm before clipping.
    /// </summary>
    public static unsafe double ClipGradNorm(IEnumerable<Tensor> parameters, double maxNorm, double normType = 2)
    {
        if (!(maxNorm >= 0)) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "ClipGradNorm: maxNorm must be non-negative");
        if (!(normType > 0)) throw new ArgumentOutOfRangeException(nameof(normType), normType, "ClipGradNorm: normType must be positive");
        Tensor[] ps = parameters.ToArray();
        var raw = new IntPtr[ps.Length];
        for (int i = 0; i < ps.Length; i++) raw[i] = ps[i].Handle;
        int status;
        double total;
        fixed (IntPtr* p = raw) status = NativeMethods.adt_optim_clip_grad_norm(p, raw.Length, maxNorm, normType, out total);
        GC.KeepAlive(ps);
        NativeMethods.Check(status);
        return total;
    }
}
