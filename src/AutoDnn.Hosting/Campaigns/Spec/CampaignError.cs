namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>One problem in a campaign file: where it is, which key it concerns, what is wrong and what to write instead.</summary>
/// <param name="File">The file name (or the source name the text was parsed under).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Path">The key path, e.g. <c>budget.trials</c>, <c>task.augmenters[1]</c>, <c>space[train.lr].low</c>.</param>
/// <param name="Message">What is wrong; write … instead.</param>
public sealed record CampaignError(string File, int Line, int Column, string Path, string Message)
{
    /// <summary>Creates an error at a position.</summary>
    public CampaignError(SourcePosition position, string path, string message)
        : this(position.File, position.Line, position.Column, path, message)
    {
    }

    /// <summary>Where the error is.</summary>
    public SourcePosition Position => new(File, Line, Column);

    /// <summary><c>file:line:column: path: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Path}: {Message}";
}
