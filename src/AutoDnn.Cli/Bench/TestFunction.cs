using AutoDnn.Abstractions.Search;

namespace AutoDnn.Cli.Bench;

/// <summary>One benchmark problem: its search space (suggested in order), objective on the internal values, and known minimum.</summary>
internal sealed record TestFunction(
    string Name,
    IReadOnlyList<(string Name, Distribution Distribution)> Space,
    Func<double[], double> Evaluate,
    double Minimum,
    double[] ArgMin)
{
    /// <summary>Suggests every parameter of the space; categoricals come back as their choice index.</summary>
    public double[] Suggest(ITrial trial) =>
        Space.Select(p => p.Distribution.ToInternal(trial.Suggest(p.Name, p.Distribution))).ToArray();
}
