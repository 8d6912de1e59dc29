namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>A YAML mapping with scalar keys in file order; a duplicate key was reported when the tree was built and only its first entry kept.</summary>
internal sealed class SpecMapping(SourcePosition start, IReadOnlyList<KeyValuePair<SpecScalar, SpecNode>> entries) : SpecNode(start)
{
    public IReadOnlyList<KeyValuePair<SpecScalar, SpecNode>> Entries { get; } = entries;

    public IEnumerable<string> Keys => Entries.Select(e => e.Key.Text);

    public bool Contains(string key) => Entries.Any(e => e.Key.Text == key);

    public SpecNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Text == key).Value;

    public SpecScalar? KeyNode(string key) => Entries.FirstOrDefault(e => e.Key.Text == key).Key;

    public override string Describe() => "a mapping";
}
