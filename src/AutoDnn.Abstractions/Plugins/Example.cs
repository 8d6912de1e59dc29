using AutoDnn.Torch;

namespace AutoDnn.Abstractions.Plugins;

/// <summary>One labelled example: a float32 input of the dataset's input shape (int64 token ids for text) and its class.</summary>
public readonly record struct Example(Tensor Input, int Label);
