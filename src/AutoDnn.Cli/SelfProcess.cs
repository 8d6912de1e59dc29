namespace AutoDnn.Cli;

/// <summary>How to start this program again as a child process: as <c>dotnet autodnn.dll …</c> or as the apphost
/// <c>autodnn …</c>, whichever started us.</summary>
internal static class SelfProcess
{
    /// <summary>The executable: the apphost, or the dotnet host.</summary>
    public static string Path => Environment.ProcessPath ?? "dotnet";

    /// <summary>The arguments that come before the command: the program's .dll when the dotnet host runs it.</summary>
    public static IReadOnlyList<string> Arguments
    {
        get
        {
            string entry = Environment.GetCommandLineArgs()[0];
            return entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? [entry] : [];
        }
    }
}
