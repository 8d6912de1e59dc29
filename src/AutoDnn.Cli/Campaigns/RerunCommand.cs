using System.CommandLine;
using System.Globalization;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Storage;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Cli.Campaigns;

/// <summary><c>autodnn rerun TRIAL --campaign NAME</c>: trains a trial again from its provenance (campaign file,
/// parameters, seed) and says whether its values match; exit code 3 when they do not.</summary>
internal static class RerunCommand
{
    public static Command Create()
    {
        var trial = new Argument<int>("trial") { Description = "The trial number." };
        var campaign = new Option<string?>("--campaign") { Description = "Campaign name (default: the only campaign in the storage)." };
        var storage = new Option<string>("--storage")
        {
            Description = "Storage URL.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AUTODNN_STORAGE") ?? StorageUrl.Default,
        };
        var plugins = CampaignCommandSupport.PluginsOption();
        var command = new Command("rerun", "Reproduce a trial from its provenance and report whether the value matches.") { trial, campaign, storage, plugins };
        command.SetAction(r => CampaignCommandSupport.Guard(() =>
        {
            string url = r.GetValue(storage)!;
            string name = r.GetValue(campaign) ?? OnlyCampaign(url);
            (string yaml, string? path) = WorkerCommand.LoadSpecText(url, name);
            CampaignSpec spec = CampaignSpec.Parse(yaml, path ?? $"campaign '{name}'", path is null ? null : Path.GetDirectoryName(path));
            using PluginCatalog catalog = CampaignCommandSupport.LoadCatalog(spec, r.GetValue(plugins) ?? []);
            CampaignPlan plan = CampaignPlanner.Create(spec, catalog, url);
            CampaignCommandSupport.UseThreads(plan.ThreadsPerTrial);
            using SqlStudyStorage s = plan.Storage.Open();
            RerunResult result = CampaignRerun.Run(plan, s, r.GetValue(trial), null, CancellationToken.None);
            string values = result.Values is null ? "(pruned trial: intermediate values compared)"
                : string.Join(", ", plan.Objectives.Zip(result.Values, (m, v) => $"{m} {v.ToString("R", CultureInfo.InvariantCulture)}"));
            Console.WriteLine($"trial {result.Stored.Number} of {name} rerun with seed {result.Seed}: {values}");
            if (result.Matches)
            {
                Console.WriteLine("reproduced: every value matches the stored trial exactly");
                return 0;
            }

            Console.WriteLine($"NOT reproduced: {result.Differences.Count} value(s) differ");
            foreach (string difference in result.Differences.Take(20))
            {
                Console.WriteLine($"  {difference}");
            }

            return 3;
        }));
        return command;
    }

    internal static string OnlyCampaign(string url)
    {
        using SqlStudyStorage s = StorageUrl.Parse(url).Open();
        var names = s.GetAllStudies().Select(x => x.Name).ToList();
        return names.Count == 1
            ? names[0]
            : throw new ArgumentException($"{s.Location} holds {names.Count} campaigns ({string.Join(", ", names)}); say which with --campaign NAME.");
    }
}
