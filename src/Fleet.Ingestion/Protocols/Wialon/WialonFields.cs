namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>Splits a Wialon text body on a single-byte separator without allocating.</summary>
internal static class WialonFields
{
    /// <summary>
    /// Writes the field ranges into <paramref name="ranges"/> and returns the field count,
    /// or -1 when there are more fields than <paramref name="ranges"/> can hold.
    /// </summary>
    public static int Split(ReadOnlySpan<byte> text, byte separator, Span<Range> ranges)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            if (count == ranges.Length)
            {
                return -1;
            }

            var length = text[start..].IndexOf(separator);
            if (length < 0)
            {
                ranges[count++] = new Range(start, text.Length);
                return count;
            }

            ranges[count++] = new Range(start, start + length);
            start += length + 1;
        }
    }

    /// <summary>Counts the fields <see cref="Split"/> would produce.</summary>
    public static int Count(ReadOnlySpan<byte> text, byte separator) => text.Count(separator) + 1;
}
