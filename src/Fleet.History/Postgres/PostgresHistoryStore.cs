using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace Fleet.History.Postgres;

/// <summary>
/// History in PostgreSQL for small installs: day partitions created on demand (idempotently, under an advisory lock),
/// binary COPY into a temp staging table, then INSERT ... ON CONFLICT DO NOTHING on the primary key — COPY alone
/// cannot skip the duplicates an at-least-once consumer replays.
/// </summary>
public sealed partial class PostgresHistoryStore : IHistoryStore, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresHistorySchema _schema;
    private readonly ConcurrentDictionary<DateOnly, bool> _knownPartitions = new();

    public PostgresHistoryStore(string connectionString, HistoryStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _schema = new PostgresHistorySchema(options.Table);
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, _schema.CreateSql, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task WriteAsync(IReadOnlyList<HistoryRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await EnsurePartitionsAsync(connection, batch, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, _schema.StagingSql, cancellationToken);
        await CopyAsync(connection, batch, cancellationToken);
        await ExecuteAsync(connection, transaction, _schema.MergeSql, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<HistoryRecord>> ReadVehicleAsync(string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken) =>
        ReadAsync("vehicle_id", vehicleId, fromTime, toTime, cancellationToken);

    public Task<IReadOnlyList<HistoryRecord>> ReadDeviceAsync(string deviceId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken) =>
        ReadAsync("device_id", deviceId, fromTime, toTime, cancellationToken);

    public void Dispose() => _dataSource.Dispose();

    private async Task EnsurePartitionsAsync(NpgsqlConnection connection, IReadOnlyList<HistoryRecord> batch, CancellationToken cancellationToken)
    {
        var missing = batch.Select(r => DateOnly.FromDateTime(WholeMilliseconds(r.DeviceTime))).Distinct()
            .Where(day => !_knownPartitions.ContainsKey(day)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        // Serialised with the migration lock: concurrent CREATE TABLE IF NOT EXISTS of one partition can still collide.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);
        foreach (var day in missing)
        {
            await ExecuteAsync(connection, transaction, _schema.CreatePartitionSql(day), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var day in missing)
        {
            _knownPartitions[day] = true;
        }
    }

    private async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<HistoryRecord> batch, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {_schema.Staging} ({PostgresHistorySchema.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var r in batch)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(r.VehicleId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.DeviceId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.CompanyId ?? "", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(WholeMilliseconds(r.DeviceTime), NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(WholeMilliseconds(r.ServerTime), NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(r.Lat, NpgsqlDbType.Double, cancellationToken);
            await writer.WriteAsync(r.Lon, NpgsqlDbType.Double, cancellationToken);
            await writer.WriteAsync(r.Valid, NpgsqlDbType.Boolean, cancellationToken);
            await WriteNullableAsync(writer, r.Speed, NpgsqlDbType.Double, cancellationToken);
            await WriteNullableAsync(writer, r.Heading, NpgsqlDbType.Double, cancellationToken);
            await WriteNullableAsync(writer, r.Altitude, NpgsqlDbType.Double, cancellationToken);
            await WriteNullableAsync(writer, r.Satellites, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(writer, r.Hdop, NpgsqlDbType.Double, cancellationToken);
            await WriteNullableAsync(writer, r.Ignition, NpgsqlDbType.Boolean, cancellationToken);
            await WriteNullableAsync(writer, r.Fuel, NpgsqlDbType.Double, cancellationToken);
            await WriteNullableAsync(writer, r.Odometer, NpgsqlDbType.Double, cancellationToken);
            await writer.WriteAsync(r.Alarm ?? "", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.AttributesJson ?? "", NpgsqlDbType.Text, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Both stores keep milliseconds, so a point's identity (and what reads return) is the same on either.</summary>
    private static DateTime WholeMilliseconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds()).UtcDateTime;

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    private async Task<IReadOnlyList<HistoryRecord>> ReadAsync(
        string keyColumn, string key, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(_schema.SelectSql(keyColumn));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = fromTime.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = toTime.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<HistoryRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(PostgresHistoryRow.Read(reader));
        }

        return records;
    }

    private async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _schema.LockKey });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
