namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>Where trials run: worker count, devices and threads.</summary>
public sealed record ResourcesSpec
{
    /// <summary>Workers (trials in parallel) on this machine; null (not written) = one per CUDA device times
    /// <see cref="TrialsPerDevice"/> when trials run on CUDA devices, else 1.</summary>
    public int? Workers { get; init; }

    /// <summary>Devices as written ("cpu", "cuda", "cuda:N"); empty means auto (every CUDA device, else the CPU).</summary>
    public IReadOnlyList<string> Devices { get; init; } = [];

    /// <summary>Trials sharing one CUDA device at a time when <see cref="Workers"/> is not written; default 1.</summary>
    public int TrialsPerDevice { get; init; } = 1;

    /// <summary>libtorch intra-op threads per trial; null = cores / workers.</summary>
    public int? ThreadsPerTrial { get; init; }

    /// <summary>Where <c>devices:</c> is written (for errors found when the devices are resolved); null when absent.</summary>
    public SourcePosition? DevicesPosition { get; init; }

    /// <summary>True when devices are chosen automatically.</summary>
    public bool IsAutoDevices => Devices.Count == 0;
}
