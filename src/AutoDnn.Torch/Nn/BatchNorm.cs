namespace AutoDnn.Torch.Nn;

/// <summary>Batch normalisation shared by <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/> (PyTorch's <c>_BatchNorm</c>).</summary>
public abstract class BatchNorm : Module<Tensor, Tensor>
{
    private readonly int[] acceptedDims;

    protected BatchNorm(long numFeatures, double eps, double? momentum, bool affine, bool trackRunningStats, int[] acceptedDims)
    {
        if (numFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(numFeatures), $"{GetType().Name}({numFeatures}): feature count must be positive");
        this.acceptedDims = acceptedDims;
        (NumFeatures, Eps, Momentum, TrackRunningStats) = (numFeatures, eps, momentum, trackRunningStats);
        RegisterParameter("weight", affine ? Tensor.Ones(numFeatures) : null);
        RegisterParameter("bias", affine ? Tensor.Zeros(numFeatures) : null);
        if (!trackRunningStats) return;
        RegisterBuffer("running_mean", Tensor.Zeros(numFeatures));
        RegisterBuffer("running_var", Tensor.Ones(numFeatures));
        RegisterBuffer("num_batches_tracked", Tensor.Zeros([], DType.Int64));
    }

    public long NumFeatures { get; }
    public double Eps { get; }

    /// <summary>Weight of each new batch in the running statistics; null means a cumulative average.</summary>
    public double? Momentum { get; }
    public bool TrackRunningStats { get; }

    public override Tensor Forward(Tensor input)
    {
        if (!acceptedDims.Contains(input.Dim))
            throw new ArgumentException($"{GetType().Name} expects a {string.Join("-d or ", acceptedDims)}-d input, got {input}", nameof(input));
        double factor = Momentum ?? 0;
        if (IsTraining && TrackRunningStats)
        {
            Tensor tracked = Buffer("num_batches_tracked");
            using (LibTorch.NoGrad())
            using (LibTorch.NewScope())
                tracked.CopyInPlace(tracked + 1L);
            if (Momentum is null) factor = 1.0 / tracked.ItemInt64();
        }
        bool useBatchStats = IsTraining || !TrackRunningStats;
        return Functional.BatchNorm(input,
            TrackRunningStats ? Buffer("running_mean") : null, TrackRunningStats ? Buffer("running_var") : null,
            OptionalParameter("weight"), OptionalParameter("bias"), useBatchStats, factor, Eps);
    }
}
