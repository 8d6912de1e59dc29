using AutoDnn.Plugins.Text.Tokenization;

namespace AutoDnn.Plugins.Text.Datasets;

/// <summary>
/// The vocabularies of the text sources open in this process. Augmenters see only token ids (the contract gives them
/// no data source), so the ones that need words — synonym replacement — look the vocabulary up here.
/// </summary>
internal static class OpenVocabularies
{
    private static readonly Lock Gate = new();
    private static readonly List<TextDataSource> Open = [];

    public static void Register(TextDataSource source)
    {
        lock (Gate) Open.Add(source);
    }

    public static void Unregister(TextDataSource source)
    {
        lock (Gate) Open.Remove(source);
    }

    /// <summary>The one vocabulary every open text source shares; an error when none is open or they differ.</summary>
    public static Vocabulary Single(string who)
    {
        lock (Gate)
        {
            if (Open.Count == 0)
                throw new InvalidOperationException($"{who}: no text dataset is open; the synonyms are words and need the dataset's vocabulary to map them to token ids (open the dataset first)");
            Vocabulary first = Open[0].Vocab;
            if (Open.Any(s => !s.Vocab.Tokens.SequenceEqual(first.Tokens, StringComparer.Ordinal)))
                throw new InvalidOperationException($"{who}: {Open.Count} text datasets with different vocabularies are open; synonym replacement needs exactly one");
            return first;
        }
    }
}
