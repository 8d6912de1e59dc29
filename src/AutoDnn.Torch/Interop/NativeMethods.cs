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
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_copy_to(IntPtr t, void* destination, long nbytes);
    [LibraryImport(Library)] public static partial int adt_tensor_item(IntPtr t, out double value, out long intValue);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_shape(IntPtr t, long* shape, int capacity, out int ndim);
    [LibraryImport(Library)] public static partial int adt_tensor_info(IntPtr t, out int dtype, out int deviceType, out int deviceIndex, out int requiresGrad);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_full(long* shape, int ndim, double value, long intValue, int isInt, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_arange(double start, double end, double step, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_linspace(double start, double end, long steps, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_eye(long n, long m, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_rand(int kind, long* shape, int ndim, IntPtr generator, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_randint(long low, long high, long* shape, int ndim, IntPtr generator, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_randperm(long n, IntPtr generator, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_view(IntPtr t, long* shape, int ndim, int reshape, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_permute(IntPtr t, long* dims, int ndim, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_expand(IntPtr t, long* shape, int ndim, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_transpose(IntPtr t, long dim0, long dim1, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_squeeze(IntPtr t, long dim, int hasDim, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_unsqueeze(IntPtr t, long dim, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_flatten(IntPtr t, long startDim, long endDim, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_contiguous(IntPtr t, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_clone(IntPtr t, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_to(IntPtr t, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_slice(IntPtr t, long dim, long start, int hasStart, long end, int hasEnd, long step, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_select(IntPtr t, long dim, long index, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_index_select(IntPtr t, long dim, IntPtr index, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_gather(IntPtr t, long dim, IntPtr index, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_masked_fill(IntPtr t, IntPtr mask, double value, long intValue, int isInt, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_masked_select(IntPtr t, IntPtr mask, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_index(IntPtr t, long dim, IntPtr index, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_index_put_(IntPtr t, long dim, IntPtr index, IntPtr values);
    [LibraryImport(Library)] public static partial int adt_tensor_where(IntPtr condition, IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_cat(IntPtr* tensors, int count, long dim, int stack, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_copy_(IntPtr t, IntPtr source);
    [LibraryImport(Library)] public static partial int adt_tensor_fill_(IntPtr t, double value, long intValue, int isInt);

    // Math and autograd (adt_ops.cpp)
    [LibraryImport(Library)] public static partial int adt_tensor_unary(int op, IntPtr a, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_binary(int op, IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_binary_scalar(int op, IntPtr a, double value, long intValue, int isInt, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_binary_(int op, IntPtr a, IntPtr b);
    [LibraryImport(Library)] public static partial int adt_tensor_binary_scalar_(int op, IntPtr a, double value, long intValue, int isInt);
    [LibraryImport(Library)] public static unsafe partial int adt_tensor_reduce(int op, IntPtr t, long* dims, int ndim, int keepDim, double p, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_matmul(IntPtr a, IntPtr b, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_softmax(IntPtr t, long dim, int log, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_clamp(IntPtr t, double min, int hasMin, double max, int hasMax, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_set_requires_grad(IntPtr t, int requiresGrad);
    [LibraryImport(Library)] public static partial int adt_tensor_backward(IntPtr t, IntPtr gradient, int retainGraph, int createGraph);
    [LibraryImport(Library)] public static partial int adt_tensor_grad(IntPtr t, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_grad_clear(IntPtr t);
    [LibraryImport(Library)] public static partial int adt_tensor_detach(IntPtr t, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_tensor_is_leaf(IntPtr t, out int leaf);
    [LibraryImport(Library)] public static partial int adt_tensor_format(IntPtr t, out IntPtr text);
}
