namespace AutoDnn.Torch.Optim;

/// <summary>Adam with decoupled weight decay (parameters shrink by lr·weightDecay each step), like <c>torch.optim.AdamW</c>.</summary>
public sealed class AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8, double weightDecay = 1e-2, bool amsgrad = false, bool maximize = false)
    : Adam(2, parameters, lr, betas ?? (0.9, 0.999), eps, weightDecay, amsgrad, maximize);
