using System.Buffers;

namespace Fleet.Ingestion.Protocols.Teltonika;

/// <summary>
/// Splits a Teltonika TCP stream into frames without session state, by the first bytes:
/// <list type="bullet">
/// <item><c>FF</c>: a one-byte keep-alive ping some FMB firmware sends on an open link.</item>
/// <item><c>00 00 00 00</c> + 4-byte data length: an AVL packet of 12 + length bytes (preamble, length, data, CRC).</item>
/// <item><c>00 LL</c> with LL in 15..17: the IMEI login packet of 2 + LL bytes.</item>
/// </list>
/// Anything else is returned as a garbage frame (never the empty buffer) so the decoder can count and reject it.
/// </summary>
internal static class TeltonikaTcpFraming
{
    public const byte PingByte = 0xFF;
    public const int AvlHeaderSize = 8;
    public const int CrcFieldSize = 4;

    /// <summary>Codec id + record count + record count: the smallest AVL data field.</summary>
    public const int MinDataLength = 3;

    /// <summary>
    /// The wiki documents 1280 bytes as the largest AVL packet for most devices (512 for FMB640-class); 64 KiB leaves
    /// room for large Codec 8E records while bounding what one connection can make the server buffer.
    /// </summary>
    public const int MaxDataLength = 64 * 1024;

    private static readonly byte[] FrameStartBytes = [0x00, PingByte];

    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryRead(out var first))
        {
            return false;
        }

        if (first == PingByte)
        {
            return Take(ref buffer, 1, out frame);
        }

        if (first != 0x00)
        {
            return Take(ref buffer, GarbageLength(buffer), out frame);
        }

        if (!reader.TryRead(out var second))
        {
            return false;
        }

        return second == 0x00
            ? TryReadAvlFrame(ref buffer, ref reader, out frame)
            : TryReadLoginFrame(ref buffer, second, out frame);
    }

    private static bool TryReadLoginFrame(ref ReadOnlySequence<byte> buffer, byte imeiLength, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (!TeltonikaImei.IsPlausibleLength(imeiLength))
        {
            // The 2-byte header alone: Decode rejects it and closes the connection.
            return Take(ref buffer, 2, out frame);
        }

        var frameLength = 2 + imeiLength;
        return buffer.Length >= frameLength && Take(ref buffer, frameLength, out frame);
    }

    private static bool TryReadAvlFrame(
        ref ReadOnlySequence<byte> buffer, ref SequenceReader<byte> reader, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (!reader.TryReadBigEndian(out short preambleLow))
        {
            return false;
        }

        if (preambleLow != 0)
        {
            return Take(ref buffer, 4, out frame);
        }

        if (!reader.TryReadBigEndian(out int dataLength))
        {
            return false;
        }

        if (dataLength is < MinDataLength or > MaxDataLength)
        {
            // Header only: the decoder rejects the impossible length and closes the connection.
            return Take(ref buffer, AvlHeaderSize, out frame);
        }

        var frameLength = AvlHeaderSize + dataLength + CrcFieldSize;
        return buffer.Length >= frameLength && Take(ref buffer, frameLength, out frame);
    }

    /// <summary>Bytes up to (not including) the next byte that could start a frame; at least one.</summary>
    private static long GarbageLength(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.Advance(1);
        return reader.TryAdvanceToAny(FrameStartBytes, advancePastDelimiter: false) ? reader.Consumed : buffer.Length;
    }

    private static bool Take(ref ReadOnlySequence<byte> buffer, long length, out ReadOnlySequence<byte> frame)
    {
        frame = buffer.Slice(0, length);
        buffer = buffer.Slice(length);
        return true;
    }
}
