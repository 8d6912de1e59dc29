using System.Globalization;
using AutoDnn.Hosting.Campaigns.Space;

namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>The space section: one override per hyperparameter name.</summary>
internal sealed partial class CampaignSpecParser
{
    private const string OverrideForms = "a value, {low: …, high: …}, {choices: […]} or {add_choices: […]}";

    private IReadOnlyList<SpaceOverride> ReadSpace(SpecNode node)
    {
        var overrides = new List<SpaceOverride>();
        if (node is SpecScalar { Value: null })
        {
            return overrides;
        }

        if (_r.Mapping(node, "space", "space: {train.lr: {low: 0.001, high: 0.1, log: true}}") is not { } m)
        {
            return overrides;
        }

        foreach ((SpecScalar key, SpecNode value) in m.Entries)
        {
            if (key.Text.Length == 0)
            {
                _r.Error(key, "space", "a hyperparameter name is empty; write its name, e.g. train.lr: 0.01, instead");
                continue;
            }

            if (ReadOverride(key, value) is { } spaceOverride)
            {
                overrides.Add(spaceOverride);
            }
        }

        return overrides;
    }

    private SpaceOverride? ReadOverride(SpecScalar key, SpecNode node)
    {
        string path = $"space[{key.Text}]";
        switch (node)
        {
            case SpecScalar { Value: null }:
                _r.Error(node, path, $"the override is empty; write {OverrideForms} instead");
                return null;
            case SpecScalar scalar when scalar.Value is double d && !double.IsFinite(d):
                _r.Error(node, path, $"{scalar.Text} cannot be a hyperparameter value; write a finite number instead");
                return null;
            case SpecScalar scalar:
                return new SpaceOverride { Name = key.Text, Kind = SpaceOverrideKind.Fixed, Value = scalar.Value, Position = key.Start };
            case SpecSequence:
                _r.Error(node, path, $"a bare list is ambiguous here; write {{choices: [...]}} (replace the choices) or {{add_choices: [...]}} instead");
                return null;
        }

        var m = (SpecMapping)node;
        _r.CheckKeys(m, path, ["low", "high", "log", "step", "choices", "add_choices"]);
        if (m.Entries.Count == 0)
        {
            _r.Error(node, path, $"the override is empty; write {OverrideForms} instead");
            return null;
        }

        bool isRange = m.Contains("low") || m.Contains("high") || m.Contains("log") || m.Contains("step");
        if (m.Contains("choices") && m.Contains("add_choices"))
        {
            _r.Error(m.KeyNode("add_choices")!, path, "choices and add_choices cannot be combined; write choices: [...] (replace) or add_choices: [...] (extend) instead");
            return null;
        }

        string? listKey = m.Contains("choices") ? "choices" : m.Contains("add_choices") ? "add_choices" : null;
        if (listKey is not null)
        {
            if (isRange)
            {
                _r.Error(m.KeyNode(listKey)!, path, $"{listKey} cannot be combined with low/high/log/step; write either a range or {listKey} instead");
                return null;
            }

            List<object?>? choices = ReadValueList(m[listKey]!, $"{path}.{listKey}", $"{listKey}: [adam, sgd]");
            return choices is null ? null : new SpaceOverride
            {
                Name = key.Text,
                Kind = listKey == "choices" ? SpaceOverrideKind.Choices : SpaceOverrideKind.AddChoices,
                Choices = choices,
                Position = key.Start,
            };
        }

        return ReadRange(key, m, path);
    }

    private SpaceOverride? ReadRange(SpecScalar key, SpecMapping m, string path)
    {
        int before = _r.Errors.Count;
        double? low = m["low"] is { } l ? _r.Double(l, $"{path}.low", "low: 0.001") : null;
        double? high = m["high"] is { } h ? _r.Double(h, $"{path}.high", "high: 0.1") : null;
        bool? log = m["log"] is { } g ? _r.Bool(g, $"{path}.log", "log: true") : null;
        double? step = m["step"] is { } s ? _r.Double(s, $"{path}.step", "step: 0.1") : null;
        if (_r.Errors.Count > before)
        {
            return null;
        }

        if (low is { } lo && high is { } hi && lo > hi)
        {
            _r.Error(m, path, $"low {F(lo)} is greater than high {F(hi)}; write {{low: {F(hi)}, high: {F(lo)}}} instead");
        }
        else if (log == true && low is { } logLow && logLow <= 0)
        {
            _r.Error(m["low"]!, $"{path}.low", $"log: true needs low > 0, got {F(logLow)}; write a positive low such as low: 1e-5 instead, or log: false");
        }
        else if (step is { } st && st <= 0)
        {
            _r.Error(m["step"]!, $"{path}.step", $"step must be greater than 0, got {F(st)}; write e.g. step: 1 instead");
        }
        else if (step is not null && log == true)
        {
            _r.Error(m["step"]!, path, "step and log: true cannot be combined; write either step: or log: true instead");
        }
        else if (step is { } stp && low is { } a && high is { } b && !Divides(stp, b - a))
        {
            _r.Error(m["step"]!, $"{path}.step", $"step {F(stp)} does not divide high - low = {F(b - a)}; write a step that divides it (e.g. step: {F(NiceDivisor(b - a, stp))}) instead");
        }

        return _r.Errors.Count > before ? null : new SpaceOverride
        {
            Name = key.Text,
            Kind = SpaceOverrideKind.Range,
            Low = low,
            High = high,
            Log = log,
            Step = step,
            Position = key.Start,
        };
    }

    /// <summary>span / k for the k next to span / step whose decimal form is shortest (1 and 0.3 → 0.25, not 0.333…).</summary>
    private static double NiceDivisor(double span, double step)
    {
        double k = Math.Max(1, Math.Floor(span / step));
        return new[] { span / k, span / (k + 1) }.OrderBy(x => F(x).Length).First();
    }

    private static bool Divides(double step, double span)
    {
        double count = span / step;
        return Math.Abs(count - Math.Round(count)) <= 1e-8 * Math.Max(1.0, Math.Abs(count));
    }

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
