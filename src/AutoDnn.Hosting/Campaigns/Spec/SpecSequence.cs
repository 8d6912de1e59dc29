namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>A YAML sequence (a list).</summary>
internal sealed class SpecSequence(SourcePosition start, IReadOnlyList<SpecNode> items) : SpecNode(start)
{
    public IReadOnlyList<SpecNode> Items { get; } = items;

    public override string Describe() => "a list";
}
