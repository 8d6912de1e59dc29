namespace AutoDnn.Storage.Tests.Postgres;

/// <summary>Every PostgreSQL test class shares one throwaway server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
