using System.Runtime.InteropServices;

namespace AutoDnn.Torch.Interop;

/// <summary>The C ABI of libautodnn_torch (Native/*.cpp). Every <c>int</c> result is a status: call <see cref="Check"/>.</summary>
internal static partial class NativeMethods
{
    public const string Library = "autodnn_torch";

    static NativeMethods()
    {
        NativeLibraryResolver.Install();
        Check(adt_runtime_init(LibTorch.DefaultThreads));
    }

    /// <summary>Turns a failed status into a <see cref="TorchException"/> carrying libtorch's message.</summary>
    public static void Check(int status)
    {
        if (status != 0) throw new TorchException(TakeError());
    }

    public static string TakeError()
    {
        IntPtr raw = adt_error_take();
        try { return Marshal.PtrToStringUTF8(raw) ?? "(no message)"; }
        finally { adt_string_free(raw); }
    }

    public static string TakeString(IntPtr raw)
    {
        try { return Marshal.PtrToStringUTF8(raw) ?? ""; }
        finally { adt_string_free(raw); }
    }

    // Runtime (adt_runtime.cpp)
    [LibraryImport(Library)] public static partial IntPtr adt_error_take();
    [LibraryImport(Library)] public static partial void adt_string_free(IntPtr s);
    [LibraryImport(Library)] public static partial int adt_runtime_init(int threads);
    [LibraryImport(Library)] public static partial int adt_runtime_set_threads(int threads);
    [LibraryImport(Library)] public static partial int adt_runtime_get_threads(out int threads);
    [LibraryImport(Library)] public static partial int adt_runtime_version(out IntPtr version);
    [LibraryImport(Library)] public static partial int adt_cuda_is_available(out int available);
    [LibraryImport(Library)] public static partial int adt_cuda_device_count(out int count);
    [LibraryImport(Library)] public static partial int adt_random_manual_seed(ulong seed);
    [LibraryImport(Library)] public static partial int adt_generator_new(ulong seed, out IntPtr generator);
    [LibraryImport(Library)] public static partial void adt_generator_free(IntPtr generator);
    [LibraryImport(Library)] public static partial int adt_generator_set_seed(GeneratorHandle g, ulong seed);
    [LibraryImport(Library)] public static partial int adt_generator_get_seed(GeneratorHandle g, out ulong seed);
    [LibraryImport(Library)] public static partial int adt_autograd_set_enabled(int enabled);
    [LibraryImport(Library)] public static partial int adt_autograd_is_enabled(out int enabled);

    // Tensors (adt_tensor.cpp)
    [LibraryImport(Library)] public static partial void adt_tensor_free(IntPtr t);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_from_data(void* data, long* shape, int ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_copy_to(TensorHandle t, void* destination, long nbytes);
    [LibraryImport(Library)] public static partial int adt_tensor_item(TensorHandle t, out double value, out long intValue);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_shape(TensorHandle t, long* shape, int capacity, out int ndim);
    [LibraryImport(Library)] public static partial int adt_tensor_info(TensorHandle t, out int dtype, out int deviceType, out int deviceIndex, out int requiresGrad);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_full(long* shape, int ndim, double value, long intValue, int isInt, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_arange(double start, double end, double step, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_linspace(double start, double end, long steps, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_eye(long n, long m, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_rand(int kind, long* shape, int ndim, IntPtr generator, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_randint(long low, long high, long* shape, int ndim, IntPtr generator, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_randperm(long n, IntPtr generator, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_view(TensorHandle t, long* shape, int ndim, int reshape, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_permute(TensorHandle t, long* dims, int ndim, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_expand(TensorHandle t, long* shape, int ndim, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_transpose(TensorHandle t, long dim0, long dim1, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_squeeze(TensorHandle t, long dim, int hasDim, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_unsqueeze(TensorHandle t, long dim, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_flatten(TensorHandle t, long startDim, long endDim, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_contiguous(TensorHandle t, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_clone(TensorHandle t, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_to(TensorHandle t, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_slice(TensorHandle t, long dim, long start, int hasStart, long end, int hasEnd, long step, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_select(TensorHandle t, long dim, long index, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_index_select(TensorHandle t, long dim, TensorHandle index, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_gather(TensorHandle t, long dim, TensorHandle index, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_masked_fill(TensorHandle t, TensorHandle mask, double value, long intValue, int isInt, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_masked_select(TensorHandle t, TensorHandle mask, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_index(TensorHandle t, long dim, TensorHandle index, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_index_put_(TensorHandle t, long dim, TensorHandle index, TensorHandle values);
    [LibraryImport(Library)] public static partial int adt_tensor_where(TensorHandle condition, TensorHandle a, TensorHandle b, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_cat(IntPtr* tensors, int count, long dim, int stack, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_copy_(TensorHandle t, TensorHandle source);
    [LibraryImport(Library)] public static partial int adt_tensor_fill_(TensorHandle t, double value, long intValue, int isInt);

    // Math and autograd (adt_ops.cpp)
    [LibraryImport(Library)] public static partial int adt_tensor_unary(int op, TensorHandle a, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_binary(int op, TensorHandle a, TensorHandle b, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_binary_scalar(int op, TensorHandle a, double value, long intValue, int isInt, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_binary_(int op, TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] public static partial int adt_tensor_binary_scalar_(int op, TensorHandle a, double value, long intValue, int isInt);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_reduce(int op, TensorHandle t, long* dims, int ndim, int keepDim, double p, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_matmul(TensorHandle a, TensorHandle b, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_softmax(TensorHandle t, long dim, int log, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_clamp(TensorHandle t, double min, int hasMin, double max, int hasMax, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_set_requires_grad(TensorHandle t, int requiresGrad);
    [LibraryImport(Library)] public static partial int adt_tensor_backward(TensorHandle t, TensorHandle gradient, int retainGraph, int createGraph);
    [LibraryImport(Library)] public static partial int adt_tensor_backward(TensorHandle t, IntPtr noGradient, int retainGraph, int createGraph);
    [LibraryImport(Library)] public static partial int adt_tensor_grad(TensorHandle t, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_grad_clear(TensorHandle t);
    [LibraryImport(Library)] public static partial int adt_tensor_detach(TensorHandle t, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_is_leaf(TensorHandle t, out int leaf);
    [LibraryImport(Library)] public static partial int adt_tensor_format(TensorHandle t, out IntPtr text);
}
