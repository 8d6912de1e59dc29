using System.CommandLine;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Cli.Campaigns;

/// <summary><c>autodnn fork NAME --from campaign.yaml</c>: a new campaign (the file's name:) that starts from the
/// finished trials of NAME that fit its (e.g. widened) search space.</summary>
internal static class ForkCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("campaign") { Description = "The campaign to fork." };
        var file = new Option<string>("--from") { Description = "The new campaign's file (with a new name:).", Required = true };
        var storage = new Option<string?>("--storage") { Description = "Storage URL (default: the new file's storage:, AUTODNN_STORAGE or sqlite:///autodnn.db)." };
        var plugins = CampaignCommandSupport.PluginsOption();
        var command = new Command("fork", "Start a new campaign that reuses a campaign's compatible finished trials as a warm start.") { source, file, storage, plugins };
        command.SetAction(r => CampaignCommandSupport.Guard(() =>
        {
            string path = r.GetValue(file)!;
            CampaignSpec spec = CampaignSpec.Load(path);
            using PluginCatalog catalog = CampaignCommandSupport.LoadCatalog(spec, r.GetValue(plugins) ?? []);
            CampaignPlan plan = CampaignPlanner.Create(spec, catalog, r.GetValue(storage));
            using SqlStudyStorage s = plan.Storage.Open();
            ForkResult result = CampaignFork.Fork(s, r.GetValue(source)!, plan, path);
            Console.WriteLine($"campaign {plan.Name} created from {r.GetValue(source)}: {result.Copied} finished trial(s) reused as a warm start, {result.Skipped.Count} skipped");
            foreach (string skipped in result.Skipped)
            {
                Console.WriteLine($"  skipped {skipped}");
            }

            Console.WriteLine($"run it with: autodnn run {path}");
            return 0;
        }));
        return command;
    }
}
