namespace AutoDnn.Torch.Nn;

/// <summary>Flattens dimensions <c>startDim..endDim</c> into one, like <c>torch.nn.Flatten</c> (default keeps the batch).</summary>
public sealed class Flatten(long startDim = 1, long endDim = -1) : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => input.Flatten(startDim, endDim);
}
