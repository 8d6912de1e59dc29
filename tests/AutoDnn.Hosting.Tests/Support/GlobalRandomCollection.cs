namespace AutoDnn.Hosting.Tests.Support;

/// <summary>Tests that expect the same seed to give exactly the same values run alone: libtorch's global generator is
/// process-wide, and another test drawing from it (dropout, weight init) while these seed and build would change them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalRandomCollection
{
    public const string Name = "global random generator";
}
