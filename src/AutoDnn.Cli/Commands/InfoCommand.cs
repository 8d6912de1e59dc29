using System.CommandLine;
using AutoDnn.Torch;

namespace AutoDnn.Cli.Commands;

/// <summary><c>autodnn info</c>: libtorch version, threads and CUDA devices of this machine.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show the libtorch backend: version, threads, CUDA devices.");
        command.SetAction(_ =>
        {
            Console.WriteLine($"AutoDnn    {typeof(InfoCommand).Assembly.GetName().Version}");
            Console.WriteLine($"libtorch   {LibTorch.Version}");
            Console.WriteLine($"threads    {LibTorch.Threads}");
            Console.WriteLine(LibTorch.CudaIsAvailable
                ? $"cuda       {LibTorch.CudaDeviceCount} device(s)"
                : "cuda       none (CPU-only libtorch or no GPU visible)");
            return 0;
        });
        return command;
    }
}
