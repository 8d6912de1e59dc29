namespace AutoDnn.Torch.Nn;

/// <summary>Gated recurrent unit layer(s), like <c>torch.nn.GRU</c> (gates r, z, n; same parameter names).</summary>
public sealed class Gru(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0, bool bidirectional = false)
    : RecurrentLayer(1, 3, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional)
{
    public override RnnResult Forward(Tensor input, Tensor? lengths) => Run(input, lengths, null, null);

    /// <summary>Runs from initial state h0 of shape (layers·directions, batch, hidden).</summary>
    public RnnResult Forward(Tensor input, Tensor? lengths, Tensor h0) => Run(input, lengths, h0, null);
}
