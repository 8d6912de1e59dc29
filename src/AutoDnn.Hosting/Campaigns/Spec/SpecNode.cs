namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>A node of a campaign file's YAML tree, with the position where it starts.</summary>
internal abstract class SpecNode(SourcePosition start)
{
    public SourcePosition Start { get; } = start;

    /// <summary>How the node reads in a message: a scalar's text in quotes, or "a list" / "a mapping".</summary>
    public abstract string Describe();
}
