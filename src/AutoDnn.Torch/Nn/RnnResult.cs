namespace AutoDnn.Torch.Nn;

/// <summary>What a recurrent layer returns: every step's output and the final hidden (and, for an LSTM, cell) state.</summary>
/// <param name="Output">(batch, seq, directions·hidden) when batch-first, else (seq, batch, directions·hidden); zero past each sequence's length.</param>
/// <param name="HiddenState">h_n: (layers·directions, batch, hidden), taken at each sequence's last real step.</param>
/// <param name="CellState">c_n of an LSTM (same shape as h_n); null for a GRU.</param>
public sealed record RnnResult(Tensor Output, Tensor HiddenState, Tensor? CellState);
