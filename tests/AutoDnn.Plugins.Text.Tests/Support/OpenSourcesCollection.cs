namespace AutoDnn.Plugins.Text.Tests.Support;

/// <summary>Tests that open text sources or set AUTODNN_SYNONYMS: synonym replacement reads the vocabulary of the one
/// open source and the variable is process-wide, so these never run alongside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenSourcesCollection
{
    public const string Name = "open text sources";
}
