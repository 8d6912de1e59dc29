namespace AutoDnn.Web.Data;

/// <summary>One fold's results as the trainer recorded them ("fold_metrics" entries).</summary>
internal sealed record FoldResult
{
    public int Fold { get; init; }

    public int? Epochs { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public double[][]? Confusion { get; init; }
}
