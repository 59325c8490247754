using System.Buffers.Binary;
using System.Text;

namespace Fleet.History.ClickHouse;

/// <summary>
/// Parses <c>FORMAT RowBinary</c> rows in the layout of <see cref="ClickHouseSchema.SelectList"/>: little-endian
/// numbers, LEB128-length strings, Nullable as one null-flag byte before the value.
/// </summary>
internal ref struct RowBinaryHistoryReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public static List<HistoryRecord> ReadAll(ReadOnlySpan<byte> data)
    {
        var reader = new RowBinaryHistoryReader(data);
        var records = new List<HistoryRecord>();
        while (reader._position < reader._data.Length)
        {
            records.Add(reader.ReadRecord());
        }

        return records;
    }

    private HistoryRecord ReadRecord() => new()
    {
        VehicleId = ReadString(),
        DeviceId = ReadString(),
        CompanyId = ReadString(),
        DeviceTime = DateTimeOffset.FromUnixTimeMilliseconds(ReadInt64()),
        ServerTime = DateTimeOffset.FromUnixTimeMilliseconds(ReadInt64()),
        Lat = ReadFloat64(),
        Lon = ReadFloat64(),
        Valid = ReadByte() != 0,
        Speed = IsNull() ? null : ReadFloat64(),
        Heading = IsNull() ? null : ReadFloat64(),
        Altitude = IsNull() ? null : ReadFloat64(),
        Satellites = IsNull() ? null : ReadInt32(),
        Hdop = IsNull() ? null : ReadFloat64(),
        Ignition = IsNull() ? null : ReadByte() != 0,
        Fuel = IsNull() ? null : ReadFloat64(),
        Odometer = IsNull() ? null : ReadFloat64(),
        Alarm = ReadString(),
        AttributesJson = ReadString(),
    };

    private bool IsNull() => ReadByte() != 0;

    private byte ReadByte() => _data[_position++];

    private int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(_data[_position..]);
        _position += 4;
        return value;
    }

    private long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(_data[_position..]);
        _position += 8;
        return value;
    }

    private double ReadFloat64()
    {
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data[_position..]);
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
