namespace Fleet.History.ClickHouse;

/// <summary>The analysis read: only the columns a track needs, deduplicated in the query, parsed without per-row strings.</summary>
public sealed partial class ClickHouseHistoryStore
{
    public async Task<IReadOnlyList<HistoryRecord>> ReadTrackAsync(
        string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicleId);
        if (toTime <= fromTime)
        {
            return [];
        }

        var schema = await SchemaAsync(cancellationToken);
        var time = schema.DateTime64
            ? "toInt64(toUnixTimestamp64Milli(device_time))"
            : "toInt64(toUInt32(device_time)) * 1000 + device_ms";
        var sql = $"SELECT {time}, lat, lon, valid, speed, heading, altitude, satellites, ignition, fuel, odometer, alarm " +
            $"FROM {schema.Table} WHERE vehicle_id = {ClickHouseLiteral.Quote(vehicleId)} AND {schema.TimeRange(fromTime, toTime)} " +
            $"ORDER BY {schema.OrderBy} LIMIT 1 BY {schema.OrderBy} FORMAT RowBinary";
        using var result = await _client.ExecuteRawResultAsync(sql, null, cancellationToken);
        var bytes = await result.ReadAsByteArrayAsync();
        return RowBinaryTrackReader.ReadAll(bytes, vehicleId);
    }
}
