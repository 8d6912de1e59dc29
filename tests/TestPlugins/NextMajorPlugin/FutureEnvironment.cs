using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.TestPlugins.NextMajor;

/// <summary>A trivial environment; what matters is the contract version it was compiled against.</summary>
public sealed class FutureEnvironment : IEnvironment
{
    public string Name => "test-future";

    public string Version => "2.0.0";

    public TaskKind Task => TaskKind.ReinforcementLearning;

    public string Description => "Built against plugin contract 2.0.0.";

    public IReadOnlyList<int> ObservationShape => [1];

    public int ActionCount => 1;

    public float[] Reset(int? seed = null) => [0];

    public StepResult Step(int action) => new([0], 0, true, false);
}
