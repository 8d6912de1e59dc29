using System.Runtime.InteropServices;

namespace AutoDnn.Torch.Interop;

/// <summary>The layer, loss and initialiser part of the C ABI (Native/adt_layers.cpp).</summary>
internal static partial class NativeMethods
{
    [LibraryImport(Library)] public static partial int adt_nn_conv1d(IntPtr input, IntPtr weight, IntPtr bias, long stride, long padding, long dilation, long groups, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_nn_avg_pool2d(IntPtr input, long* kernel, long* stride, long* padding, int ceilMode, int countIncludePad, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_nn_adaptive_avg_pool2d(IntPtr input, long height, long width, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_nn_batch_norm(IntPtr input, IntPtr weight, IntPtr bias, IntPtr runningMean, IntPtr runningVar, int training, double momentum, double eps, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_nn_layer_norm(IntPtr input, long* shape, int ndim, IntPtr weight, IntPtr bias, double eps, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_nn_dropout(IntPtr input, double p, int train, int feature, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_nn_embedding(IntPtr weight, IntPtr indices, long paddingIdx, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_nn_rnn(int mode, IntPtr input, IntPtr lengths, IntPtr h0, IntPtr c0, IntPtr* parameters, int count, int hasBiases, long numLayers, double dropout, int train, int bidirectional, int batchFirst, out IntPtr output, out IntPtr hN, out IntPtr cN);
    [LibraryImport(Library)] public static partial int adt_nn_activation(int kind, IntPtr input, double a, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_nn_loss(int kind, IntPtr input, IntPtr target, IntPtr weight, IntPtr posWeight, long reduction, long ignoreIndex, double a, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_init_uniform_(IntPtr t, double low, double high, IntPtr generator);
    [LibraryImport(Library)] public static partial int adt_init_normal_(IntPtr t, double mean, double std, IntPtr generator);
    [LibraryImport(Library)] public static partial int adt_init_orthogonal_(IntPtr t, double gain, IntPtr generator);
}
