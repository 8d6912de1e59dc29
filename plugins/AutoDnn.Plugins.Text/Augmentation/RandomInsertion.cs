using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Text.Augmentation;

/// <summary>
/// <c>random-insertion</c>: inserts max(1, ⌊p·n⌋) copies of random tokens of the same text at random positions
/// (p &gt; 0), as far as the row has padding to grow into; a full row is left as it is.
/// </summary>
public sealed class RandomInsertion : IAugmenter
{
    public string Name => "random-insertion";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.TextClassification;

    public string Description => "Inserts max(1, floor(p·n)) copies of in-text tokens at random positions, p searched.";

    public IBatchTransform Configure(ITrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return new Transform(trial.SuggestFloat("random-insertion.p", 0.0, 0.3));
    }

    /// <summary>The transform for a given share of insertions per token.</summary>
    public static IBatchTransform Create(double p) =>
        p is >= 0 and <= 1 ? new Transform(p) : throw new ArgumentOutOfRangeException(nameof(p), p, "random-insertion.p must lie in [0, 1]");

    private sealed class Transform(double p) : IBatchTransform
    {
        public Tensor Apply(Tensor batch, Generator generator)
        {
            TokenBatch tokens = TokenBatch.From(batch, "random-insertion");
            double[][] draws = tokens.Uniforms(generator, 2 * tokens.Columns);
            for (int row = 0; row < tokens.Rows; row++)
            {
                List<long> text = tokens.Text(row);
                int length = text.Count;
                if (length == 0 || p == 0) continue;
                int insertions = Math.Min(Math.Max(1, (int)(p * length)), tokens.Columns - length);
                for (int s = 0; s < insertions; s++)
                {
                    long token = text[TokenBatch.Pick(draws[row][2 * s], text.Count)];
                    text.Insert(TokenBatch.Pick(draws[row][2 * s + 1], text.Count + 1), token);
                }
                tokens.Write(row, text, length);
            }
            return tokens.ToTensor();
        }
    }
}
