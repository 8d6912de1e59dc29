namespace AutoDnn.Torch.Nn;

/// <summary>A module with a typed forward pass; most layers are <c>Module&lt;Tensor, Tensor&gt;</c>.</summary>
public abstract class Module<TInput, TOutput> : Module
{
    /// <summary>Computes the output (PyTorch's <c>forward</c>).</summary>
    public abstract TOutput Forward(TInput input);
}
