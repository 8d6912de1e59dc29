namespace AutoDnn.Torch.Nn;

/// <summary>Batch normalisation over (N, C, H, W), like <c>torch.nn.BatchNorm2d</c>.</summary>
public sealed class BatchNorm2d(long numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true)
    : BatchNorm(numFeatures, eps, momentum, affine, trackRunningStats, [4]);
