using System.IO.Compression;

namespace AutoDnn.Torch.Serialization;

/// <summary>
/// Reads and writes PyTorch's weights file format (the zip that <c>torch.save</c> writes: <c>archive/data.pkl</c>,
/// one raw storage per tensor under <c>archive/data/</c>, and <c>archive/version</c>), so files move both ways
/// between AutoDnn and Python.
/// </summary>
public static class WeightsFile
{
    private const string Folder = "archive";

    /// <summary>Writes named tensors as an OrderedDict, the way <c>torch.save(model.state_dict(), path)</c> does.</summary>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var entries = tensors.ToList();
        string temp = path + ".tmp";
        using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
        {
            var storages = new List<(string Key, Tensor Tensor)>();
            for (int i = 0; i < entries.Count; i++) storages.Add((i.ToString(System.Globalization.CultureInfo.InvariantCulture), entries[i].Value));
            Write(zip, "data.pkl", PickleWriter.StateDict(entries.Select((e, i) => (e.Key, storages[i].Key, e.Value)).ToList()));
            foreach (var (key, tensor) in storages) Write(zip, "data/" + key, TensorBytes.Of(tensor));
            Write(zip, "version", "3\n"u8.ToArray());
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Reads a dictionary of tensors saved by <see cref="Save"/> or by Python's <c>torch.save</c> (a <c>state_dict()</c>
    /// OrderedDict or a plain dict). Tensors are created in the current <see cref="DisposeScope"/>, if any.
    /// </summary>
    public static OrderedDictionary<string, Tensor> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"weights file '{path}' does not exist", path);
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(path); }
        catch (InvalidDataException e) { throw new InvalidDataException($"'{path}' is not a PyTorch weights file (not a zip: saved with _use_new_zipfile_serialization=False?): {e.Message}", e); }
        using (zip)
        {
            ZipArchiveEntry pickle = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal) || e.FullName == "data.pkl")
                ?? throw new InvalidDataException($"'{path}' has no data.pkl: not a file written by torch.save");
            string prefix = pickle.FullName[..^"data.pkl".Length];
            byte[] ReadRecord(string key)
            {
                ZipArchiveEntry entry = zip.GetEntry(prefix + "data/" + key)
                    ?? throw new InvalidDataException($"'{path}' lacks the storage record {prefix}data/{key}");
                return ReadAll(entry);
            }
            object? root = new PickleReader(ReadAll(pickle), ReadRecord, path).Load();
            if (root is not PickleDict dict)
                throw new InvalidDataException($"'{path}' holds a {PickleReader.Describe(root)}, not a dictionary of tensors (save model.state_dict())");
            var result = new OrderedDictionary<string, Tensor>();
            foreach (var (key, value) in dict.Items)
            {
                if (key is not string name || value is not Tensor t)
                    throw new InvalidDataException($"'{path}': entry {key} is a {PickleReader.Describe(value)}, not a tensor");
                result.Add(name, t);
            }
            return result;
        }
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        ZipArchiveEntry entry = zip.CreateEntry($"{Folder}/{name}", CompressionLevel.NoCompression);
        using Stream s = entry.Open();
        s.Write(bytes);
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using Stream s = entry.Open();
        var buffer = new MemoryStream((int)entry.Length);
        s.CopyTo(buffer);
        return buffer.ToArray();
    }
}
