using System.Globalization;

namespace Fleet.History.Postgres;

/// <summary>
/// DDL of the PostgreSQL history: a table range-partitioned by UTC day on device time, primary key
/// (vehicle_id, device_id, device_time) for idempotent inserts, and a covering (vehicle_id, device_time) index so a
/// route reads one index range per day partition in time order.
/// </summary>
internal sealed class PostgresHistorySchema(string table)
{
    public const string Columns =
        "vehicle_id, device_id, company_id, device_time, server_time, lat, lon, valid, speed, heading, altitude, " +
        "satellites, hdop, ignition, fuel, odometer, alarm, attributes";

    public string Table { get; } = table;

    public string Staging => $"{Table}_staging";

    /// <summary>Key of the advisory lock that serialises migrations and partition creation across instances.</summary>
    public long LockKey => 0x466C656574L ^ StableHash(Table);

    public string CreateSql => $"""
        CREATE TABLE IF NOT EXISTS {Table} (
          vehicle_id text NOT NULL, device_id text NOT NULL, company_id text NOT NULL DEFAULT '',
          device_time timestamptz NOT NULL, server_time timestamptz NOT NULL,
          lat double precision NOT NULL, lon double precision NOT NULL, valid boolean NOT NULL DEFAULT true,
          speed double precision, heading double precision, altitude double precision, satellites integer,
          hdop double precision, ignition boolean, fuel double precision, odometer double precision,
          alarm text NOT NULL DEFAULT '', attributes text NOT NULL DEFAULT '',
          PRIMARY KEY (vehicle_id, device_id, device_time)
        ) PARTITION BY RANGE (device_time);
        CREATE INDEX IF NOT EXISTS {Table}_route ON {Table} (vehicle_id, device_time)
          INCLUDE (device_id, company_id, server_time, lat, lon, valid, speed, heading, altitude, satellites, hdop, ignition, fuel, odometer, alarm);
        CREATE INDEX IF NOT EXISTS {Table}_device ON {Table} (device_id, device_time);
        """;

    public string StagingSql => $"CREATE TEMP TABLE IF NOT EXISTS {Staging} (LIKE {Table}) ON COMMIT DELETE ROWS";

    public string MergeSql => $"INSERT INTO {Table} ({Columns}) SELECT {Columns} FROM {Staging} ON CONFLICT DO NOTHING";

    public string PartitionName(DateOnly day) => $"{Table}_{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    public string CreatePartitionSql(DateOnly day) =>
        $"CREATE TABLE IF NOT EXISTS {PartitionName(day)} PARTITION OF {Table} " +
        $"FOR VALUES FROM ('{Iso(day)} 00:00:00+00') TO ('{Iso(day.AddDays(1))} 00:00:00+00')";

    public string SelectSql(string keyColumn) =>
        $"SELECT {Columns} FROM {Table} WHERE {keyColumn} = $1 AND device_time >= $2 AND device_time < $3 ORDER BY device_time, device_id";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long StableHash(string text)
    {
        // FNV-1a: string.GetHashCode is randomised per process, and every instance must agree on the lock key.
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)hash;
    }
}
