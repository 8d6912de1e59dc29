using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.TestPlugins.Throwing;

/// <summary>A dataset whose constructor fails, as one with a broken configuration would.</summary>
public sealed class ThrowingDataset : IDataset
{
    public ThrowingDataset() => throw new InvalidOperationException("the throwing fixture refuses to start");

    public string Name => "test-throwing";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.TabularClassification;

    public string Description => "Never constructed.";

    public IDataSource Open(IReadOnlyDictionary<string, string> options) =>
        throw new InvalidOperationException("the throwing fixture is never constructed");
}
