namespace AutoDnn.Plugins.Text.Models;

/// <summary>How a recurrent classifier turns per-token outputs into one vector per text; each looks at real tokens only.</summary>
public enum SequencePooling
{
    /// <summary>The final hidden state of the last layer at each text's last real token (both directions when bidirectional).</summary>
    Last,

    /// <summary>The mean of the outputs over the real tokens.</summary>
    Mean,

    /// <summary>The element-wise maximum of the outputs over the real tokens.</summary>
    Max,
}
