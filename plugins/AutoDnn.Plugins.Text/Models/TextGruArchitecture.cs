using AutoDnn.Torch.Nn;

namespace AutoDnn.Plugins.Text.Models;

/// <summary><c>text-gru</c>: Embedding → (Bi)GRU over true lengths → last/mean/max pooling → dropout → Linear.</summary>
public sealed class TextGruArchitecture : RecurrentArchitecture
{
    public override string Name => "text-gru";

    public override string Description => "Embedding, 1-2 layer (bidirectional) GRU over the true lengths, last/mean/max pooling, dropout, Linear.";

    protected override RecurrentLayer CreateRecurrent(int inputSize, int hiddenSize, int numLayers, double dropout, bool bidirectional) =>
        new Gru(inputSize, hiddenSize, numLayers, batchFirst: true, dropout: dropout, bidirectional: bidirectional);
}
