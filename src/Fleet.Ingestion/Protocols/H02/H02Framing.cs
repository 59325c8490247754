using System.Buffers;

namespace Fleet.Ingestion.Protocols.H02;

/// <summary>
/// Splits an H02 stream: text frames run from '*' to '#'. A '$' binary frame has neither length nor terminator,
/// so it is handed out (up to the next '*' or '$') for Decode to reject as unsupported. Line breaks between frames
/// come out as a whitespace frame that decodes to nothing; any other stray bytes become one garbage frame.
/// </summary>
internal static class H02Framing
{
    /// <summary>Real frames are far below this; a longer run without '#' is cut here and rejected.</summary>
    public const int MaxFrameLength = 1024;

    public const byte TextStart = (byte)'*';
    public const byte TextEnd = (byte)'#';
    public const byte BinaryStart = (byte)'$';

    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryPeek(out byte first))
        {
            return false;
        }

        long end = first switch
        {
            TextStart => FindTextEnd(buffer),
            _ when IsWhitespace(first) => FindWhitespaceEnd(buffer),
            _ => FindNextStart(buffer),
        };

        if (end <= 0)
        {
            return false;
        }

        frame = buffer.Slice(0, end);
        buffer = buffer.Slice(end);
        return true;
    }

    public static bool IsWhitespace(byte value) => value is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t';

    /// <summary>Length of the text frame including '#'; up to a new '*' when the frame was cut short; 0 = wait.</summary>
    private static long FindTextEnd(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.Advance(1);
        while (reader.Consumed < MaxFrameLength && reader.TryRead(out byte value))
        {
            if (value == TextEnd)
            {
                return reader.Consumed;
            }

            if (value == TextStart)
            {
                return reader.Consumed - 1;
            }
        }

        return buffer.Length >= MaxFrameLength ? MaxFrameLength : 0;
    }

    private static long FindWhitespaceEnd(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (reader.TryPeek(out byte value) && IsWhitespace(value))
        {
            reader.Advance(1);
        }

        return reader.Consumed;
    }

    /// <summary>Garbage (or an unsupported binary frame) runs to the next '*' or '$', or to the end of the buffer.</summary>
    private static long FindNextStart(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.Advance(1);
        return reader.TryAdvanceToAny([TextStart, BinaryStart], advancePastDelimiter: false)
            ? reader.Consumed
            : buffer.Length;
    }
}
