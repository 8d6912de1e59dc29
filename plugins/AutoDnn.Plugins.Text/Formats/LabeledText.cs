namespace AutoDnn.Plugins.Text.Formats;

/// <summary>One example of a text-classification corpus: the text and its label (category name).</summary>
public sealed record LabeledText(string Text, string Label);
