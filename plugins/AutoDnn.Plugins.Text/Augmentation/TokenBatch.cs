using AutoDnn.Plugins.Text.Tokenization;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Text.Augmentation;

/// <summary>
/// A batch of token ids [B, L] copied to .NET for per-row edits. A row's text is everything before its first padding
/// id; edits only rewrite those positions (and the padding freed by shortening), so padding stays at the end.
/// </summary>
internal sealed class TokenBatch
{
    private readonly long[] ids;
    private readonly Device device;

    private TokenBatch(long[] ids, int rows, int columns, Device device) => (this.ids, Rows, Columns, this.device) = (ids, rows, columns, device);

    public int Rows { get; }

    public int Columns { get; }

    public static TokenBatch From(Tensor batch, string who)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Dim != 2 || batch.DType != DType.Int64)
            throw new ArgumentException($"{who}: expects a batch of int64 token ids [batch, length], got {batch}", nameof(batch));
        long[] shape = batch.Shape;
        return new TokenBatch(batch.ToArray<long>(), checked((int)shape[0]), checked((int)shape[1]), batch.Device);
    }

    /// <summary>The tokens of row <paramref name="row"/> before its first padding id.</summary>
    public List<long> Text(int row)
    {
        var text = new List<long>(Columns);
        for (int c = 0; c < Columns; c++)
        {
            long id = ids[row * Columns + c];
            if (id == Vocabulary.PadId) break;
            text.Add(id);
        }
        return text;
    }

    /// <summary>Writes <paramref name="text"/> at the start of row <paramref name="row"/>, padding up to the old text's end.</summary>
    public void Write(int row, List<long> text, int oldLength)
    {
        if (text.Count > Columns) throw new InvalidOperationException($"a row holds {Columns} tokens, the edit made {text.Count}");
        for (int c = 0; c < Math.Max(oldLength, text.Count); c++)
            ids[row * Columns + c] = c < text.Count ? text[c] : Vocabulary.PadId;
    }

    public Tensor ToTensor() => Tensor.From<long>(ids, [Rows, Columns], device);

    /// <summary>Uniform draws in [0, 1): <paramref name="perRow"/> for each row, all from <paramref name="generator"/>.</summary>
    public double[][] Uniforms(Generator generator, int perRow)
    {
        ArgumentNullException.ThrowIfNull(generator);
        using var scope = LibTorch.NewScope();
        double[] flat = Tensor.Rand([Rows, perRow], generator, DType.Float64).ToArray<double>();
        return Enumerable.Range(0, Rows).Select(r => flat.AsSpan(r * perRow, perRow).ToArray()).ToArray();
    }

    /// <summary>An index in [0, count) from a uniform draw.</summary>
    public static int Pick(double uniform, int count) => Math.Min(count - 1, (int)(uniform * count));
}
