using System.Globalization;

namespace AutoDnn.Torch;

/// <summary>Where a tensor lives: <see cref="Cpu"/> or <see cref="Cuda"/>(index).</summary>
public readonly record struct Device(DeviceType Type, int Index)
{
    /// <summary>The host CPU.</summary>
    public static Device Cpu { get; } = new(DeviceType.Cpu, 0);

    /// <summary>CUDA device <paramref name="index"/>; using it fails clearly where libtorch has no CUDA.</summary>
    public static Device Cuda(int index = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new Device(DeviceType.Cuda, index);
    }

    /// <summary>Parses "cpu", "cuda" or "cuda:N" (the spelling PyTorch uses).</summary>
    public static Device Parse(string text)
    {
        string s = text.Trim().ToLowerInvariant();
        if (s == "cpu") return Cpu;
        if (s == "cuda") return Cuda(0);
        if (s.StartsWith("cuda:", StringComparison.Ordinal) &&
            int.TryParse(s.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            return Cuda(index);
        throw new FormatException($"'{text}' is not a device: write cpu, cuda or cuda:N.");
    }

    /// <summary>Throws a <see cref="TorchException"/> naming the device when this process cannot use it.</summary>
    public void EnsureAvailable()
    {
        if (Type == DeviceType.Cpu) return;
        int count = LibTorch.CudaDeviceCount;
        if (count == 0)
            throw new TorchException(
                $"Device {this} was requested, but this libtorch {LibTorch.Version} has no CUDA device " +
                "(a CPU-only build, or no GPU visible). Use cpu, or build against a CUDA libtorch (AUTODNN_LIBTORCH).");
        if (Index >= count)
            throw new TorchException($"Device {this} was requested, but only {count} CUDA device(s) exist (cuda:0..cuda:{count - 1}).");
    }

    public override string ToString() => Type == DeviceType.Cpu ? "cpu" : $"cuda:{Index}";
}
