using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Training.Runs;

/// <summary>Builds a model with libtorch's global generator seeded, so that the same seed gives the same initial weights.</summary>
/// <remarks>The global generator is process-wide: every runner builds through this one lock, so that two trials running in
/// one process (in-process workers, parallel tests) never draw from it between another's seeding and building. Random
/// draws during training (dropout) still use the global generator, so trials that must repeat exactly run one per
/// process, as campaign workers do.</remarks>
public static class SeededBuild
{
    private static readonly Lock Gate = new();

    /// <summary>Seeds the global generator with <paramref name="seed"/> and runs <paramref name="build"/>, under the lock.</summary>
    public static Module<Tensor, Tensor> Run(ulong seed, Func<Module<Tensor, Tensor>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        lock (Gate)
        {
            LibTorch.ManualSeed(seed);
            return build();
        }
    }
}
