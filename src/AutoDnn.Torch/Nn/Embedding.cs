namespace AutoDnn.Torch.Nn;

/// <summary>Lookup table of learned vectors, like <c>torch.nn.Embedding</c>; the padding row starts at zero and gets no gradient.</summary>
public sealed class Embedding : Module<Tensor, Tensor>
{
    public Embedding(long numEmbeddings, long embeddingDim, long? paddingIdx = null)
    {
        if (numEmbeddings <= 0 || embeddingDim <= 0)
            throw new ArgumentOutOfRangeException(nameof(numEmbeddings), $"Embedding({numEmbeddings}, {embeddingDim}): sizes must be positive");
        if (paddingIdx is { } p)
        {
            if (p < -numEmbeddings || p >= numEmbeddings)
                throw new ArgumentOutOfRangeException(nameof(paddingIdx), $"Embedding({numEmbeddings}, {embeddingDim}): paddingIdx {p} must be within the table");
            paddingIdx = p < 0 ? p + numEmbeddings : p;
        }
        (NumEmbeddings, EmbeddingDim, PaddingIdx) = (numEmbeddings, embeddingDim, paddingIdx);
        Tensor w = RegisterParameter("weight", Tensor.Zeros(numEmbeddings, embeddingDim))!;
        Init.Normal(w);
        if (paddingIdx is { } row)
            using (LibTorch.NoGrad())
            using (LibTorch.NewScope())
                w.Select(0, row).FillInPlace(0);
    }

    public long NumEmbeddings { get; }
    public long EmbeddingDim { get; }
    public long? PaddingIdx { get; }
    public Tensor Weight => Parameter("weight");

    public override Tensor Forward(Tensor input) => Functional.Embedding(input, Weight, PaddingIdx);
}
