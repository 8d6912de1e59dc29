using System.Reflection;
using System.Runtime.InteropServices;

namespace AutoDnn.Torch.Interop;

/// <summary>Finds libautodnn_torch.so: $AUTODNN_NATIVE, then next to the program, then next to this assembly.</summary>
internal static class NativeLibraryResolver
{
    private const string FileName = "libautodnn_torch.so";
    private static int installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != NativeMethods.Library) return IntPtr.Zero;
        var tried = new List<string>();
        foreach (string candidate in Candidates())
        {
            if (!File.Exists(candidate)) { tried.Add($"{candidate} (absent)"); continue; }
            if (NativeLibrary.TryLoad(candidate, out IntPtr loaded)) return loaded;
            // The file is there but will not load: most often libtorch itself is missing. Say so.
            try { NativeLibrary.Load(candidate); }
            catch (Exception e) { throw new DllNotFoundException($"{candidate} exists but cannot be loaded: {e.Message}. Is libtorch installed (./build.sh installs Debian's libtorch-dev)?", e); }
        }
        throw new DllNotFoundException(
            $"The AutoDnn native shim {FileName} was not found (looked in: {string.Join("; ", tried)}). " +
            "Build it with ./build.sh, or point AUTODNN_NATIVE at the file.");
    }

    private static IEnumerable<string> Candidates()
    {
        string? env = Environment.GetEnvironmentVariable("AUTODNN_NATIVE");
        if (!string.IsNullOrEmpty(env)) yield return Directory.Exists(env) ? Path.Combine(env, FileName) : env;
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        string? here = Path.GetDirectoryName(typeof(NativeLibraryResolver).Assembly.Location);
        if (!string.IsNullOrEmpty(here)) yield return Path.Combine(here, FileName);
    }
}
