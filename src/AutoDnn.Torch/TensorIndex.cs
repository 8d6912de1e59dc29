namespace AutoDnn.Torch;

/// <summary>One entry of a tensor index, as in Python's <c>t[0, 1:3, ..., None, mask]</c>.</summary>
public readonly struct TensorIndex
{
    internal enum IndexKind { Single, Slice, Ellipsis, NewAxis, Tensor }

    private TensorIndex(IndexKind kind, long single = 0, long? start = null, long? stop = null, long step = 1, Tensor? tensor = null)
    {
        Kind = kind;
        SingleIndex = single;
        Start = start;
        Stop = stop;
        Step = step;
        Tensor = tensor;
    }

    internal IndexKind Kind { get; }
    internal long SingleIndex { get; }
    internal long? Start { get; }
    internal long? Stop { get; }
    internal long Step { get; }
    internal Tensor? Tensor { get; }

    /// <summary>Python's <c>...</c>: as many full slices as needed.</summary>
    public static TensorIndex Ellipsis { get; } = new(IndexKind.Ellipsis);

    /// <summary>Python's <c>None</c>: inserts a dimension of size 1.</summary>
    public static TensorIndex NewAxis { get; } = new(IndexKind.NewAxis);

    /// <summary>Python's <c>start:stop:step</c>; negative bounds count from the end.</summary>
    public static TensorIndex Slice(long? start = null, long? stop = null, long step = 1) =>
        step <= 0 ? throw new ArgumentOutOfRangeException(nameof(step), "slice step must be positive (as in PyTorch)")
                  : new(IndexKind.Slice, start: start, stop: stop, step: step);

    public static TensorIndex Single(long index) => new(IndexKind.Single, single: index);

    public static implicit operator TensorIndex(long index) => Single(index);

    public static implicit operator TensorIndex(int index) => Single(index);

    /// <summary>A C# index: <c>^1</c> is the last element (PyTorch's -1).</summary>
    public static implicit operator TensorIndex(Index index) =>
        Single(index.IsFromEnd ? -index.Value : index.Value);

    /// <summary>A C# range: <c>1..3</c>, <c>..^1</c>, <c>..</c> (from-end indices become negative bounds).</summary>
    public static implicit operator TensorIndex(Range range) =>
        Slice(BoundOf(range.Start, isStart: true), BoundOf(range.End, isStart: false));

    /// <summary>An integer index tensor or a boolean mask.</summary>
    public static implicit operator TensorIndex(Tensor tensor) => new(IndexKind.Tensor, tensor: tensor);

    private static long? BoundOf(Index index, bool isStart)
    {
        if (!index.IsFromEnd) return isStart && index.Value == 0 ? null : index.Value;
        return index.Value == 0 ? (isStart ? long.MaxValue : null) : -index.Value;
    }
}
