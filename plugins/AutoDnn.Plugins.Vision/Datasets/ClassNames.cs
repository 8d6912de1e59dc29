using System.Globalization;

namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>Class names of a dataset and the check that every label indexes one.</summary>
internal static class ClassNames
{
    /// <summary>"0", "1", … "count − 1".</summary>
    public static string[] Numbered(int count) =>
        Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Throws, naming the file and the first offending example, when a label is not a class index.</summary>
    public static void CheckLabels(ReadOnlySpan<int> labels, int classCount, string file)
    {
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classCount)
                throw new InvalidDataException($"{file}: label {labels[i]} of example {i} is not a class index 0..{classCount - 1} ({classCount} classes)");
    }
}
