namespace AutoDnn.Torch.Tests.Support;

/// <summary>Tests that seed libtorch's global generator and compare the draws with Python run alone, so no other test draws in between.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalRandomCollection
{
    public const string Name = "global random generator";
}
