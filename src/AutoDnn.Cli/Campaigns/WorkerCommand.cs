using System.CommandLine;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Search.Studies;
using AutoDnn.Storage;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Cli.Campaigns;

/// <summary><c>autodnn worker --storage URL --campaign NAME</c>: joins a campaign from any machine that reaches its
/// storage; the campaign file is read from the storage, plugins from this machine's plugin folders.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var storage = new Option<string>("--storage")
        {
            Description = "Storage URL of the campaign (PostgreSQL for several machines).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AUTODNN_STORAGE") ?? StorageUrl.Default,
        };
        var campaign = new Option<string>("--campaign") { Description = "Campaign name.", Required = true };
        var index = new Option<int>("--index") { Description = "This worker's index on its machine (names it in the trials).", DefaultValueFactory = _ => 0 };
        var plugins = CampaignCommandSupport.PluginsOption();
        var command = new Command("worker", "Join a running campaign and run its trials until the budget is spent.") { storage, campaign, index, plugins };
        command.SetAction(r => CampaignCommandSupport.Guard(() =>
            Run(r.GetValue(storage)!, r.GetValue(campaign)!, r.GetValue(index), r.GetValue(plugins) ?? [])));
        return command;
    }

    private static int Run(string url, string name, int index, string[] extraPlugins)
    {
        (string yaml, string? path) = LoadSpecText(url, name);
        CampaignSpec spec = CampaignSpec.Parse(yaml, path ?? $"campaign '{name}'", path is null ? null : Path.GetDirectoryName(path));
        using PluginCatalog catalog = CampaignCommandSupport.LoadCatalog(spec, extraPlugins);
        CampaignPlan plan = CampaignPlanner.Create(spec, catalog, url);
        CampaignCommandSupport.UseThreads(plan.ThreadsPerTrial);
        using SqlStudyStorage storage = plan.Storage.Open();
        using var interrupt = new CancellationTokenSource();
        using IDisposable signals = CampaignCommandSupport.OnStopSignal(interrupt.Cancel);
        var observer = new ConsoleCampaignObserver(plan.Objectives, plan.Directions[0] == StudyDirection.Maximize, plan.Trials, 0, plan.Workers, () => CampaignStatus.Load(storage, plan.Name));
        var worker = new CampaignWorker(plan, storage, CampaignCommandSupport.WorkerId(index), plan.Devices[index % plan.Devices.Count], observer);
        WorkerSummary summary = worker.Run(interrupt.Token);
        Console.WriteLine(
            $"worker {worker.WorkerId} done: {summary.Completed} complete, {summary.Pruned} pruned, {summary.Failed} failed, {summary.Interrupted} interrupted");
        return interrupt.IsCancellationRequested ? 130 : 0;
    }

    internal static (string Yaml, string? Path) LoadSpecText(string url, string name)
    {
        using SqlStudyStorage storage = StorageUrl.Parse(url).Open();
        return CampaignSession.LoadSpec(storage, name);
    }
}
