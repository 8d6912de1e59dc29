using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>A seeded random-number generator (libtorch's CPU Mersenne twister), like <c>torch.Generator</c>.</summary>
/// <remarks>Values drawn with a generator are produced on the CPU and then moved, so a seed gives the same
/// numbers on every device.</remarks>
public sealed class Generator : IDisposable
{
    internal GeneratorHandle Handle { get; }

    public Generator(ulong seed)
    {
        NativeMethods.Check(NativeMethods.adt_generator_new(seed, out IntPtr raw));
        Handle = new GeneratorHandle(raw);
    }

    /// <summary>The seed the generator was last set to; setting it restarts the sequence.</summary>
    public ulong Seed
    {
        get { NativeMethods.Check(NativeMethods.adt_generator_get_seed(Handle, out ulong s)); return s; }
        set => NativeMethods.Check(NativeMethods.adt_generator_set_seed(Handle, value));
    }

    public void Dispose() => Handle.Dispose();
}
