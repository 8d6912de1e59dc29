using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.TestPlugins.Valid;

/// <summary>A tabular dataset of n examples whose label is the parity of the index.</summary>
public sealed class CountingDataset : IDataset
{
    public string Name => "test-counting";

    public string Version => "0.1.0";

    public TaskKind Task => TaskKind.TabularClassification;

    public string Description => "Examples 0..n-1 with label = index mod 2.";

    public IDataSource Open(IReadOnlyDictionary<string, string> options)
    {
        if (options.Keys.FirstOrDefault(k => k != "count") is { } unknown)
        {
            throw new ArgumentException($"test-counting: unknown option '{unknown}' (known: count).", nameof(options));
        }

        int count = options.TryGetValue("count", out string? text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 10;
        return new CountingSource(count);
    }
}
