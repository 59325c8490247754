using Npgsql;

namespace Fleet.Trajectory.Services;

/// <summary>Creates a table Trajectory owns as a cache (summaries, route pieces) in its PostgreSQL.</summary>
internal static class CacheTableDdl
{
    /// <summary>Several instances start at once: CREATE TABLE IF NOT EXISTS alone can still collide on the catalog, so it runs under an advisory lock.</summary>
    public static async Task CreateAsync(NpgsqlDataSource dataSource, long lockKey, string createSql, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lockKey });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(createSql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
