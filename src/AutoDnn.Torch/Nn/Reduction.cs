namespace AutoDnn.Torch.Nn;

/// <summary>How a loss combines per-element values; values equal libtorch's <c>at::Reduction</c>.</summary>
public enum Reduction
{
    None = 0,
    Mean = 1,
    Sum = 2,
}
