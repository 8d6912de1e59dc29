using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch.Diagnostics;

/// <summary>
/// Counts the operators libtorch dispatches while it is open (every thread, nested calls included), by name
/// (<c>aten::conv2d</c>, <c>ConvolutionBackward0</c>, …): shows that managed code runs exactly the ops of a C++ twin.
/// One counter at a time per process.
/// </summary>
public sealed class OpCounter : IDisposable
{
    private bool stopped;

    /// <summary>Starts counting.</summary>
    public OpCounter() => NativeMethods.Check(NativeMethods.adt_opcount_start());

    /// <summary>Stops counting; each operator's name and how many times it ran.</summary>
    public SortedDictionary<string, long> Stop()
    {
        if (stopped) throw new InvalidOperationException("this operator counter was already stopped");
        stopped = true;
        NativeMethods.Check(NativeMethods.adt_opcount_stop(out IntPtr raw));
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (string line in NativeMethods.TakeString(raw).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int tab = line.LastIndexOf('\t');
            counts[line[..tab]] = long.Parse(line[(tab + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>Stops counting if <see cref="Stop"/> was not called.</summary>
    public void Dispose()
    {
        if (!stopped) Stop();
    }
}
