using System.Globalization;

namespace Fleet.History.ClickHouse;

/// <summary>
/// The history table in the two forms the servers accept. Legacy (Debian's 18.16): second-precision DateTime plus a
/// UInt16 millisecond column, no codecs/TTL. Current releases: DateTime64(3), column codecs, optional TTL. Both are a
/// ReplacingMergeTree keyed on (vehicle, time, device), partitioned by month; reads deduplicate with LIMIT 1 BY the key
/// (or, for fleet analysis, in process) so a replayed batch never shows twice. Every query selects the same RowBinary layout, so one reader serves both.
/// </summary>
public sealed class ClickHouseSchema(string table, bool dateTime64)
{
    public string Table { get; } = table;

    public bool DateTime64 { get; } = dateTime64;

    /// <summary>DateTime64, codecs and TTL arrived in 19.x/20.1; anything from 21 on takes the current form.</summary>
    public static bool SupportsDateTime64(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var major = version.Split('.')[0];
        return int.TryParse(major, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 21;
    }

    public string CreateTableSql(int? retentionDays) => DateTime64
        ? $"""
          CREATE TABLE IF NOT EXISTS {Table} (
            vehicle_id String, device_id String, company_id String,
            device_time DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
            server_time DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
            lat Float64 CODEC(Gorilla, ZSTD(1)), lon Float64 CODEC(Gorilla, ZSTD(1)), valid UInt8,
            speed Nullable(Float64), heading Nullable(Float64), altitude Nullable(Float64), satellites Nullable(Int32),
            hdop Nullable(Float64), ignition Nullable(UInt8), fuel Nullable(Float64), odometer Nullable(Float64),
            alarm LowCardinality(String), attributes String CODEC(ZSTD(3)))
          ENGINE = ReplacingMergeTree
          PARTITION BY toYYYYMM(device_time)
          ORDER BY (vehicle_id, device_time, device_id)
          {(retentionDays is { } days ? $"TTL toDateTime(device_time) + toIntervalDay({days})" : "")}
          """
        : $"""
          CREATE TABLE IF NOT EXISTS {Table} (
            vehicle_id String, device_id String, company_id String,
            device_time DateTime, device_ms UInt16, server_time DateTime, server_ms UInt16,
            lat Float64, lon Float64, valid UInt8,
            speed Nullable(Float64), heading Nullable(Float64), altitude Nullable(Float64), satellites Nullable(Int32),
            hdop Nullable(Float64), ignition Nullable(UInt8), fuel Nullable(Float64), odometer Nullable(Float64),
            alarm String, attributes String)
          ENGINE = ReplacingMergeTree()
          PARTITION BY toYYYYMM(device_time)
          ORDER BY (vehicle_id, device_time, device_ms, device_id)
          """;

    /// <summary>Insert columns, in the order <see cref="RowBinaryHistoryWriter"/> writes them.</summary>
    public IReadOnlyList<string> Columns => DateTime64 ? ModernColumns : LegacyColumns;

    /// <summary>Columns in the layout <see cref="RowBinaryHistoryReader"/> parses; times as Int64 Unix milliseconds.</summary>
    public string SelectList => "vehicle_id, device_id, company_id, " + (DateTime64
        ? "toInt64(toUnixTimestamp64Milli(device_time)), toInt64(toUnixTimestamp64Milli(server_time)), "
        : "toInt64(toUInt32(device_time)) * 1000 + device_ms, toInt64(toUInt32(server_time)) * 1000 + server_ms, ")
        + "lat, lon, valid, speed, heading, altitude, satellites, hdop, ignition, fuel, odometer, alarm, attributes";

    /// <summary>from ≤ device time &lt; to, with a whole-second bound first so the primary key prunes granules.</summary>
    public string TimeRange(DateTimeOffset from, DateTimeOffset to)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        if (DateTime64)
        {
            return $"device_time >= fromUnixTimestamp64Milli(toInt64({fromMs}), 'UTC') AND device_time < fromUnixTimestamp64Milli(toInt64({toMs}), 'UTC')";
        }

        var exact = "toInt64(toUInt32(device_time)) * 1000 + device_ms";
        return $"device_time >= toDateTime({FloorSeconds(fromMs)}) AND device_time <= toDateTime({FloorSeconds(toMs)}) " +
            $"AND {exact} >= {fromMs} AND {exact} < {toMs}";
    }

    public string OrderBy => DateTime64 ? "device_time, device_id" : "device_time, device_ms, device_id";

    private static long FloorSeconds(long ms) => Math.Max(0, (long)Math.Floor(ms / 1000.0));

    private static readonly string[] LegacyColumns =
    [
        "vehicle_id", "device_id", "company_id", "device_time", "device_ms", "server_time", "server_ms",
        "lat", "lon", "valid", "speed", "heading", "altitude", "satellites", "hdop", "ignition", "fuel", "odometer", "alarm", "attributes",
    ];

    private static readonly string[] ModernColumns =
    [
        "vehicle_id", "device_id", "company_id", "device_time", "server_time",
        "lat", "lon", "valid", "speed", "heading", "altitude", "satellites", "hdop", "ignition", "fuel", "odometer", "alarm", "attributes",
    ];
}
