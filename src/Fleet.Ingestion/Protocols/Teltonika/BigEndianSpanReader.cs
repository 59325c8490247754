using System.Buffers.Binary;

namespace Fleet.Ingestion.Protocols.Teltonika;

/// <summary>
/// Forward-only big-endian reader over a span. Every read reports running out of bytes as false instead of
/// throwing, so truncated or hostile frames are rejected by return value.
/// </summary>
internal ref struct BigEndianSpanReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly int Remaining => _data.Length - _position;

    public readonly bool IsAtEnd => _position == _data.Length;

    public bool TryReadByte(out byte value)
    {
        if (Remaining < 1)
        {
            value = 0;
            return false;
        }

        value = _data[_position++];
        return true;
    }

    public bool TryReadUInt16(out ushort value)
    {
        value = 0;
        if (!TryReadSpan(sizeof(ushort), out var bytes))
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        return true;
    }

    public bool TryReadInt16(out short value)
    {
        value = 0;
        if (!TryReadSpan(sizeof(short), out var bytes))
        {
            return false;
        }

        value = BinaryPrimitives.ReadInt16BigEndian(bytes);
        return true;
    }

    public bool TryReadInt32(out int value)
    {
        value = 0;
        if (!TryReadSpan(sizeof(int), out var bytes))
        {
            return false;
        }

        value = BinaryPrimitives.ReadInt32BigEndian(bytes);
        return true;
    }

    public bool TryReadUInt64(out ulong value)
    {
        value = 0;
        if (!TryReadSpan(sizeof(ulong), out var bytes))
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        return true;
    }

    /// <summary>Reads an unsigned big-endian number of 1, 2, 4 or 8 bytes.</summary>
    public bool TryReadUnsigned(int size, out ulong value)
    {
        value = 0;
        if (!TryReadSpan(size, out var bytes))
        {
            return false;
        }

        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return true;
    }

    public bool TryReadSpan(int length, out ReadOnlySpan<byte> bytes)
    {
        if (length < 0 || Remaining < length)
        {
            bytes = default;
            return false;
        }

        bytes = _data.Slice(_position, length);
        _position += length;
        return true;
    }
}
