namespace AutoDnn.Storage;

/// <summary>Which database a storage URL names.</summary>
public enum StorageKind
{
    Sqlite,
    Postgres,
}
