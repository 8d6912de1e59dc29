namespace AutoDnn.Torch.Serialization;

/// <summary>A tensor storage named by a pickle's persistent id: record key, element type and element count.</summary>
internal sealed record StorageRef(string Key, DType DType, long NumEl);
