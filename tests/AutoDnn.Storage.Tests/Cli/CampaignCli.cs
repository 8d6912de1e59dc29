using System.Globalization;

namespace AutoDnn.Storage.Tests.Cli;

/// <summary>Runs the real <c>autodnn</c> from its own output folder (where the built-in plugins are copied) on small
/// campaign files written by the tests.</summary>
internal static class CampaignCli
{
    /// <summary>src/AutoDnn.Cli/bin/&lt;configuration&gt;/net10.0/autodnn.dll of this checkout.</summary>
    public static string Program { get; } = FindProgram();

    /// <summary>A small digits campaign: an MLP on 240 examples (by default), 2 folds, 2 epochs, random sampling, no pruning.</summary>
    public static string WriteDigitsCampaign(string folder, string name, int trials, string storage, int workers = 1, string extra = "", int epochs = 2, int examples = 240)
    {
        string path = Path.Combine(folder, $"{name}.yaml");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
            name: {name}
            storage: {storage}
            seed: 3
            task:
              dataset: {"{"}name: sklearn-digits, options: {"{"}test_fraction: "0.2"{"}"}{"}"}
              architecture: mlp
            training:
              epochs: {epochs}
              max_examples: {examples}
            space:
              mlp.layers: 1
              mlp.width: {"{"}low: 16, high: 64, log: true{"}"}
            sampler: {"{"}name: random{"}"}
            cv: {"{"}kind: stratified, folds: 2{"}"}
            objective: {"{"}metric: accuracy{"}"}
            budget: {"{"}trials: {trials}{"}"}
            resources: {"{"}workers: {workers}, threads_per_trial: 1{"}"}
            {extra}
            """));
        return path;
    }

    public static ChildProcess Start(IReadOnlyList<string> args, string folder, IReadOnlyDictionary<string, string>? environment = null) =>
        ChildProcess.StartPath(Program, args, folder, environment);

    public static ChildProcess Run(IReadOnlyList<string> args, string folder, int timeoutSeconds = 240)
    {
        ChildProcess child = Start(args, folder);
        child.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds));
        return child;
    }

    private static string FindProgram()
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Debug"
            : "Release";
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "AutoDnn.sln")))
            {
                string program = Path.Combine(d.FullName, "src", "AutoDnn.Cli", "bin", configuration, "net10.0", "autodnn.dll");
                return File.Exists(program)
                    ? program
                    : throw new FileNotFoundException($"The campaign tests run {program}; build the solution first.", program);
            }
        }

        throw new DirectoryNotFoundException($"No AutoDnn.sln above {AppContext.BaseDirectory}.");
    }
}
