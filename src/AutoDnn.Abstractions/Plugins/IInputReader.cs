using AutoDnn.Torch;

namespace AutoDnn.Abstractions.Plugins;

/// <summary>Optional, on an <see cref="IDataSource"/>: reads new, unlabelled inputs from a file for prediction
/// (<c>autodnn predict</c>), encoded exactly as the source's own examples (same normalisation, vocabulary, length).</summary>
/// <remarks>Added in contract 1.1.0. A data source without it cannot be used by <c>autodnn predict</c>.</remarks>
public interface IInputReader
{
    /// <summary>File formats accepted, for error messages and help (e.g. "a PNG file, a folder of PNG files or a .npy array").</summary>
    string InputDescription { get; }

    /// <summary>The inputs in <paramref name="path"/>, each of the source's <see cref="IDataSource.InputShape"/>; a file
    /// that cannot be read throws an exception whose message names the file and what is wrong with it.</summary>
    IReadOnlyList<Tensor> ReadInputs(string path);
}
