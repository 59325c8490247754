using System.Buffers;
using System.Runtime.InteropServices;
using ClickHouse.Driver;
using Fleet.ServiceDefaults.ClickHouse;

namespace Fleet.History.ClickHouse;

/// <summary>
/// History in ClickHouse: one ReplacingMergeTree table (see <see cref="ClickHouseSchema"/>), typed RowBinary inserts (<see cref="RowBinaryHistoryWriter"/>),
/// RowBinary reads deduplicated with LIMIT 1 BY the table key (cheaper than FINAL on a vehicle-day, same rows: a replayed batch
/// repeats identical rows) so duplicates from replayed batches never show. The table form is chosen by
/// <c>SELECT version()</c> when it is created and read back from <c>system.columns</c> afterwards, so a table made by an
/// older server keeps working after an upgrade.
/// </summary>
public sealed partial class ClickHouseHistoryStore : IHistoryStore, IDisposable
{
    private readonly ClickHouseClient _client;
    private readonly HistoryStoreOptions _options;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private ClickHouseSchema? _schema;

    public ClickHouseHistoryStore(string connectionString, HistoryStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = FleetClickHouse.CreateClient(connectionString);
        _options = options;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            var version = (await _client.QueryTsvAsync("SELECT version()", cancellationToken))[0][0];
            var schema = await ExistingSchemaAsync(cancellationToken)
                ?? new ClickHouseSchema(_options.Table, ClickHouseSchema.SupportsDateTime64(version));
            await _client.ExecuteAsync(schema.CreateTableSql(_options.RetentionDays), cancellationToken);
            _schema = schema;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    public async Task WriteAsync(IReadOnlyList<HistoryRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        // Typed RowBinary straight into the request body, uncompressed (history is written next to ClickHouse; gzip
        // cost more CPU than the bytes it saved), through the same HTTP client.
        var schema = await SchemaAsync(cancellationToken);
        var buffer = new ArrayBufferWriter<byte>(batch.Count * 160);
        RowBinaryHistoryWriter.Write(buffer, batch, schema.DateTime64);
        _ = MemoryMarshal.TryGetArray(buffer.WrittenMemory, out var written);
        using var body = new MemoryStream(written.Array!, written.Offset, written.Count, writable: false);
        using var response = await _client.InsertRawStreamAsync(
            schema.Table, body, "RowBinary", schema.Columns, useCompression: false, cancellationToken: cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public Task<IReadOnlyList<HistoryRecord>> ReadVehicleAsync(string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken) =>
        ReadAsync($"vehicle_id = {ClickHouseLiteral.Quote(vehicleId)}", fromTime, toTime, cancellationToken);

    public Task<IReadOnlyList<HistoryRecord>> ReadDeviceAsync(string deviceId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken) =>
        ReadAsync($"device_id = {ClickHouseLiteral.Quote(deviceId)}", fromTime, toTime, cancellationToken);

    public void Dispose()
    {
        _client.Dispose();
        _schemaLock.Dispose();
    }

    private async Task<IReadOnlyList<HistoryRecord>> ReadAsync(string filter, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        if (toTime <= fromTime)
        {
            return [];
        }

        var schema = await SchemaAsync(cancellationToken);
        var sql = $"SELECT {schema.SelectList} FROM {schema.Table} WHERE {filter} AND {schema.TimeRange(fromTime, toTime)} " +
            $"ORDER BY {schema.OrderBy} LIMIT 1 BY {schema.OrderBy} FORMAT RowBinary";
        using var result = await _client.ExecuteRawResultAsync(sql, null, cancellationToken);
        var bytes = await result.ReadAsByteArrayAsync();
        return RowBinaryHistoryReader.ReadAll(bytes);
    }

    private async ValueTask<ClickHouseSchema> SchemaAsync(CancellationToken cancellationToken)
    {
        if (_schema is { } known)
        {
            return known;
        }

        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            return _schema ??= await ExistingSchemaAsync(cancellationToken)
                ?? throw new InvalidOperationException($"History table '{_options.Table}' does not exist: run MigrateAsync first.");
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    private async Task<ClickHouseSchema?> ExistingSchemaAsync(CancellationToken cancellationToken)
    {
        var rows = await _client.QueryTsvAsync(
            "SELECT type FROM system.columns WHERE database = currentDatabase() " +
            $"AND table = {ClickHouseLiteral.Quote(_options.Table)} AND name = 'device_time'", cancellationToken);
        return rows.Count == 0 ? null : new ClickHouseSchema(_options.Table, rows[0][0].StartsWith("DateTime64", StringComparison.Ordinal));
    }
}
