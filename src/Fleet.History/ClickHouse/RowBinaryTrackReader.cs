using System.Text;

namespace Fleet.History.ClickHouse;

/// <summary>
/// Parses the RowBinary rows of <see cref="ClickHouseHistoryStore.ReadTrackAsync"/>: Int64 ms time, lat, lon, valid,
/// Nullable speed/heading/altitude/satellites/ignition/fuel/odometer, alarm. Only non-empty alarms allocate a string.
/// </summary>
internal static class RowBinaryTrackReader
{
    public static List<HistoryRecord> ReadAll(ReadOnlySpan<byte> data, string vehicleId)
    {
        var reader = new RowBinarySpanReader(data);
        // A vehicle-day at 10 s is ~8,640 rows of ~75 bytes; sizing up front avoids list regrowth on month reads.
        var records = new List<HistoryRecord>(data.Length / 60);
        while (reader.HasMore)
        {
            records.Add(ReadTrackRow(ref reader, vehicleId));
        }

        return records;
    }

    /// <summary>Rows led by a vehicle_id column, grouped by vehicle. Rows arrive in runs of one vehicle, so the id string is
    /// reused while the bytes repeat.</summary>
    public static Dictionary<string, List<HistoryRecord>> ReadGrouped(ReadOnlySpan<byte> data)
    {
        var reader = new RowBinarySpanReader(data);
        var groups = new Dictionary<string, List<HistoryRecord>>();
        ReadOnlySpan<byte> lastBytes = default;
        List<HistoryRecord>? current = null;
        var vehicleId = "";
        while (reader.HasMore)
        {
            var idBytes = reader.ReadBytes();
            if (current is null || !idBytes.SequenceEqual(lastBytes))
            {
                vehicleId = Encoding.UTF8.GetString(idBytes);
                lastBytes = idBytes;
                if (!groups.TryGetValue(vehicleId, out current))
                {
                    groups[vehicleId] = current = [];
                }
            }

            current.Add(ReadTrackRow(ref reader, vehicleId));
        }

        return groups;
    }

    private static HistoryRecord ReadTrackRow(ref RowBinarySpanReader r, string vehicleId)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(r.ReadInt64());
        return new HistoryRecord
        {
            VehicleId = vehicleId,
            DeviceId = "",
            DeviceTime = time,
            ServerTime = time,
            Lat = r.ReadFloat64(),
            Lon = r.ReadFloat64(),
            Valid = r.ReadByte() != 0,
            Speed = r.IsNull() ? null : r.ReadFloat64(),
            Heading = r.IsNull() ? null : r.ReadFloat64(),
            Altitude = r.IsNull() ? null : r.ReadFloat64(),
            Satellites = r.IsNull() ? null : r.ReadInt32(),
            Ignition = r.IsNull() ? null : r.ReadByte() != 0,
            Fuel = r.IsNull() ? null : r.ReadFloat64(),
            Odometer = r.IsNull() ? null : r.ReadFloat64(),
            Alarm = r.ReadString(),
        };
    }
}
