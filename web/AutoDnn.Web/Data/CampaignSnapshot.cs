using System.Globalization;
using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Search.Importance;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Training.Runs;

namespace AutoDnn.Web.Data;

/// <summary>A campaign read at one moment: the study, its trials as rows, and what the pages derive from them (computed once).</summary>
public sealed class CampaignSnapshot
{
    /// <summary>Importance is estimated on at most this many of the latest completed trials, so the page stays fast on big studies.</summary>
    public const int ImportanceTrialLimit = 1000;

    private readonly Lazy<ImportanceResult> _importance;

    public CampaignSnapshot(StudyRecord study, IReadOnlyList<FrozenTrial> trials, DateTimeOffset loadedAt)
    {
        Study = study;
        LoadedAt = loadedAt;
        var distributions = new SortedDictionary<string, Distribution>(StringComparer.Ordinal);
        foreach (FrozenTrial trial in trials)
        {
            foreach (var (name, distribution) in trial.Distributions)
            {
                distributions[name] = distribution;
            }
        }

        ParamNames = [.. distributions.Keys];
        Distributions = distributions;
        var index = ParamNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var rows = new TrialRow[trials.Count];
        for (int r = 0; r < trials.Count; r++)
        {
            FrozenTrial trial = trials[r];
            var external = new object?[ParamNames.Count];
            double[] internals = new double[ParamNames.Count];
            Array.Fill(internals, double.NaN);
            foreach (var (name, value) in trial.InternalParams)
            {
                int i = index[name];
                internals[i] = value;
                external[i] = trial.Distributions[name].ToExternal(value);
            }

            rows[r] = new TrialRow { Trial = trial, Params = external, InternalParams = internals, Worker = WorkerOf(trial) };
        }

        Rows = rows;
        ByNumber = rows.ToDictionary(r => r.Trial.Number);
        Summary = Summarize(study, rows);
        _importance = new Lazy<ImportanceResult>(ComputeImportance);
    }

    public StudyRecord Study { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>How long reading the trials from storage took.</summary>
    public TimeSpan LoadDuration { get; init; }

    public bool IsMultiObjective => Study.Directions.Count > 1;

    /// <summary>The best configuration retrained and scored on the test split after the budget, when the campaign did that.</summary>
    public FinalModelSummary? Final => FinalModelSummary.From(Study.UserAttributes);

    /// <summary>Every parameter name seen in the campaign, ordinal order.</summary>
    public IReadOnlyList<string> ParamNames { get; }

    /// <summary>The latest distribution seen per parameter name.</summary>
    public IReadOnlyDictionary<string, Distribution> Distributions { get; }

    /// <summary>The trials as rows, by number.</summary>
    public IReadOnlyList<TrialRow> Rows { get; }

    public IReadOnlyDictionary<int, TrialRow> ByNumber { get; }

    public CampaignSummary Summary { get; }

    /// <summary>fANOVA importances of the first objective (seeded, so a page shows the same bars each time).</summary>
    public ImportanceResult Importance => _importance.Value;

    /// <summary>A short text for a parameter or objective value (invariant culture, 6 significant digits).</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string? WorkerOf(FrozenTrial trial) =>
        trial.UserAttributes.TryGetValue(TrialAttributeKeys.Worker, out JsonElement w)
            ? (w.ValueKind == JsonValueKind.String ? w.GetString() : w.GetRawText())
            : null;

    private static CampaignSummary Summarize(StudyRecord study, TrialRow[] rows)
    {
        var byState = Enum.GetValues<TrialState>().ToDictionary(s => s, _ => 0);
        DateTimeOffset? started = null;
        long lastChange = 0;
        int intermediates = 0;
        var running = new SortedSet<string>(StringComparer.Ordinal);
        foreach (TrialRow row in rows)
        {
            FrozenTrial t = row.Trial;
            byState[t.State]++;
            if (t.StartedAt is { } s && (started is null || s < started))
            {
                started = s;
            }

            lastChange = Math.Max(lastChange, (t.FinishedAt ?? t.StartedAt ?? DateTimeOffset.UnixEpoch).UtcTicks);
            intermediates += t.IntermediateValues.Count;
            if (t.State == TrialState.Running && row.Worker is { } worker)
            {
                running.Add(worker);
            }
        }

        var complete = rows.Select(r => r.Trial).Where(t => t.State == TrialState.Complete && t.Values is not null).ToList();
        FrozenTrial? best = null;
        int pareto = 0;
        if (study.Directions.Count == 1)
        {
            bool minimize = study.Directions[0] == StudyDirection.Minimize;
            foreach (FrozenTrial t in complete.Where(t => !double.IsNaN(t.Values![0])))
            {
                if (best is null || (minimize ? t.Values![0] < best.Values![0] : t.Values![0] > best.Values![0]))
                {
                    best = t;
                }
            }
        }
        else
        {
            pareto = ParetoFront.Of(complete, study.Directions).Count;
        }

        string fingerprint = string.Create(
            CultureInfo.InvariantCulture,
            $"{rows.Length}-{string.Join('.', byState.OrderBy(p => p.Key).Select(p => p.Value))}-{lastChange}-{intermediates}");
        return new CampaignSummary
        {
            StudyId = study.StudyId,
            Name = study.Name,
            Directions = study.Directions,
            Total = rows.Length,
            ByState = byState,
            Best = best,
            ParetoSize = pareto,
            StartedAt = started,
            RunningWorkers = [.. running],
            Fingerprint = fingerprint,
        };
    }

    private ImportanceResult ComputeImportance()
    {
        var complete = Rows.Select(r => r.Trial)
            .Where(t => t.State == TrialState.Complete && t.Values is { Count: > 0 } v && double.IsFinite(v[0]))
            .TakeLast(ImportanceTrialLimit)
            .ToList();
        try
        {
            IReadOnlyDictionary<string, double> scores = ParameterImportance.Evaluate(
                complete, new FanovaImportanceEvaluator(nTrees: 32, seed: 0), target: t => t.Values![0]);
            return new ImportanceResult(scores, complete.Count, null);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Too few trials, or nothing varies: the page says why instead of drawing bars.
            return new ImportanceResult(new Dictionary<string, double>(), complete.Count, e.Message);
        }
    }
}
