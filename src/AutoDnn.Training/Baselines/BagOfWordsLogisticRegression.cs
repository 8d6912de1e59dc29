using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;
using AutoDnn.Torch.Optim;
using AutoDnn.Training.Metrics;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Training.Baselines;

/// <summary>
/// Multinomial logistic regression on bag-of-words features (token counts or tf-idf over the vocabulary, padding
/// excluded), fitted on a training split with mini-batch Adam and an L2 penalty — the linear text baseline.
/// </summary>
public sealed class BagOfWordsLogisticRegression
{
    public const string Name = "bow-logistic-regression";

    private readonly BagOfWordsOptions options;
    private float[]? weights;   // [vocabulary, classes], row-major
    private float[]? bias;      // [classes]
    private double[]? idf;      // [vocabulary], only for tf-idf
    private int vocabularySize;
    private int classes;

    public BagOfWordsLogisticRegression(BagOfWordsOptions? options = null)
    {
        this.options = options ?? new BagOfWordsOptions();
        this.options.Validate();
    }

    /// <summary>Mean training loss (cross-entropy plus the L2 term) of the first and of the last epoch.</summary>
    public (double First, double Last) TrainingLoss { get; private set; }

    /// <summary>Fits on <see cref="IDataSource.Train"/> and evaluates on <see cref="IDataSource.Test"/> (required).</summary>
    public BaselineResult Evaluate(IDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        IExampleSet test = ExampleSets.RequireTest(source, Name);
        int size = source.Vocabulary?.Count
            ?? throw new ArgumentException($"{Name}: the data source has no vocabulary; bag-of-words needs a text dataset", nameof(source));
        Fit(source.Train, size, source.Classes.Count);
        var (tokens, labels) = ExampleSets.Tokens(test, vocabularySize, classes, "test", Name);
        return new BaselineResult(Name, new ClassificationOutcome(labels, PredictProbabilities(tokens)));
    }

    /// <summary>Fits the weights on <paramref name="train"/>, whose inputs are int64 token ids (0 = padding).</summary>
    public void Fit(IExampleSet train, int vocabularySize, int classes)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (train.Count == 0) throw new ArgumentException($"{Name}: the training split is empty", nameof(train));
        (this.vocabularySize, this.classes) = (vocabularySize, classes);
        var (tokens, labels) = ExampleSets.Tokens(train, vocabularySize, classes, "training", Name);
        idf = options.Features == BagOfWordsFeatures.TfIdf ? InverseDocumentFrequency(tokens, vocabularySize) : null;

        using Tensor w = Tensor.Zeros(vocabularySize, classes).WithRequiresGrad();
        using Tensor b = Tensor.Zeros(classes).WithRequiresGrad();
        using var adam = new Adam([w, b], options.LearningRate);
        SparseRow[] rows = tokens.Select(Features).ToArray();
        var random = new Random(options.Seed);
        int[] order = Enumerable.Range(0, tokens.Length).ToArray();
        double first = double.NaN, last = double.NaN;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            double total = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                using var scope = LibTorch.NewScope();
                int[] batch = order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)).ToArray();
                SparseRows x = Batch(batch.Select(i => rows[i]).ToArray());
                Tensor y = Tensor.From(batch.Select(i => (long)labels[i]).ToArray(), batch.Length);
                Tensor loss = F.CrossEntropy(Logits(x, w, b), y) + w.Square().Sum() * options.L2;
                adam.ZeroGrad();
                loss.Backward();
                adam.Step();
                total += loss.Item() * batch.Length;
            }
            last = total / order.Length;
            if (epoch == 0) first = last;
            if (!double.IsFinite(last)) throw new InvalidOperationException($"{Name}: the training loss became {last} in epoch {epoch + 1}; lower the learning rate");
        }
        TrainingLoss = (first, last);
        weights = w.Detach().ToArray<float>();
        bias = b.Detach().ToArray<float>();
    }

    /// <summary>Class probabilities (rows = examples) for texts given as token ids without padding.</summary>
    public double[,] PredictProbabilities(IReadOnlyList<long[]> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (weights is null || bias is null) throw new InvalidOperationException($"{Name}: call Fit before predicting");
        var probabilities = new double[texts.Count, classes];
        using var noGrad = LibTorch.NoGrad();
        using var scope = LibTorch.NewScope();
        Tensor w = Tensor.From(weights, vocabularySize, classes), b = Tensor.From(bias, classes);
        for (int start = 0; start < texts.Count; start += options.BatchSize)
        {
            using var batchScope = LibTorch.NewScope();
            long[][] batch = texts.Skip(start).Take(options.BatchSize).ToArray();
            float[] p = Logits(Batch(batch.Select(Features).ToArray()), w, b).Softmax(1).ToArray<float>();
            for (int i = 0; i < batch.Length; i++)
                for (int c = 0; c < classes; c++) probabilities[start + i, c] = p[i * classes + c];
        }
        return probabilities;
    }

    // Logits of a batch from its sparse features: the weight rows of each text's distinct tokens, scaled by the
    // token's feature value and summed (x·W without building the dense [batch, vocabulary] matrix).
    private static Tensor Logits(SparseRows x, Tensor w, Tensor b)
    {
        long classes = w.Size(1);
        Tensor rows = w.IndexSelect(0, x.Ids).View(x.Count, x.Width, classes);
        return (rows * x.Values.Unsqueeze(2)).Sum(1) + b;
    }

    // A text as its distinct token ids and their values: counts, or tf-idf scaled to unit L2 norm.
    private SparseRow Features(long[] text)
    {
        var counts = new SortedDictionary<long, int>();
        foreach (long id in text) counts[id] = counts.GetValueOrDefault(id) + 1;
        long[] ids = counts.Keys.ToArray();
        double[] values = counts.Select(p => idf is null ? p.Value : p.Value * idf[p.Key]).ToArray();
        double norm = idf is null ? 1 : Math.Sqrt(values.Sum(v => v * v));
        return new SparseRow(ids, values.Select(v => (float)(norm > 0 ? v / norm : 0)).ToArray());
    }

    // Rows padded to the batch's widest text with id 0 and value 0.
    private static SparseRows Batch(SparseRow[] rows)
    {
        int width = Math.Max(1, rows.Max(r => r.Ids.Length));
        var ids = new long[rows.Length * width];
        var values = new float[rows.Length * width];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i].Ids.CopyTo(ids, i * width);
            rows[i].Values.CopyTo(values, i * width);
        }
        return new SparseRows(Tensor.From(ids, ids.Length), Tensor.From(values, rows.Length, width), rows.Length, width);
    }

    private sealed record SparseRow(long[] Ids, float[] Values);

    private sealed record SparseRows(Tensor Ids, Tensor Values, long Count, long Width);

    // Smoothed idf as in scikit-learn: ln((1 + n) / (1 + df)) + 1.
    private static double[] InverseDocumentFrequency(long[][] texts, int vocabularySize)
    {
        var df = new int[vocabularySize];
        foreach (long[] text in texts)
            foreach (long id in text.Distinct())
                if (id > 0 && id < vocabularySize) df[id]++;
        return df.Select(d => Math.Log((1.0 + texts.Length) / (1.0 + d)) + 1).ToArray();
    }
}
