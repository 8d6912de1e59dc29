namespace AutoDnn.Abstractions.Plugins;

/// <summary>A source of labelled examples for a task (files in a known format, a built-in corpus…).</summary>
public interface IDataset : IPlugin
{
    /// <summary>Opens the data; options come from the campaign file (e.g. "path"); unknown keys are an error.</summary>
    IDataSource Open(IReadOnlyDictionary<string, string> options);
}
