using System.Buffers;

namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>
/// Splits a GT06 byte stream into frames. Bytes that cannot start a frame (no 7878/7979, impossible length,
/// wrong stop bits) are handed out as one garbage frame up to the next start marker so the stream resyncs.
/// </summary>
internal static class Gt06Framing
{
    /// <summary>The GT06 documents cap a packet below 1024 bytes; anything longer is treated as a broken length.</summary>
    public const int MaxFrameLength = 1024;

    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryRead(out byte first))
        {
            return false;
        }

        if (first != Gt06Frame.ShortStart && first != Gt06Frame.LongStart)
        {
            return TakeGarbage(ref buffer, out frame);
        }

        if (!reader.TryRead(out byte second))
        {
            return false;
        }

        if (second != first)
        {
            return TakeGarbage(ref buffer, out frame);
        }

        long totalLength;
        if (first == Gt06Frame.ShortStart)
        {
            if (!reader.TryRead(out byte length))
            {
                return false;
            }

            totalLength = length + 5;
        }
        else
        {
            if (!reader.TryReadBigEndian(out short length))
            {
                return false;
            }

            totalLength = (ushort)length + 6;
        }

        // Shortest real frame: start(2) + length + protocol(1) + serial(2) + crc(2) + stop(2).
        if (totalLength < (first == Gt06Frame.ShortStart ? 10 : 11) || totalLength > MaxFrameLength)
        {
            return TakeGarbage(ref buffer, out frame);
        }

        if (buffer.Length < totalLength)
        {
            return false;
        }

        var stopReader = new SequenceReader<byte>(buffer.Slice(totalLength - 2, 2));
        if (!stopReader.TryRead(out byte cr) || !stopReader.TryRead(out byte lf) || cr != 0x0D || lf != 0x0A)
        {
            // The length byte is most likely corrupt: do not trust it, resync on the next marker instead.
            return TakeGarbage(ref buffer, out frame);
        }

        frame = buffer.Slice(0, totalLength);
        buffer = buffer.Slice(totalLength);
        return true;
    }

    private static bool TakeGarbage(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        long end = FindNextStart(buffer);
        if (end < 0)
        {
            end = buffer.Length;
            // A trailing 0x78/0x79 may be the first half of the next marker: keep it for the next read.
            if (end > 1 && IsStartByte(LastByte(buffer)))
            {
                end--;
            }
        }

        frame = buffer.Slice(0, end);
        buffer = buffer.Slice(end);
        return true;
    }

    /// <summary>Offset (at least 1) of the next 7878 or 7979 pair, or -1.</summary>
    private static long FindNextStart(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.Advance(1);
        int previous = -1;
        while (reader.TryRead(out byte current))
        {
            if (current == previous && IsStartByte(current))
            {
                return reader.Consumed - 2;
            }

            previous = current;
        }

        return -1;
    }

    private static byte LastByte(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer.Slice(buffer.Length - 1));
        reader.TryRead(out byte last);
        return last;
    }

    private static bool IsStartByte(byte value) => value is Gt06Frame.ShortStart or Gt06Frame.LongStart;
}
