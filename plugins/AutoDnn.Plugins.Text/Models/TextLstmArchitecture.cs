using AutoDnn.Torch.Nn;

namespace AutoDnn.Plugins.Text.Models;

/// <summary><c>text-lstm</c>: Embedding → (Bi)LSTM over true lengths → last/mean/max pooling → dropout → Linear.</summary>
public sealed class TextLstmArchitecture : RecurrentArchitecture
{
    public override string Name => "text-lstm";

    public override string Description => "Embedding, 1-2 layer (bidirectional) LSTM over the true lengths, last/mean/max pooling, dropout, Linear.";

    protected override RecurrentLayer CreateRecurrent(int inputSize, int hiddenSize, int numLayers, double dropout, bool bidirectional) =>
        new Lstm(inputSize, hiddenSize, numLayers, batchFirst: true, dropout: dropout, bidirectional: bidirectional);
}
