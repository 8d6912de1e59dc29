namespace AutoDnn.Training.Baselines;

/// <summary>How a bag-of-words baseline weighs a token in a text.</summary>
public enum BagOfWordsFeatures
{
    /// <summary>How often the token occurs in the text.</summary>
    Counts,

    /// <summary>scikit-learn's TfidfVectorizer defaults: count · (ln((1 + n) / (1 + df)) + 1), each row scaled to unit L2 norm.</summary>
    TfIdf,
}
