using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.TestPlugins.Throwing;

/// <summary>A working plugin in the same DLL as a throwing one: it must still load.</summary>
public sealed class SurvivorEnvironment : IEnvironment
{
    public string Name => "test-survivor";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ReinforcementLearning;

    public string Description => "Loads although its neighbour throws.";

    public IReadOnlyList<int> ObservationShape => [1];

    public int ActionCount => 1;

    public float[] Reset(int? seed = null) => [0];

    public StepResult Step(int action) => new([0], 0, true, false);
}
