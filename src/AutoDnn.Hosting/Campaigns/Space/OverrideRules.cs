using System.Globalization;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Hosting.Campaigns.Space;

/// <summary>How an override turns the domain a plugin asked for into the domain the trial samples from.</summary>
internal static class OverrideRules
{
    /// <summary>The overridden domain; throws <see cref="SpaceOverrideException"/> when the override does not fit.</summary>
    /// <param name="o">The override.</param>
    /// <param name="asked">The domain the plugin asked for.</param>
    /// <param name="expected">For categoricals: the CLR type the plugin expects its values in (inferred from the choices when null).</param>
    public static Distribution Apply(SpaceOverride o, Distribution asked, Type? expected = null) => asked switch
    {
        FloatDistribution f => ApplyFloat(o, f),
        IntDistribution i => ApplyInt(o, i),
        CategoricalDistribution c => ApplyCategorical(o, c, expected ?? InferType(c)),
        _ => throw new ArgumentException($"Unknown distribution type {asked.GetType().Name}.", nameof(asked)),
    };

    private static Distribution ApplyFloat(SpaceOverride o, FloatDistribution f)
    {
        string asked = $"a float in {Range(f.Low, f.High, f.Log, f.Step)}";
        switch (o.Kind)
        {
            case SpaceOverrideKind.Fixed:
                return AsDouble(o.Value) is { } v
                    ? Build(o, asked, () => new FloatDistribution(v, v))
                    : throw Mismatch(o, asked, $"fixes it to {CategoricalChoice.Format(o.Value)}", $"a number such as {F(Mid(f.Low, f.High))}");
            case SpaceOverrideKind.Range:
                bool log = o.Log ?? (o.Step is null && f.Log);
                double? step = o.Step ?? (log ? null : f.Step);
                return Build(o, asked, () => new FloatDistribution(o.Low ?? f.Low, o.High ?? f.High, log, step));
            case SpaceOverrideKind.Choices:
                object? bad = o.Choices.FirstOrDefault(c => AsDouble(c) is null);
                return o.Choices.All(c => AsDouble(c) is not null)
                    ? Build(o, asked, () => new CategoricalDistribution([.. o.Choices.Select(c => (object?)AsDouble(c)!.Value)]))
                    : throw Mismatch(o, asked, $"lists {CategoricalChoice.Format(bad)}", "numbers only");
            default:
                throw Mismatch(o, asked, "adds choices, which needs a categorical", "choices: [...] (replace the range by choices) or a range");
        }
    }

    private static Distribution ApplyInt(SpaceOverride o, IntDistribution i)
    {
        string asked = $"an int in {Range(i.Low, i.High, i.Log, i.Step == 1 ? null : i.Step)}";
        switch (o.Kind)
        {
            case SpaceOverrideKind.Fixed:
                return AsInt(o.Value) is { } v
                    ? Build(o, asked, () => new IntDistribution(v, v))
                    : throw Mismatch(o, asked, $"fixes it to {CategoricalChoice.Format(o.Value)}", $"an integer such as {(int)Math.Round(Mid(i.Low, i.High))}");
            case SpaceOverrideKind.Range:
                foreach ((string key, double? value) in new[] { ("low", o.Low), ("high", o.High), ("step", o.Step) })
                {
                    if (value is { } x && AsInt(x) is null)
                    {
                        throw Mismatch(o, asked, $"has {key} {F(x)}, which is not an integer", $"an integer {key}");
                    }
                }

                bool log = o.Log ?? (o.Step is null && i.Log);
                int step = o.Step is { } s ? (int)s : log ? 1 : i.Step;
                return Build(o, asked, () => new IntDistribution(o.Low is { } lo ? (int)lo : i.Low, o.High is { } hi ? (int)hi : i.High, log, step));
            case SpaceOverrideKind.Choices:
                object? bad = o.Choices.FirstOrDefault(c => AsInt(c) is null);
                return o.Choices.All(c => AsInt(c) is not null)
                    ? Build(o, asked, () => new CategoricalDistribution([.. o.Choices.Select(c => (object?)AsInt(c)!.Value)]))
                    : throw Mismatch(o, asked, $"lists {CategoricalChoice.Format(bad)}", "integers only");
            default:
                throw Mismatch(o, asked, "adds choices, which needs a categorical", "choices: [...] (replace the range by choices) or a range");
        }
    }

    private static Distribution ApplyCategorical(SpaceOverride o, CategoricalDistribution c, Type expected)
    {
        string asked = $"one of [{string.Join(", ", c.Choices.Select(CategoricalChoice.Format))}] ({TypeWords(expected)})";
        string someChoices = string.Join(", ", c.Choices.Take(3).Select(CategoricalChoice.Format));
        switch (o.Kind)
        {
            case SpaceOverrideKind.Fixed:
                return Convert(c, o.Value, expected, out object? fixedValue)
                    ? Build(o, asked, () => new CategoricalDistribution([fixedValue]))
                    : throw Mismatch(o, asked, $"fixes it to {CategoricalChoice.Format(o.Value)}", $"one of {someChoices}");
            case SpaceOverrideKind.Range:
                throw Mismatch(o, asked, "is a range, which needs a float or int", $"choices: [{someChoices}] instead of low/high");
            default:
                var values = new List<object?>(o.Kind == SpaceOverrideKind.AddChoices ? c.Choices : []);
                foreach (object? choice in o.Choices)
                {
                    if (!Convert(c, choice, expected, out object? converted))
                    {
                        throw Mismatch(o, asked, $"lists {CategoricalChoice.Format(choice)}", $"{TypeWords(expected)} only");
                    }

                    if (!values.Any(v => CategoricalChoice.Equals(v, converted)))
                    {
                        values.Add(converted);
                    }
                }

                return Build(o, asked, () => new CategoricalDistribution(values));
        }
    }

    /// <summary>A plugin's own choice when one equals the value, else the value converted to the expected type.</summary>
    private static bool Convert(CategoricalDistribution c, object? value, Type expected, out object? converted)
    {
        converted = c.Choices.FirstOrDefault(choice => CategoricalChoice.Equals(choice, value) && SameKind(choice, value));
        if (converted is not null || (value is null && c.Choices.Contains(null)))
        {
            return true;
        }

        Type target = Nullable.GetUnderlyingType(expected) ?? expected;
        converted = value switch
        {
            null => !expected.IsValueType || Nullable.GetUnderlyingType(expected) is not null ? null : Fail(),
            _ when target == typeof(object) => CategoricalChoice.IsSupported(value) ? value : Fail(),
            string s when target == typeof(string) => s,
            bool b when target == typeof(bool) => b,
            int i when target == typeof(int) => i,
            long l when target == typeof(int) && l is >= int.MinValue and <= int.MaxValue => (int)l,
            int i when target == typeof(long) => (long)i,
            long l when target == typeof(long) => l,
            int i when target == typeof(double) => (double)i,
            long l when target == typeof(double) => (double)l,
            double d when target == typeof(double) => d,
            _ => Fail(),
        };
        return converted is not Failure;
    }

    private static bool SameKind(object? a, object? b) => (a is string) == (b is string) && (a is bool) == (b is bool);

    private static Failure Fail() => Failure.Instance;

    private static Distribution Build(SpaceOverride o, string asked, Func<Distribution> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            string reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new SpaceOverrideException(o, $"the plugin suggests {asked}, but the override {o.Describe()} gives an invalid domain: {reason.TrimEnd('.')}; fix the override instead");
        }
    }

    private static SpaceOverrideException Mismatch(SpaceOverride o, string asked, string problem, string instead) =>
        new(o, $"the plugin suggests {asked}, but the override {(o.Kind == SpaceOverrideKind.Fixed ? string.Empty : o.Describe() + " ")}{problem}; write {instead} instead");

    private static Type InferType(CategoricalDistribution c)
    {
        Type[] types = [.. c.Choices.Where(x => x is not null).Select(x => x!.GetType()).Distinct()];
        return types.Length == 1 && !c.Choices.Contains(null) ? types[0] : typeof(object);
    }

    private static string TypeWords(Type t)
    {
        Type target = Nullable.GetUnderlyingType(t) ?? t;
        return target == typeof(string) ? "strings"
            : target == typeof(int) || target == typeof(long) ? "integers"
            : target == typeof(double) ? "numbers"
            : target == typeof(bool) ? "true or false"
            : "values";
    }

    private static double? AsDouble(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d when double.IsFinite(d) => d,
        _ => null,
    };

    private static int? AsInt(object? value) => value switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        _ => null,
    };

    private static double Mid(double low, double high) => (low + high) / 2;

    private static string Range(double low, double high, bool log, double? step) =>
        $"[{F(low)}, {F(high)}]{(log ? " (log)" : string.Empty)}{(step is { } s ? $" (step {F(s)})" : string.Empty)}";

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Failure
    {
        public static readonly Failure Instance = new();
    }
}
