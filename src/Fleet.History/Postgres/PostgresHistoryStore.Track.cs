using Npgsql;
using NpgsqlTypes;

namespace Fleet.History.Postgres;

/// <summary>The analysis reads: only the track columns, all of them in the covering route index (index-only scan).</summary>
public sealed partial class PostgresHistoryStore
{
    public async Task<IReadOnlyList<HistoryRecord>> ReadTrackAsync(
        string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicleId);
        await using var command = TrackCommand(vehicleId, fromTime, toTime, "device_time, device_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<HistoryRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(TrackRow(reader, vehicleId, 0));
        }

        return records;
    }

    public async Task<IReadOnlyDictionary<string, List<HistoryRecord>>> ReadFleetTracksAsync(
        IReadOnlyCollection<string> vehicleIds, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicleIds);
        var groups = new Dictionary<string, List<HistoryRecord>>();
        if (vehicleIds.Count == 0)
        {
            return groups;
        }

        await using var command = _dataSource.CreateCommand(
            "SELECT vehicle_id, device_time, lat, lon, valid, speed, heading, altitude, satellites, ignition, fuel, odometer, alarm " +
            $"FROM {_schema.Table} WHERE vehicle_id = ANY($1) AND device_time >= $2 AND device_time < $3");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. vehicleIds], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = fromTime.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = toTime.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<HistoryRecord>? current = null;
        var vehicleId = "";
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (current is null || id != vehicleId)
            {
                vehicleId = id;
                if (!groups.TryGetValue(id, out current))
                {
                    groups[id] = current = [];
                }
            }

            current.Add(TrackRow(reader, vehicleId, 1));
        }

        return groups;
    }

    /// <summary>The track columns starting at <paramref name="first"/> (device_time, lat, lon, valid, speed, ... alarm).</summary>
    private static HistoryRecord TrackRow(NpgsqlDataReader reader, string vehicleId, int first)
    {
        var time = new DateTimeOffset(reader.GetFieldValue<DateTime>(first), TimeSpan.Zero);
        return new HistoryRecord
        {
            VehicleId = vehicleId,
            DeviceId = "",
            DeviceTime = time,
            ServerTime = time,
            Lat = reader.GetDouble(first + 1),
            Lon = reader.GetDouble(first + 2),
            Valid = reader.GetBoolean(first + 3),
            Speed = Nullable<double>(reader, first + 4),
            Heading = Nullable<double>(reader, first + 5),
            Altitude = Nullable<double>(reader, first + 6),
            Satellites = Nullable<int>(reader, first + 7),
            Ignition = Nullable<bool>(reader, first + 8),
            Fuel = Nullable<double>(reader, first + 9),
            Odometer = Nullable<double>(reader, first + 10),
            Alarm = reader.GetString(first + 11),
        };
    }

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    /// <summary>The track columns of one vehicle and period (both analysis reads), in the given order.</summary>
    private NpgsqlCommand TrackCommand(string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, string orderBy)
    {
        var command = _dataSource.CreateCommand(
            "SELECT device_time, lat, lon, valid, speed, heading, altitude, satellites, ignition, fuel, odometer, alarm " +
            $"FROM {_schema.Table} WHERE vehicle_id = $1 AND device_time >= $2 AND device_time < $3 ORDER BY {orderBy}");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = vehicleId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = fromTime.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = toTime.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }
}
