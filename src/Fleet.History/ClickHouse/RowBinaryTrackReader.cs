using System.Buffers.Binary;
using System.Text;

namespace Fleet.History.ClickHouse;

/// <summary>
/// Parses the RowBinary rows of <see cref="ClickHouseHistoryStore.ReadTrackAsync"/>: Int64 ms time, lat, lon, valid,
/// Nullable speed/heading/altitude/satellites/ignition/fuel/odometer, alarm. Only non-empty alarms allocate a string.
/// </summary>
internal ref struct RowBinaryTrackReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public static List<HistoryRecord> ReadAll(ReadOnlySpan<byte> data, string vehicleId)
    {
        var reader = new RowBinaryTrackReader(data);
        // A vehicle-day at 10 s is ~8,640 rows of ~75 bytes; sizing up front avoids list regrowth on month reads.
        var records = new List<HistoryRecord>(data.Length / 60);
        while (reader._position < reader._data.Length)
        {
            records.Add(reader.ReadTrackRow(vehicleId));
        }

        return records;
    }

    /// <summary>Rows led by a vehicle_id column, grouped by vehicle. Rows arrive in runs of one vehicle, so the id string is
    /// reused while the bytes repeat.</summary>
    public static Dictionary<string, List<HistoryRecord>> ReadGrouped(ReadOnlySpan<byte> data)
    {
        var reader = new RowBinaryTrackReader(data);
        var groups = new Dictionary<string, List<HistoryRecord>>();
        ReadOnlySpan<byte> lastBytes = default;
        List<HistoryRecord>? current = null;
        var vehicleId = "";
        while (reader._position < reader._data.Length)
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

            current.Add(reader.ReadTrackRow(vehicleId));
        }

        return groups;
    }

    private HistoryRecord ReadTrackRow(string vehicleId)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(ReadInt64());
        return new HistoryRecord
        {
            VehicleId = vehicleId,
            DeviceId = "",
            DeviceTime = time,
            ServerTime = time,
            Lat = ReadFloat64(),
            Lon = ReadFloat64(),
            Valid = ReadByte() != 0,
            Speed = IsNull() ? null : ReadFloat64(),
            Heading = IsNull() ? null : ReadFloat64(),
            Altitude = IsNull() ? null : ReadFloat64(),
            Satellites = IsNull() ? null : ReadInt32(),
            Ignition = IsNull() ? null : ReadByte() != 0,
            Fuel = IsNull() ? null : ReadFloat64(),
            Odometer = IsNull() ? null : ReadFloat64(),
            Alarm = ReadString(),
        };
    }

    private bool IsNull() => ReadByte() != 0;

    private byte ReadByte() => _data[_position++];

    private int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(_data.Slice(_position, 4));
        _position += 4;
        return value;
    }

    private long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    private double ReadFloat64()
    {
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    private string ReadString()
    {
        var bytes = ReadBytes();
        return bytes.IsEmpty ? "" : Encoding.UTF8.GetString(bytes);
    }

    private ReadOnlySpan<byte> ReadBytes()
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = ReadByte();
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }
}
