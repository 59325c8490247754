namespace Fleet.Ingestion.Protocols.FleetJson;

/// <summary>
/// Finds "\uD800"-style escapes that do not form a surrogate pair. JSON syntax allows them, but
/// System.Text.Json throws when such a string is read, so bodies carrying them are refused up front.
/// </summary>
internal static class JsonEscapes
{
    /// <param name="raw">A string token's raw bytes, escapes not yet decoded (already syntax-checked by the reader).</param>
    public static bool HasLoneSurrogate(ReadOnlySpan<byte> raw)
    {
        var index = 0;
        while (index < raw.Length)
        {
            if (raw[index] != (byte)'\\' || index + 1 >= raw.Length)
            {
                index++;
                continue;
            }

            if (raw[index + 1] != (byte)'u')
            {
                index += 2;
                continue;
            }

            var unit = ReadUnit(raw, index);
            index += 6;
            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return true;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (ReadUnit(raw, index) is not (>= 0xDC00 and <= 0xDFFF))
                {
                    return true;
                }

                index += 6;
            }
        }

        return false;
    }

    /// <summary>The UTF-16 unit of a "\uXXXX" escape at <paramref name="index"/>, or -1 when there is none.</summary>
    private static int ReadUnit(ReadOnlySpan<byte> raw, int index)
    {
        if (index + 6 > raw.Length || raw[index] != (byte)'\\' || raw[index + 1] != (byte)'u')
        {
            return -1;
        }

        var unit = 0;
        foreach (var c in raw.Slice(index + 2, 4))
        {
            var digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return -1;
            }

            unit = (unit << 4) | digit;
        }

        return unit;
    }
}
