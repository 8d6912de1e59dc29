using System.Data.Common;

namespace AutoDnn.Storage.Sql;

/// <summary>Small helpers that run parameterized SQL (parameters are named @name on every backend).</summary>
internal static class Db
{
    public static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] args)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, object? value) in args)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static int Execute(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] args)
    {
        using DbCommand command = Command(connection, transaction, sql, args);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null when there is no row or it is NULL.</summary>
    public static object? Scalar(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] args)
    {
        using DbCommand command = Command(connection, transaction, sql, args);
        object? value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static long? ScalarLong(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] args) =>
        Scalar(connection, transaction, sql, args) is { } value ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static long GetLong(this DbDataReader reader, string column) => Convert.ToInt64(reader[column], System.Globalization.CultureInfo.InvariantCulture);

    public static long? GetNullableLong(this DbDataReader reader, string column) =>
        reader[column] is DBNull ? null : Convert.ToInt64(reader[column], System.Globalization.CultureInfo.InvariantCulture);

    public static string? GetNullableString(this DbDataReader reader, string column) => reader[column] is DBNull ? null : (string)reader[column];

    /// <summary>A REAL column; SQLite stores NaN as NULL, so NULL reads back as NaN.</summary>
    public static double GetDoubleOrNaN(this DbDataReader reader, string column) =>
        reader[column] is DBNull ? double.NaN : Convert.ToDouble(reader[column], System.Globalization.CultureInfo.InvariantCulture);
}
