using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Plugins.Text.Datasets;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Text.Augmentation;

/// <summary>
/// <c>synonym-replacement</c> (EDA): replaces each token that has a synonym with probability p by a random synonym. The
/// synonyms come from the file named by AUTODNN_SYNONYMS (else ~/.local/share/autodnn/synonyms.txt) and are mapped to ids
/// with the vocabulary of the open text dataset.
/// </summary>
public sealed class SynonymReplacement : IAugmenter
{
    public string Name => "synonym-replacement";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.TextClassification;

    public string Description => "Replaces tokens by random synonyms (file from AUTODNN_SYNONYMS) with a searched probability p.";

    public IBatchTransform Configure(ITrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        SynonymTable table = SynonymTable.Locate();
        var ids = table.ToIds(OpenVocabularies.Single(Name));
        return new Transform(trial.SuggestFloat("synonym-replacement.p", 0.0, 0.3), ids);
    }

    /// <summary>The transform for a given probability and synonym ids (token id → ids it may become).</summary>
    public static IBatchTransform Create(double p, IReadOnlyDictionary<long, long[]> synonymIds)
    {
        ArgumentNullException.ThrowIfNull(synonymIds);
        return p is >= 0 and <= 1 ? new Transform(p, synonymIds) : throw new ArgumentOutOfRangeException(nameof(p), p, "synonym-replacement.p must lie in [0, 1]");
    }

    private sealed class Transform(double p, IReadOnlyDictionary<long, long[]> synonymIds) : IBatchTransform
    {
        public Tensor Apply(Tensor batch, Generator generator)
        {
            TokenBatch tokens = TokenBatch.From(batch, "synonym-replacement");
            double[][] draws = tokens.Uniforms(generator, 2 * tokens.Columns);
            for (int row = 0; row < tokens.Rows; row++)
            {
                List<long> text = tokens.Text(row);
                for (int i = 0; i < text.Count; i++)
                    if (synonymIds.TryGetValue(text[i], out long[]? choices) && draws[row][2 * i] < p)
                        text[i] = choices[TokenBatch.Pick(draws[row][2 * i + 1], choices.Length)];
                tokens.Write(row, text, text.Count);
            }
            return tokens.ToTensor();
        }
    }
}
