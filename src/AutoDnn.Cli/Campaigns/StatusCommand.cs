using System.CommandLine;
using System.Globalization;
using AutoDnn.Cli.Commands;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Search.Trials;
using Spectre.Console;

namespace AutoDnn.Cli.Campaigns;

/// <summary><c>autodnn status</c>: trials by state, the best so far and the running workers of a campaign (or every campaign).</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var storage = StorageCommandOptions.Storage();
        var campaign = new Option<string?>("--campaign") { Description = "Campaign name (default: every campaign in the storage)." };
        var command = new Command("status", "Show where campaigns stand: trials by state, best so far, running workers.") { storage, campaign };
        command.SetAction(r => StorageCommandOptions.Run(r.GetValue(storage)!, s =>
        {
            IEnumerable<string> names = r.GetValue(campaign) is { } one ? [one] : s.GetAllStudies().Select(x => x.Name);
            bool any = false;
            foreach (string name in names)
            {
                any = true;
                Print(CampaignStatus.Load(s, name));
            }

            if (!any)
            {
                Console.WriteLine($"no campaigns in {s.Location}; start one with: autodnn run experiments/quickstart.yaml");
            }

            return 0;
        }));
        return command;
    }

    internal static void Print(CampaignStatus status)
    {
        var c = status.Counts;
        int total = c.Values.Sum();
        string started = status.StartedAt is { } at ? at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "not started";
        Console.WriteLine(
            $"campaign {status.Name}: {total} trials — complete {c[TrialState.Complete]}, pruned {c[TrialState.Pruned]}, failed {c[TrialState.Fail]}, "
            + $"running {c[TrialState.Running]}, waiting {c[TrialState.Waiting]}; started {started}{(status.IsFinished && total > 0 ? "; finished" : string.Empty)}");
        if (status.Best is { } best)
        {
            string value = best.Value!.Value.ToString("0.######", CultureInfo.InvariantCulture);
            string parameters = string.Join(", ", best.Params.Select(p => $"{p.Key}={Format(p.Value)}"));
            Console.WriteLine($"  best: trial {best.Number}, {status.Objectives[0]} {value} ({status.Directions[0].ToString().ToLowerInvariant()}); {parameters}");
        }

        foreach ((int trial, string worker, DateTimeOffset? since) in status.Running)
        {
            string age = since is { } t ? $"{(DateTimeOffset.UtcNow - t).TotalSeconds:0}s" : "?";
            Console.WriteLine($"  running: trial {trial} on {worker} for {age}");
        }

        if (FinalModelSummary.From(status.Final) is { TestMetrics.Count: > 0 } final)
        {
            var test = final.TestMetrics.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            string shown = string.Join(", ", new[] { "accuracy", "balanced_accuracy", "f1_macro", "loss" }
                .Where(test.ContainsKey)
                .Select(k => $"{k} {test[k].ToString("0.0000", CultureInfo.InvariantCulture)}"));
            Console.WriteLine($"  test split of trial {final.Trial} retrained on all training data (never used for selection): {shown}");
        }
    }

    internal static string Format(object? value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        null => "null",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
