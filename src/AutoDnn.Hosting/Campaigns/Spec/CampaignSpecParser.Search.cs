using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Campaigns.Factories;

namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>The sampler and pruner sections: names and options checked against the catalogs, then built once so the factories never see bad input.</summary>
internal sealed partial class CampaignSpecParser
{
    private SamplerSpec? ReadSampler(SpecNode node)
    {
        const string Usage = "sampler: {name: tpe, seed: 1, options: {n_startup_trials: 5}}";
        (string? name, SpecMapping? m, SpecNode nameNode) = ReadNamed(node, "sampler", Usage, ["name", "seed", "options"]);
        if (name is null)
        {
            return null;
        }

        if (!SamplerCatalog.Options.TryGetValue(name, out IReadOnlyList<OptionDefinition>? definitions))
        {
            _r.Error(nameNode, node is SpecMapping ? "sampler.name" : "sampler",
                $"unknown sampler \"{name}\"; {Suggestions.WriteInstead(name, [.. SamplerCatalog.Names])}");
            return null;
        }

        int? seed = m?["seed"] is { } s ? _r.Int(s, "sampler.seed", "seed: 1") : null;
        int errorsBefore = _r.Errors.Count;
        IReadOnlyDictionary<string, object?> options = m?["options"] is { } o
            ? ReadOptions(o, "sampler.options", $"sampler {name}", definitions)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        var spec = new SamplerSpec(name, seed, options);
        if (_r.Errors.Count == errorsBefore && (name != "grid" || options.ContainsKey("grid")))
        {
            TryBuild(m?["options"] ?? node, m?["options"] is null ? "sampler" : "sampler.options", $"sampler {name}", () => SamplerFactory.Create(spec, 0));
        }

        return spec;
    }

    private PrunerSpec? ReadPruner(SpecNode node, string path)
    {
        const string Usage = "pruner: {name: median, options: {n_startup_trials: 3}}";
        (string? name, SpecMapping? m, SpecNode nameNode) = ReadNamed(node, path, Usage, ["name", "options"]);
        if (name is null)
        {
            return null;
        }

        if (!PrunerCatalog.Options.TryGetValue(name, out IReadOnlyList<OptionDefinition>? definitions))
        {
            _r.Error(nameNode, node is SpecMapping ? $"{path}.name" : path,
                $"unknown pruner \"{name}\"; {Suggestions.WriteInstead(name, [.. PrunerCatalog.Names])}");
            return null;
        }

        int errorsBefore = _r.Errors.Count;
        SpecNode? optionsNode = m?["options"];
        IReadOnlyDictionary<string, object?> options = optionsNode is not null
            ? ReadOptions(optionsNode, $"{path}.options", $"pruner {name}", definitions)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (OptionDefinition required in definitions.Where(d => d.Required && !options.ContainsKey(d.Name)))
        {
            if (optionsNode is SpecMapping || optionsNode is null)
            {
                _r.Error(optionsNode ?? node, $"{path}.options.{required.Name}", $"missing required option of pruner {name}; write options: {{{required.Name}: {Example(required)}}} instead");
            }
        }

        if (name == "threshold" && _r.Errors.Count == errorsBefore && !options.ContainsKey("lower") && !options.ContainsKey("upper"))
        {
            _r.Error(optionsNode ?? node, $"{path}.options", "the threshold pruner needs a bound; write options: {upper: 10} (or lower:, or both) instead");
        }

        var spec = new PrunerSpec(name, options);
        if (_r.Errors.Count == errorsBefore)
        {
            TryBuild(optionsNode ?? node, optionsNode is null ? path : $"{path}.options", $"pruner {name}", () => PrunerFactory.Create(spec));
        }

        return spec;
    }

    private static string Example(OptionDefinition d) => d.Kind switch
    {
        OptionKind.Float => d.Max is { } max ? (max / 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : "0.5",
        OptionKind.Bool => "true",
        OptionKind.Choice => d.Choices![0],
        _ => "2",
    };

    /// <summary>A component written as NAME or {name: NAME, …}: its name, its mapping (if any) and the node holding the name.</summary>
    private (string? Name, SpecMapping? Mapping, SpecNode NameNode) ReadNamed(SpecNode node, string path, string example, string[] keys)
    {
        if (node is SpecScalar)
        {
            return (_r.Name(node, path, example), null, node);
        }

        if (_r.Mapping(node, path, example) is not { } m)
        {
            return (null, null, node);
        }

        _r.CheckKeys(m, path, keys);
        SpecNode? nameNode = _r.Required(m, "name", path, "name: NAME");
        return nameNode is null ? (null, m, node) : (_r.Name(nameNode, $"{path}.name", "name: NAME"), m, nameNode);
    }

    private IReadOnlyDictionary<string, object?> ReadOptions(SpecNode node, string path, string owner, IReadOnlyList<OptionDefinition> definitions)
    {
        var options = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (node is SpecScalar { Value: null })
        {
            return options;
        }

        if (_r.Mapping(node, path, "options: {key: value}") is not { } m)
        {
            return options;
        }

        string[] known = [.. definitions.Select(d => d.Name)];
        foreach ((SpecScalar key, SpecNode value) in m.Entries)
        {
            string optionPath = $"{path}.{key.Text}";
            OptionDefinition? definition = definitions.FirstOrDefault(d => d.Name == key.Text);
            if (definition is null)
            {
                string hint = known.Length == 0 ? $"{owner} takes no options; remove options instead" : Suggestions.WriteInstead(key.Text, known);
                _r.Error(key, optionPath, $"unknown option of {owner}; {hint}");
                continue;
            }

            if (ReadOptionValue(value, optionPath, definition, out object? parsed))
            {
                options[key.Text] = parsed;
            }
        }

        return options;
    }

    private bool ReadOptionValue(SpecNode node, string path, OptionDefinition d, out object? value)
    {
        string example = $"{d.Name}: {Example(d)}";
        value = null;
        switch (d.Kind)
        {
            case OptionKind.Int:
                value = _r.Int(node, path, example);
                break;
            case OptionKind.IntOrAuto:
                if (node is SpecScalar { Text: "auto" })
                {
                    return true;
                }

                value = _r.Int(node, path, $"{example} (or auto)");
                break;
            case OptionKind.Float:
                value = _r.Double(node, path, example);
                break;
            case OptionKind.Bool:
                value = _r.Bool(node, path, example);
                break;
            case OptionKind.Choice:
                string? choice = _r.Name(node, path, example);
                if (choice is not null && !d.Choices!.Contains(choice))
                {
                    _r.Error(node, path, $"unknown value \"{choice}\"; {Suggestions.WriteInstead(choice, d.Choices!)}");
                    return false;
                }

                value = choice;
                break;
            case OptionKind.Grid:
                value = ReadGrid(node, path);
                break;
            case OptionKind.Pruner:
                value = ReadPruner(node, path);
                break;
        }

        if (value is null)
        {
            return false;
        }

        double? number = value switch { int i => i, double x => x, _ => null };
        if (number is { } n && ((d.Min is { } min && n < min) || (d.Max is { } max && n > max)))
        {
            string range = d.Max is { } hi ? $"between {d.Min} and {hi}" : $"at least {d.Min}";
            _r.Error(node, path, $"must be {range}, got {((SpecScalar)node).Text}; write e.g. {d.Name}: {(d.Kind == OptionKind.Float ? Example(d) : d.Min)} instead");
            return false;
        }

        return true;
    }

    private IReadOnlyDictionary<string, IReadOnlyList<object?>>? ReadGrid(SpecNode node, string path)
    {
        const string Example = "grid: {train.lr: [0.001, 0.01], simple-cnn.blocks: [1, 2, 3]}";
        if (_r.Mapping(node, path, Example) is not { } m)
        {
            return null;
        }

        var grid = new SortedDictionary<string, IReadOnlyList<object?>>(StringComparer.Ordinal);
        foreach ((SpecScalar key, SpecNode value) in m.Entries)
        {
            if (ReadValueList(value, $"{path}[{key.Text}]", $"{key.Text}: [1, 2, 3]") is { } values)
            {
                grid[key.Text] = values;
            }
        }

        if (m.Entries.Count == 0)
        {
            _r.Error(node, path, $"the grid is empty; write {Example} instead");
        }

        return grid.Count == m.Entries.Count && m.Entries.Count > 0 ? grid : null;
    }

    /// <summary>A non-empty list of distinct scalar values (choices, grid values).</summary>
    private List<object?>? ReadValueList(SpecNode node, string path, string example)
    {
        if (node is not SpecSequence sequence)
        {
            _r.Error(node, path, $"expected a list, got {node.Describe()}; write {example} instead");
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            _r.Error(node, path, $"the list is empty; write {example} instead");
            return null;
        }

        var values = new List<object?>();
        bool ok = true;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            SpecNode item = sequence.Items[i];
            if (item is not SpecScalar scalar || !CategoricalChoice.IsSupported(scalar.Value))
            {
                _r.Error(item, $"{path}[{i}]", $"expected a single value (a string, number, bool or null), got {item.Describe()}; write {example} instead");
                ok = false;
                continue;
            }

            int twin = values.FindIndex(v => CategoricalChoice.Equals(v, scalar.Value));
            if (twin >= 0)
            {
                _r.Error(item, $"{path}[{i}]", $"{CategoricalChoice.Format(scalar.Value)} is listed twice (also at [{twin}]); write each value once instead");
                ok = false;
                continue;
            }

            values.Add(scalar.Value);
        }

        return ok ? values : null;
    }

    private void TryBuild(SpecNode at, string path, string owner, Func<object> build)
    {
        try
        {
            build();
        }
        catch (ArgumentException e)
        {
            string reason = e.Message.Split('\n')[0];
            if (e.ParamName is not null)
            {
                reason = reason.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
            }

            _r.Error(at, path, $"{owner} rejects these options: {reason.TrimEnd('.')}; change them as the message says instead");
        }
    }
}
