using System.Diagnostics;
using System.Globalization;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Search.Trials;
using AutoDnn.Training.Runs;
using Spectre.Console;

namespace AutoDnn.Cli.Campaigns;

/// <summary>Live campaign progress on the console: one line per finished trial (state, value, time, best so far, ETA) and,
/// on a terminal, a status line with the running trial's fold, epoch and metric (Spectre.Console).</summary>
internal sealed class ConsoleCampaignObserver : ICampaignObserver
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<string> _objectives;
    private readonly bool _maximize;
    private readonly int _budget;
    private readonly int _workers;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<int, Stopwatch> _running = [];
    private readonly List<double> _durations = [];
    private int _finished;
    private double? _best;
    private int _bestTrial = -1;

    private readonly Func<CampaignStatus>? _loadStatus;

    /// <param name="objectives">Metric names, in objective order.</param>
    /// <param name="maximize">Whether the first objective is maximized (for "best so far").</param>
    /// <param name="budget">Trials in the campaign's budget.</param>
    /// <param name="alreadyFinished">Trials finished before this run started (resumed campaigns).</param>
    /// <param name="workers">Workers sharing the campaign on this machine (for the ETA).</param>
    /// <param name="loadStatus">Reads the campaign's state (all workers): finished trials and the best so far; null counts
    /// this worker's own trials.</param>
    public ConsoleCampaignObserver(IReadOnlyList<string> objectives, bool maximize, int budget, int alreadyFinished, int workers, Func<CampaignStatus>? loadStatus = null)
    {
        _loadStatus = loadStatus;
        _objectives = objectives;
        _maximize = maximize;
        _budget = budget;
        _finished = alreadyFinished;
        _workers = Math.Max(1, workers);
    }

    /// <summary>Set while a Spectre status display is live; progress goes there.</summary>
    public StatusContext? Status { get; set; }

    public void TrialStarted(string worker, int trialNumber, IReadOnlyDictionary<string, object?> parameters)
    {
        lock (_gate)
        {
            _running[trialNumber] = Stopwatch.StartNew();
            Status?.Status(Markup.Escape($"trial {trialNumber} starting on {worker}"));
        }
    }

    public void TrialProgress(string worker, int trialNumber, TrainingProgress progress)
    {
        lock (_gate)
        {
            string value = progress.Value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "…";
            Status?.Status(Markup.Escape(
                $"trial {trialNumber}: fold {progress.Fold + 1}/{progress.Folds}, epoch {progress.Epoch}/{progress.Epochs}, {progress.Metric} {value}  {Eta()}"));
        }
    }

    public void TrialFinished(string worker, FrozenTrial trial, TrialOutcome? outcome, string? note)
    {
        lock (_gate)
        {
            double seconds = _running.Remove(trial.Number, out Stopwatch? watch) ? watch.Elapsed.TotalSeconds : 0;
            _durations.Add(seconds);
            CampaignStatus? status = _loadStatus?.Invoke();
            _finished = status?.Finished ?? _finished + 1;

            string value = string.Empty;
            if (trial.State == TrialState.Complete && trial.Values is { Count: > 0 } values)
            {
                value = string.Join(", ", _objectives.Zip(values, (m, x) => $"{m} {x.ToString("0.0000", CultureInfo.InvariantCulture)}"));
                if (outcome is not null && outcome.StandardDeviations.TryGetValue(_objectives[0], out double std))
                {
                    value += $" ± {std.ToString("0.0000", CultureInfo.InvariantCulture)}";
                }

                double first = values[0];
                if (_best is null || (_maximize ? first > _best : first < _best))
                {
                    (_best, _bestTrial) = (first, trial.Number);
                }
            }

            // Every worker's trials count for "best so far", not only this process's.
            if (status?.Best is { Values: { Count: > 0 } bestValues } campaignBest)
            {
                (_best, _bestTrial) = (bestValues[0], campaignBest.Number);
            }

            string best = _best is { } b ? $"best #{_bestTrial} {b.ToString("0.0000", CultureInfo.InvariantCulture)}" : "no best yet";
            string state = trial.State.ToString().ToLowerInvariant();
            string why = note is null || trial.State == TrialState.Pruned ? string.Empty : $" ({note})";
            string line = string.Create(
                CultureInfo.InvariantCulture,
                $"trial {trial.Number,3} {state,-8} {value}{why}  {seconds:0.0}s  [{_finished}/{_budget}] {best}  {Eta()}  {worker}");
            Write(line);
        }
    }

    private string Eta()
    {
        int left = Math.Max(0, _budget - _finished);
        if (left == 0 || _durations.Count == 0)
        {
            return string.Empty;
        }

        double perTrial = _durations.Average();
        var eta = TimeSpan.FromSeconds(perTrial * left / _workers);
        return $"ETA {(int)eta.TotalMinutes}m{eta.Seconds:00}s";
    }

    /// <summary>One plain line: through Spectre on a terminal (so the live status line stays intact), else straight out.</summary>
    internal static void Write(string line)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            AnsiConsole.WriteLine(line);
        }
        else
        {
            Console.WriteLine(line);
        }
    }
}
