using System.CommandLine;
using System.Globalization;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;
using Spectre.Console;

namespace AutoDnn.Cli.Campaigns;

/// <summary><c>autodnn run campaign.yaml</c>: creates the campaign (or resumes the one of that name), runs its workers
/// on this machine, then retrains the best configuration, evaluates it on the test split and prints the result.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("campaign") { Description = "The campaign file (YAML; see docs/CAMPAIGNS.md)." };
        var storage = new Option<string?>("--storage") { Description = "Storage URL; replaces the file's storage: (default AUTODNN_STORAGE or sqlite:///autodnn.db)." };
        var workers = new Option<int?>("--workers") { Description = "Worker processes on this machine; replaces resources.workers." };
        var plugins = CampaignCommandSupport.PluginsOption();
        var command = new Command("run", "Run (or resume) a search campaign from a YAML file.") { file, storage, workers, plugins };
        command.SetAction(r => CampaignCommandSupport.Guard(() =>
            Run(r.GetValue(file)!, r.GetValue(storage), r.GetValue(workers), r.GetValue(plugins) ?? [])));
        return command;
    }

    private static int Run(string path, string? storageOverride, int? workersOverride, string[] extraPlugins)
    {
        CampaignSpec spec = CampaignSpec.Load(path);
        using PluginCatalog catalog = CampaignCommandSupport.LoadCatalog(spec, extraPlugins);
        CampaignPlan plan = CampaignPlanner.Create(spec, catalog, storageOverride, workersOverride);
        CampaignCommandSupport.UseThreads(plan.ThreadsPerTrial);
        using SqlStudyStorage storage = plan.Storage.Open();
        bool created = CampaignSession.Prepare(plan, storage, path);
        CampaignStatus before = CampaignStatus.Load(storage, plan.Name);
        int finishedBefore = before.Finished;
        Console.WriteLine(
            $"campaign {plan.Name} ({(created ? "new" : $"resumed: {finishedBefore} trials finished before")}): {plan.Trials} trials, "
            + $"sampler {spec.Sampler.Name}, pruner {spec.Pruner.Name}, {Describe(spec)}, objective {string.Join(", ", spec.Objectives.Select(o => $"{o.Metric} ({o.Direction.ToString().ToLowerInvariant()})"))}");
        Console.WriteLine(
            $"storage {plan.Storage}; {plan.Workers} worker{(plan.Workers == 1 ? string.Empty : "s")} × {plan.ThreadsPerTrial} thread{(plan.ThreadsPerTrial == 1 ? string.Empty : "s")} on {string.Join(", ", plan.Devices)}");

        using var interrupt = new CancellationTokenSource();
        // A finished campaign (run again to see its result) needs no worker processes.
        using WorkerProcesses children = WorkerProcesses.Start(
            before.IsFinished ? 0 : plan.Workers - 1, Original(storageOverride, spec),
            plan.Name, plan.ThreadsPerTrial, [.. extraPlugins.Select(Path.GetFullPath), .. spec.ResolvePluginFolders()]);
        using IDisposable signals = CampaignCommandSupport.OnStopSignal(() =>
        {
            if (!interrupt.IsCancellationRequested)
            {
                Console.Error.WriteLine("autodnn: interrupted; stopping the running trials (they run again when you resume with the same command) …");
                interrupt.Cancel();
                children.Interrupt();
            }
        });
        bool maximize = plan.Directions[0] == StudyDirection.Maximize;
        var observer = new ConsoleCampaignObserver(plan.Objectives, maximize, plan.Trials, finishedBefore, plan.Workers, () => CampaignStatus.Load(storage, plan.Name));
        var worker = new CampaignWorker(plan, storage, CampaignCommandSupport.WorkerId(0), plan.Devices[0], observer);
        WorkerSummary summary = RunLive(observer, () => worker.Run(interrupt.Token));
        IReadOnlyList<int> exits = children.WaitAll();
        if (interrupt.IsCancellationRequested)
        {
            Console.WriteLine($"interrupted: resume with `autodnn run {path}`");
            return 130;
        }

        CampaignStatus status = CampaignStatus.Load(storage, plan.Name);
        if (exits.Any(code => code != 0))
        {
            Console.Error.WriteLine($"autodnn: {exits.Count(code => code != 0)} worker process(es) ended with an error (see their lines above).");
        }

        if (status.IsFinished && status.Best is not null)
        {
            using var runner = new DisposableRunner(plan.CreateFinalRunner());
            FinalEvaluation? final = RunLive(observer, () => CampaignFinalizer.Run(plan, storage, runner.Inner, null, interrupt.Token));
            if (final is not null)
            {
                PrintFinal(plan, final);
            }
        }

        StatusCommand.Print(CampaignStatus.Load(storage, plan.Name));
        if (summary.StoppedByTime)
        {
            Console.WriteLine($"the time budget ({spec.Budget.Time}) is spent; run the same command again to continue.");
        }

        Console.WriteLine($"open the viewer: autodnn serve --storage {plan.Storage}");
        return 0;
    }

    /// <summary>The storage URL as given (with password), for the worker processes.</summary>
    private static string Original(string? storageOverride, CampaignSpec spec) =>
        storageOverride ?? spec.Storage ?? Environment.GetEnvironmentVariable("AUTODNN_STORAGE") ?? Storage.StorageUrl.Default;

    private static T RunLive<T>(ConsoleCampaignObserver observer, Func<T> action)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return action();
        }

        return AnsiConsole.Status().Start("starting …", context =>
        {
            observer.Status = context;
            try
            {
                return action();
            }
            finally
            {
                observer.Status = null;
            }
        });
    }

    private static void PrintFinal(CampaignPlan plan, FinalEvaluation final)
    {
        string validation = final.ValidationValue.ToString("0.0000", CultureInfo.InvariantCulture);
        Console.WriteLine($"best trial {final.Trial}: {plan.Objectives[0]} {validation} in cross-validation; retrained on all {final.TrainingExamples} training examples for {final.Epochs} epochs");
        if (final.TestMetrics is { } test)
        {
            string shown = string.Join(", ", new[] { "accuracy", "balanced_accuracy", "f1_macro", "loss" }
                .Where(test.ContainsKey).Select(k => $"{k} {test[k].ToString("0.0000", CultureInfo.InvariantCulture)}"));
            Console.WriteLine($"test split (never used for selection): {shown}");
        }

        Console.WriteLine($"model saved in {final.ModelFolder} (predict with: autodnn predict --storage {plan.Storage} --trial {final.Trial} --input FILE)");
    }

    private static string Describe(CampaignSpec spec) => spec.Task.IsReinforcementLearning
        ? $"{spec.CrossValidation.Folds} seed(s)"
        : spec.CrossValidation.Kind == CrossValidationKind.Holdout
            ? $"holdout {spec.CrossValidation.HoldoutFraction:0.##}"
            : $"{spec.CrossValidation.Folds}-fold {(spec.CrossValidation.Kind == CrossValidationKind.Stratified ? "stratified " : string.Empty)}CV";
}
