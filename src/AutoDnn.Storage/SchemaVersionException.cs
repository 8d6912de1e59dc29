namespace AutoDnn.Storage;

/// <summary>Thrown when a database was written by a newer AutoDnn whose schema this program does not know.</summary>
public sealed class SchemaVersionException : InvalidOperationException
{
    public SchemaVersionException(string location, int databaseVersion, int programVersion)
        : base($"The trial database {location} has schema version {databaseVersion}, but this AutoDnn "
            + $"({SchemaVersionException.ProgramVersion}) supports schema versions up to {programVersion}. "
            + "Upgrade AutoDnn to open it; it was not changed.")
    {
        Location = location;
        DatabaseVersion = databaseVersion;
        ProgramSchemaVersion = programVersion;
    }

    public string Location { get; }

    public int DatabaseVersion { get; }

    public int ProgramSchemaVersion { get; }

    internal static string ProgramVersion => typeof(SchemaVersionException).Assembly.GetName().Version?.ToString() ?? "unknown version";
}
