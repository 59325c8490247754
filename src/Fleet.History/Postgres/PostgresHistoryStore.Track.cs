using Npgsql;
using NpgsqlTypes;

namespace Fleet.History.Postgres;

/// <summary>The analysis read: only the track columns, all of them in the covering route index (index-only scan).</summary>
public sealed partial class PostgresHistoryStore
{
    public async Task<IReadOnlyList<HistoryRecord>> ReadTrackAsync(
        string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicleId);
        await using var command = _dataSource.CreateCommand(
            "SELECT device_time, lat, lon, valid, speed, heading, altitude, satellites, ignition, fuel, odometer, alarm " +
            $"FROM {_schema.Table} WHERE vehicle_id = $1 AND device_time >= $2 AND device_time < $3 ORDER BY device_time, device_id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = vehicleId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = fromTime.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = toTime.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<HistoryRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var time = new DateTimeOffset(reader.GetFieldValue<DateTime>(0), TimeSpan.Zero);
            records.Add(new HistoryRecord
            {
                VehicleId = vehicleId,
                DeviceId = "",
                DeviceTime = time,
                ServerTime = time,
                Lat = reader.GetDouble(1),
                Lon = reader.GetDouble(2),
                Valid = reader.GetBoolean(3),
                Speed = Nullable<double>(reader, 4),
                Heading = Nullable<double>(reader, 5),
                Altitude = Nullable<double>(reader, 6),
                Satellites = Nullable<int>(reader, 7),
                Ignition = Nullable<bool>(reader, 8),
                Fuel = Nullable<double>(reader, 9),
                Odometer = Nullable<double>(reader, 10),
                Alarm = reader.GetString(11),
            });
        }

        return records;
    }

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
