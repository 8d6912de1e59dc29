using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Text.Augmentation;

/// <summary><c>random-swap</c> (EDA): swaps max(1, ⌊p·n⌋) random pairs of positions in each text of n ≥ 2 tokens (p &gt; 0).</summary>
public sealed class RandomSwap : IAugmenter
{
    public string Name => "random-swap";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.TextClassification;

    public string Description => "Swaps max(1, floor(p·n)) random token pairs in each text of n tokens, p searched.";

    public IBatchTransform Configure(ITrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return new Transform(trial.SuggestFloat("random-swap.p", 0.0, 0.3));
    }

    /// <summary>The transform for a given share of swaps per token.</summary>
    public static IBatchTransform Create(double p) =>
        p is >= 0 and <= 1 ? new Transform(p) : throw new ArgumentOutOfRangeException(nameof(p), p, "random-swap.p must lie in [0, 1]");

    private sealed class Transform(double p) : IBatchTransform
    {
        public Tensor Apply(Tensor batch, Generator generator)
        {
            TokenBatch tokens = TokenBatch.From(batch, "random-swap");
            double[][] draws = tokens.Uniforms(generator, 2 * tokens.Columns);
            for (int row = 0; row < tokens.Rows; row++)
            {
                List<long> text = tokens.Text(row);
                if (text.Count < 2 || p == 0) continue;
                int swaps = Math.Max(1, (int)(p * text.Count));
                for (int s = 0; s < swaps; s++)
                {
                    int a = TokenBatch.Pick(draws[row][2 * s], text.Count);
                    int b = TokenBatch.Pick(draws[row][2 * s + 1], text.Count);
                    (text[a], text[b]) = (text[b], text[a]);
                }
                tokens.Write(row, text, text.Count);
            }
            return tokens.ToTensor();
        }
    }
}
