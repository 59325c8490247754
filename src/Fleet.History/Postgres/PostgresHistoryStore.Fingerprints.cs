using Npgsql;
using NpgsqlTypes;

namespace Fleet.History.Postgres;

/// <summary>Day fingerprints: the primary key already makes every point count once, so count(*) is exact.</summary>
public sealed partial class PostgresHistoryStore
{
    public async Task<IReadOnlyList<DayFingerprint>> ReadDayFingerprintsAsync(
        IReadOnlyCollection<string> vehicleIds, string timeZone, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicleIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        var days = new List<DayFingerprint>();
        if (vehicleIds.Count == 0 || toTime <= fromTime)
        {
            return days;
        }

        await using var command = _dataSource.CreateCommand(
            "SELECT vehicle_id, (device_time AT TIME ZONE $2)::date, count(*), floor(extract(epoch FROM max(server_time)) * 1000)::bigint " +
            $"FROM {_schema.Table} WHERE vehicle_id = ANY($1) AND device_time >= $3 AND device_time < $4 GROUP BY 1, 2");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. vehicleIds], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = timeZone, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = fromTime.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = toTime.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new DayFingerprint(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return days;
    }
}
