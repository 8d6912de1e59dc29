namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>Where something was written in a campaign file: the file name and a 1-based line and column.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    /// <summary>"file:line:column", the form compilers and editors understand.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
