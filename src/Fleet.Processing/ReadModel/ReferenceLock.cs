using Npgsql;

namespace Fleet.Processing.ReadModel;

/// <summary>
/// A PostgreSQL advisory lock that keeps a cache rebuild (exclusive) from interleaving with event application (shared)
/// across every Processing instance, so a rebuild never overwrites a newer entity with an older snapshot.
/// </summary>
internal static class ReferenceLock
{
    private const long Key = 7261002;

    public static Task AcquireSharedAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, $"SELECT pg_advisory_lock_shared({Key})", cancellationToken);

    public static Task ReleaseSharedAsync(NpgsqlConnection connection) =>
        ExecuteAsync(connection, $"SELECT pg_advisory_unlock_shared({Key})", CancellationToken.None);

    public static Task AcquireExclusiveAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, $"SELECT pg_advisory_lock({Key})", cancellationToken);

    public static Task ReleaseExclusiveAsync(NpgsqlConnection connection) =>
        ExecuteAsync(connection, $"SELECT pg_advisory_unlock({Key})", CancellationToken.None);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
