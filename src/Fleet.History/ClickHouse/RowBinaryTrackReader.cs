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
            var time = DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64());
            records.Add(new HistoryRecord
            {
                VehicleId = vehicleId,
                DeviceId = "",
                DeviceTime = time,
                ServerTime = time,
                Lat = reader.ReadFloat64(),
                Lon = reader.ReadFloat64(),
                Valid = reader.ReadByte() != 0,
                Speed = reader.IsNull() ? null : reader.ReadFloat64(),
                Heading = reader.IsNull() ? null : reader.ReadFloat64(),
                Altitude = reader.IsNull() ? null : reader.ReadFloat64(),
                Satellites = reader.IsNull() ? null : reader.ReadInt32(),
                Ignition = reader.IsNull() ? null : reader.ReadByte() != 0,
                Fuel = reader.IsNull() ? null : reader.ReadFloat64(),
                Odometer = reader.IsNull() ? null : reader.ReadFloat64(),
                Alarm = reader.ReadString(),
            });
        }

        return records;
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

        var text = length == 0 ? "" : Encoding.UTF8.GetString(_data.Slice(_position, length));
        _position += length;
        return text;
    }
}
