namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>Typed reads from the YAML tree that record an error (and return null) instead of throwing.</summary>
internal sealed class SpecReader(string file)
{
    private readonly List<CampaignError> _errors = [];

    public string File { get; } = file;

    public List<CampaignError> Errors => _errors;

    public void Error(SourcePosition at, string path, string message) => _errors.Add(new CampaignError(at, path, message));

    public void Error(SpecNode node, string path, string message) => Error(node.Start, path, message);

    /// <summary>Reports every key not in <paramref name="allowed"/> as unknown, with the closest allowed key.</summary>
    public void CheckKeys(SpecMapping mapping, string path, IReadOnlyCollection<string> allowed)
    {
        foreach ((SpecScalar key, _) in mapping.Entries)
        {
            if (!allowed.Contains(key.Text))
            {
                Error(key, SpecTreeBuilder.Join(path, key.Text), $"unknown key; {Suggestions.WriteInstead(key.Text, allowed)}");
            }
        }
    }

    /// <summary>The value of a required key, or null after reporting it missing (at the mapping's start).</summary>
    public SpecNode? Required(SpecMapping mapping, string key, string path, string example)
    {
        SpecNode? node = mapping[key];
        if (node is null)
        {
            Error(mapping, SpecTreeBuilder.Join(path, key), $"missing required key; write {example} instead");
        }

        return node;
    }

    public SpecMapping? Mapping(SpecNode node, string path, string example)
    {
        if (node is SpecMapping mapping)
        {
            return mapping;
        }

        Error(node, path, $"expected a mapping, got {node.Describe()}; write {example} instead");
        return null;
    }

    public string? String(SpecNode node, string path, string example)
    {
        if (node is SpecScalar { Value: not null } scalar && (scalar.Value is string || scalar.IsPlain))
        {
            return scalar.Text;
        }

        Error(node, path, $"expected a string, got {node.Describe()}; write {example} instead");
        return null;
    }

    /// <summary>A name-like string: a non-empty scalar that is not a number or a bool.</summary>
    public string? Name(SpecNode node, string path, string example)
    {
        if (node is SpecScalar { Value: string s } && s.Length > 0)
        {
            return s;
        }

        Error(node, path, $"expected a name, got {node.Describe()}; write {example} instead");
        return null;
    }

    public int? Int(SpecNode node, string path, string example, int? min = null)
    {
        if (node is not SpecScalar { Value: int value })
        {
            string got = node is SpecScalar { Value: long } ? $"{((SpecScalar)node).Text}, which is too large" : node.Describe();
            Error(node, path, $"expected an integer, got {got}; write {example} instead");
            return null;
        }

        if (min is { } m && value < m)
        {
            Error(node, path, $"must be at least {m}, got {value}; write {example} instead");
            return null;
        }

        return value;
    }

    public double? Double(SpecNode node, string path, string example)
    {
        double? value = node is SpecScalar scalar ? scalar.Value switch
        {
            int i => i,
            long l => l,
            double d => d,
            _ => null,
        } : null;
        if (value is not { } v || !double.IsFinite(v))
        {
            Error(node, path, $"expected a number, got {node.Describe()}; write {example} instead");
            return null;
        }

        return v;
    }

    public bool? Bool(SpecNode node, string path, string example)
    {
        if (node is SpecScalar { Value: bool b })
        {
            return b;
        }

        Error(node, path, $"expected true or false, got {node.Describe()}; write {example} instead");
        return null;
    }

    /// <summary>A list, or a single item read as a list of one.</summary>
    public IReadOnlyList<SpecNode> ListOrOne(SpecNode node) => node is SpecSequence s ? s.Items : [node];

    /// <summary>A string→string option map (scalar values as written), as plugins receive them.</summary>
    public IReadOnlyDictionary<string, string> StringOptions(SpecNode node, string path, string example)
    {
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (node is SpecScalar { Value: null })
        {
            return options;
        }

        if (Mapping(node, path, example) is not { } mapping)
        {
            return options;
        }

        foreach ((SpecScalar key, SpecNode value) in mapping.Entries)
        {
            string optionPath = SpecTreeBuilder.Join(path, key.Text);
            if (value is SpecScalar { Value: not null } scalar)
            {
                options[key.Text] = scalar.Text;
            }
            else
            {
                Error(value, optionPath, $"expected a single value, got {value.Describe()}; write {key.Text}: VALUE instead");
            }
        }

        return options;
    }
}
