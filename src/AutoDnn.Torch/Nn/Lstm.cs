namespace AutoDnn.Torch.Nn;

/// <summary>Long short-term memory layer(s), like <c>torch.nn.LSTM</c> (gates i, f, g, o; same parameter names).</summary>
public sealed class Lstm(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0, bool bidirectional = false)
    : RecurrentLayer(0, 4, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional)
{
    public override RnnResult Forward(Tensor input, Tensor? lengths) => Run(input, lengths, null, null);

    /// <summary>Runs from initial states h0 and c0 of shape (layers·directions, batch, hidden).</summary>
    public RnnResult Forward(Tensor input, Tensor? lengths, Tensor h0, Tensor c0) => Run(input, lengths, h0, c0);
}
