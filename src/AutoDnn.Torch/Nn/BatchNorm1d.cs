namespace AutoDnn.Torch.Nn;

/// <summary>Batch normalisation over (N, C) or (N, C, L), like <c>torch.nn.BatchNorm1d</c>.</summary>
public sealed class BatchNorm1d(long numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true)
    : BatchNorm(numFeatures, eps, momentum, affine, trackRunningStats, [2, 3]);
