namespace Fleet.History.ClickHouse;

/// <summary>The analysis read in columnar form: Native format, no server-side sort or dedupe, sorted here on a primitive key.</summary>
public sealed partial class ClickHouseHistoryStore
{
    public async Task<TrackRows> ReadTrackRowsAsync(
        string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicleId);
        if (toTime <= fromTime)
        {
            return new TrackRows(0);
        }

        var schema = await SchemaAsync(cancellationToken);
        var time = schema.DateTime64
            ? "toInt64(toUnixTimestamp64Milli(device_time))"
            : "toInt64(toUInt32(device_time)) * 1000 + device_ms";
        var sql = $"SELECT {time} AS time_ms, {NativeTrackReader.Columns} " +
            $"FROM {schema.Table} WHERE vehicle_id = {ClickHouseLiteral.Quote(vehicleId)} AND {schema.TimeRange(fromTime, toTime)} FORMAT Native";
        using var result = await _client.ExecuteRawResultAsync(sql, null, cancellationToken);
        await using var stream = await result.ReadAsStreamAsync();
        using var body = await PooledBody.ReadAsync(stream, cancellationToken);
        var rows = NativeTrackReader.Read(body.Span);
        rows.SortByTime();
        return rows;
    }
}
