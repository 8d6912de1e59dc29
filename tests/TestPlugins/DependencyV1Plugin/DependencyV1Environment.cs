using AutoDnn.Abstractions.Plugins;
using AutoDnn.TestDependency;

namespace AutoDnn.TestPlugins.DependencyV1;

/// <summary>Reports, in its description, which version of AutoDnn.TestDependency it sees (read in the constructor).</summary>
public sealed class DependencyV1Environment : IEnvironment
{
    public DependencyV1Environment()
    {
        Description = $"sees {DependencyInfo.Edition}, assembly {typeof(DependencyInfo).Assembly.GetName().Version}";
    }

    public string Name => "test-dependency-v1";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ReinforcementLearning;

    public string Description { get; }

    public IReadOnlyList<int> ObservationShape => [1];

    public int ActionCount => 1;

    public float[] Reset(int? seed = null) => [1];

    public StepResult Step(int action) => new([1], 0, true, false);
}
