using AutoDnn.Plugins.Text.Tokenization;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Plugins.Text.Models;

/// <summary>
/// Embedding (padding id 0) → LSTM or GRU over each text's true length → pooling → dropout → Linear: maps int64 token ids
/// [batch, length], padded with 0 at the end, to class logits [batch, classes]. An all-padding row yields the bias.
/// </summary>
public sealed class RecurrentTextClassifier : Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly RecurrentLayer recurrent;
    private readonly Dropout dropout;
    private readonly Linear classifier;

    /// <summary>Builds the layers; <paramref name="recurrent"/> must be batch-first with input size <paramref name="embeddingDim"/>.</summary>
    public RecurrentTextClassifier(long vocabularySize, long embeddingDim, RecurrentLayer recurrent, SequencePooling pooling, double dropout, int classes)
    {
        ArgumentNullException.ThrowIfNull(recurrent);
        if (!recurrent.BatchFirst) throw new ArgumentException("the recurrent layer must be batch-first", nameof(recurrent));
        if (recurrent.InputSize != embeddingDim)
            throw new ArgumentException($"the recurrent layer takes {recurrent.InputSize} features but the embedding has {embeddingDim}", nameof(recurrent));
        Pooling = pooling;
        embedding = RegisterModule("embedding", new Embedding(vocabularySize, embeddingDim, Vocabulary.PadId));
        this.recurrent = RegisterModule("rnn", recurrent);
        this.dropout = RegisterModule("dropout", new Dropout(dropout));
        long features = recurrent.HiddenSize * (recurrent.Bidirectional ? 2 : 1);
        classifier = RegisterModule("classifier", new Linear(features, classes));
    }

    public SequencePooling Pooling { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Dim != 2 || input.DType != DType.Int64)
            throw new ArgumentException($"{TypeName} expects int64 token ids [batch, length], got {input}", nameof(input));
        long steps = input.Size(1);
        Tensor lengths = input.Ne(Vocabulary.PadId).Sum(1);             // padding sits at the end: real tokens = non-zero ids
        Tensor hasTokens = lengths.Gt(0).Unsqueeze(1);                  // [B, 1]
        Tensor runLengths = lengths.Clamp(min: 1);                       // packing needs >= 1; a padding row runs one zero step
        RnnResult result = recurrent.Forward(embedding.Forward(input), runLengths);
        Tensor pooled = Pooling switch
        {
            SequencePooling.Last => LastHidden(result.HiddenState),
            SequencePooling.Mean => result.Output.Sum(1) / runLengths.Unsqueeze(1).To(result.Output.DType),
            _ => MaxOverRealSteps(result.Output, runLengths, steps),
        };
        // An all-padding row pools to zeros (finite, input-independent) rather than the output of a dummy step.
        pooled = pooled * hasTokens.To(pooled.DType);
        return classifier.Forward(dropout.Forward(pooled));
    }

    // h_n is [layers·directions, B, H] with the last layer's directions last; concatenate them.
    private Tensor LastHidden(Tensor hidden)
    {
        long directions = recurrent.Bidirectional ? 2 : 1;
        long first = (recurrent.NumLayers - 1) * directions;
        return directions == 1
            ? hidden.Select(0, first)
            : Tensor.Cat([hidden.Select(0, first), hidden.Select(0, first + 1)], 1);
    }

    private static Tensor MaxOverRealSteps(Tensor output, Tensor runLengths, long steps)
    {
        Tensor positions = Tensor.Arange(steps, DType.Int64, output.Device).Unsqueeze(0);   // [1, L]
        Tensor beyond = positions.Ge(runLengths.Unsqueeze(1)).Unsqueeze(2);                 // [B, L, 1]
        return output.MaskedFill(beyond, double.NegativeInfinity).Max(1).Values;
    }
}
