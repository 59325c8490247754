using System.Buffers.Binary;
using System.Text;

namespace Fleet.History.ClickHouse;

/// <summary>
/// The <c>FORMAT RowBinary</c> primitives both row readers share: little-endian numbers, LEB128-length strings,
/// Nullable as one null-flag byte before the value.
/// </summary>
internal ref struct RowBinarySpanReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool HasMore => _position < _data.Length;

    public bool IsNull() => ReadByte() != 0;

    public byte ReadByte() => _data[_position++];

    public int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(_data.Slice(_position, 4));
        _position += 4;
        return value;
    }

    public long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    public double ReadFloat64()
    {
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    public string ReadString()
    {
        var bytes = ReadBytes();
        return bytes.IsEmpty ? "" : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>A string's bytes without decoding them (callers that can reuse a decoded string skip the allocation).</summary>
    public ReadOnlySpan<byte> ReadBytes()
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
