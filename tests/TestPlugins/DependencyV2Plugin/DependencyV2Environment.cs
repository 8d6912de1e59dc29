using AutoDnn.Abstractions.Plugins;
using AutoDnn.TestDependency;

namespace AutoDnn.TestPlugins.DependencyV2;

/// <summary>Reports, in its description, which version of AutoDnn.TestDependency it sees (read in the constructor).</summary>
public sealed class DependencyV2Environment : IEnvironment
{
    public DependencyV2Environment()
    {
        Description = $"sees {DependencyInfo.Edition}, assembly {typeof(DependencyInfo).Assembly.GetName().Version}";
    }

    public string Name => "test-dependency-v2";

    public string Version => "2.0.0";

    public TaskKind Task => TaskKind.ReinforcementLearning;

    public string Description { get; }

    public IReadOnlyList<int> ObservationShape => [1];

    public int ActionCount => 1;

    public float[] Reset(int? seed = null) => [2];

    public StepResult Step(int action) => new([2], 0, true, false);
}
