using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Storage.Tests.Cli;

/// <summary>Campaigns through the real autodnn command on SQLite: interrupt and resume, status, rerun, predict, bad files.</summary>
public sealed class CampaignCliTests
{
    [Theory]
    [InlineData(2)] // SIGINT, as Ctrl+C
    [InlineData(15)] // SIGTERM, as kill or a job scheduler
    public void A_campaign_stopped_with_a_signal_and_run_again_finishes_its_budget_with_nothing_lost(int signal)
    {
        // A test host started in the background by a non-interactive shell ignores SIGINT, and so would the child.
        Assert.False(signal == 2 && IgnoresSigint(), "this test process ignores SIGINT (started with & from a script?); run the tests in the foreground");
        using var folder = new TempFolder();
        string url = $"sqlite:///{folder.File("c.db")}";
        // 40 epochs: slow enough (seconds per trial) that the signal lands while the campaign is still running.
        string file = CampaignCli.WriteDigitsCampaign(folder.Path, "resume", trials: 5, url, epochs: 40);

        using (ChildProcess first = CampaignCli.Start(["run", file], folder.Path))
        {
            first.WaitForLine("trial ", TimeSpan.FromSeconds(180));
            first.Signal(signal);
            first.WaitForExit(TimeSpan.FromSeconds(120));
            Assert.True(first.ExitCode == 130, $"exit {first.ExitCode}: {first.Stdout}{first.Stderr}");
            Assert.Contains("interrupted", first.Stdout + first.Stderr, StringComparison.Ordinal);
        }

        IReadOnlyList<FrozenTrial> stopped = Trials(url, "resume");
        int completeBefore = stopped.Count(t => t.State == TrialState.Complete);
        Assert.InRange(completeBefore, 1, 4);

        using ChildProcess second = CampaignCli.Run(["run", file], folder.Path);
        Assert.True(second.ExitCode == 0, $"exit {second.ExitCode}: {second.Stdout}{second.Stderr}");
        Assert.Contains("resumed", second.Stdout, StringComparison.Ordinal);
        IReadOnlyList<FrozenTrial> all = Trials(url, "resume");
        Assert.Equal(5, all.Count(t => t.State == TrialState.Complete));
        Assert.DoesNotContain(all, t => t.State is TrialState.Running or TrialState.Waiting);
        Assert.All(stopped.Where(t => t.State == TrialState.Complete), t => Assert.Equal(t.Values, all.Single(a => a.Number == t.Number).Values));
        Assert.All(all.Where(t => t.State == TrialState.Fail), t =>
            Assert.Contains("interrupted", t.SystemAttributes[TrialSystemAttributes.FailReason].GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_finished_campaign_reports_status_reruns_a_trial_identically_and_predicts_with_the_best_model()
    {
        using var folder = new TempFolder();
        string url = $"sqlite:///{folder.File("c.db")}";
        string file = CampaignCli.WriteDigitsCampaign(folder.Path, "finished", trials: 3, url);
        using ChildProcess run = CampaignCli.Run(["run", file], folder.Path);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stdout}{run.Stderr}");
        Assert.Contains("test split (never used for selection): accuracy", run.Stdout, StringComparison.Ordinal);
        // The search saw 240 examples (max_examples); the final retraining sees every training example of the split.
        Assert.Matches(@"retrained on all 14\d\d training examples for 2 epochs", run.Stdout);
        Assert.Contains($"open the viewer: autodnn serve --storage {url}", run.Stdout, StringComparison.Ordinal);

        using ChildProcess status = CampaignCli.Run(["status", "--storage", url, "--campaign", "finished"], folder.Path);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("campaign finished: 3 trials — complete 3, pruned 0, failed 0, running 0, waiting 0", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("  best: trial ", status.Stdout, StringComparison.Ordinal);

        FrozenTrial best = Trials(url, "finished").Where(t => t.State == TrialState.Complete).MaxBy(t => t.Value)!;
        using ChildProcess rerun = CampaignCli.Run(["rerun", best.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--storage", url], folder.Path);
        Assert.True(rerun.ExitCode == 0, $"exit {rerun.ExitCode}: {rerun.Stdout}{rerun.Stderr}");
        Assert.Contains("reproduced: every value matches the stored trial exactly", rerun.Stdout, StringComparison.Ordinal);

        // Two 8x8 digit images in the dataset's own units (0..16): a blank one and a bright bar.
        string npy = folder.File("inputs.npy");
        WriteNpy(npy, [.. new float[64], .. Enumerable.Range(0, 64).Select(i => i % 8 == 3 ? 16f : 0f)], 2, 8, 8);
        using ChildProcess predict = CampaignCli.Run(
            ["predict", "--storage", url, "--trial", best.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--input", npy], folder.Path);
        Assert.True(predict.ExitCode == 0, $"exit {predict.ExitCode}: {predict.Stdout}{predict.Stderr}");
        string[] lines = predict.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^\d\t\d\t[01]\.\d{4}$", l.TrimEnd('\r')));
    }

    [Fact]
    public void An_invalid_campaign_file_lists_every_error_with_its_position_and_exits_2()
    {
        using var folder = new TempFolder();
        string file = folder.File("bad.yaml");
        File.WriteAllText(file, "name: bad\ntask:\n  dataset: sklearn-digits\n  architecture: no-such-net\ntraining: {epochs: 2}\nobjective: {metric: acuracy}\nbudget: {trials: 0}\n");
        using ChildProcess run = CampaignCli.Run(["run", file], folder.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the campaign file has 2 errors", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:6:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("acuracy", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:7:", run.Stderr, StringComparison.Ordinal);

        // Once the file itself is valid, the plugins it names are checked against the loaded catalog.
        File.WriteAllText(file, "name: bad\ntask:\n  dataset: sklearn-digits\n  architecture: no-such-net\ntraining: {epochs: 2}\nbudget: {trials: 1}\n");
        using ChildProcess again = CampaignCli.Run(["run", file], folder.Path);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("bad.yaml:4:", again.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-net", again.Stderr, StringComparison.Ordinal);
        Assert.Contains("simple-cnn", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_space_override_that_no_plugin_suggests_is_reported_with_its_position()
    {
        using var folder = new TempFolder();
        string file = CampaignCli.WriteDigitsCampaign(folder.Path, "typo", trials: 1, $"sqlite:///{folder.File("c.db")}");
        File.WriteAllText(file, File.ReadAllText(file).Replace("  mlp.layers: 1", "  mlp.layer: 1", StringComparison.Ordinal));
        using ChildProcess run = CampaignCli.Run(["run", file], folder.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("typo.yaml:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("mlp.layer", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("c.db")) && Trials($"sqlite:///{folder.File("c.db")}", "typo").Count > 0);
    }

    // SigIgn in /proc/self/status is a hex mask of ignored signals; SIGINT (2) is bit 1.
    private static bool IgnoresSigint() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } line
        && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0b10) != 0;

    internal static IReadOnlyList<FrozenTrial> Trials(string url, string name)
    {
        using SqlStudyStorage storage = StorageUrl.Parse(url).Open();
        return storage.FindStudy(name) is { } study ? storage.GetAllTrials(study.StudyId) : [];
    }

    private static void WriteNpy(string path, float[] values, params int[] shape)
    {
        string header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({string.Join(", ", shape)}), }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + ((64 - (total % 64)) % 64)) + "\n";
        using var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(System.Text.Encoding.ASCII.GetBytes(header));
        foreach (float v in values)
        {
            stream.Write(BitConverter.GetBytes(v));
        }
    }
}
