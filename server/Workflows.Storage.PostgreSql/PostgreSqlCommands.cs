using Npgsql;

namespace Workflows.Storage.PostgreSql;

/// <summary>Tiny helpers so every statement is parameterised and short to write.</summary>
internal static class PostgreSqlCommands
{
    public const string UniqueViolation = "23505";

    public static NpgsqlCommand Command(this NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static async Task<int> ExecAsync(this NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(tx, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>timestamptz takes UTC only; normalised so what is stored is exactly what was hashed.</summary>
    public static DateTimeOffset Utc(this DateTimeOffset value) => StoredTime.Normalize(value);

    public static string? ReadNullableString(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateOnly? ReadDate(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    public static bool IsUniqueViolation(this PostgresException e, string constraint) =>
        e.SqlState == UniqueViolation && e.ConstraintName == constraint;
}
