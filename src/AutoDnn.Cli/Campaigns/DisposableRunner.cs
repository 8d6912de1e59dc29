using AutoDnn.Training.Runs;

namespace AutoDnn.Cli.Campaigns;

/// <summary>Disposes a trial runner that holds resources (an opened dataset) when the command is done with it.</summary>
internal sealed class DisposableRunner(ITrialRunner inner) : IDisposable
{
    public ITrialRunner Inner { get; } = inner;

    public void Dispose() => (Inner as IDisposable)?.Dispose();
}
