namespace Fleet.History.Postgres;

/// <summary>The analysis read as value types (the covering route index answers it in time order).</summary>
public sealed partial class PostgresHistoryStore
{
    public async Task<TrackRows> ReadTrackRowsAsync(
        string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicleId);
        await using var command = TrackCommand(vehicleId, fromTime, toTime, "device_time");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<History.TrackRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new History.TrackRow(
                new DateTimeOffset(reader.GetFieldValue<DateTime>(0), TimeSpan.Zero).ToUnixTimeMilliseconds(),
                reader.GetDouble(1),
                reader.GetDouble(2),
                reader.GetBoolean(3),
                Nullable<double>(reader, 4),
                Nullable<double>(reader, 5),
                Nullable<double>(reader, 6),
                Nullable<int>(reader, 7),
                Nullable<bool>(reader, 8),
                Nullable<double>(reader, 9),
                Nullable<double>(reader, 10),
                reader.GetString(11)));
        }

        var result = new TrackRows(rows.Count);
        rows.CopyTo(result.Writable);
        result.SortByTime();
        return result;
    }
}
