using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Text.Augmentation;

/// <summary><c>random-deletion</c> (EDA): drops each token with probability p, keeping at least one; the text shifts left.</summary>
public sealed class RandomDeletion : IAugmenter
{
    public string Name => "random-deletion";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.TextClassification;

    public string Description => "Deletes each token with a searched probability p (a text keeps at least one token).";

    public IBatchTransform Configure(ITrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return new Transform(trial.SuggestFloat("random-deletion.p", 0.0, 0.3));
    }

    /// <summary>The transform for a given probability.</summary>
    public static IBatchTransform Create(double p) =>
        p is >= 0 and <= 1 ? new Transform(p) : throw new ArgumentOutOfRangeException(nameof(p), p, "random-deletion.p must lie in [0, 1]");

    private sealed class Transform(double p) : IBatchTransform
    {
        public Tensor Apply(Tensor batch, Generator generator)
        {
            TokenBatch tokens = TokenBatch.From(batch, "random-deletion");
            double[][] draws = tokens.Uniforms(generator, tokens.Columns + 1);
            for (int row = 0; row < tokens.Rows; row++)
            {
                List<long> text = tokens.Text(row);
                if (text.Count < 2) continue;
                var kept = new List<long>(text.Count);
                for (int i = 0; i < text.Count; i++)
                    if (draws[row][i] >= p) kept.Add(text[i]);
                if (kept.Count == 0) kept.Add(text[TokenBatch.Pick(draws[row][tokens.Columns], text.Count)]);
                tokens.Write(row, kept, text.Count);
            }
            return tokens.ToTensor();
        }
    }
}
