namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>
/// CRC-16 of Wialon IPS 2.0 (the CRC-16/ARC variant: reflected polynomial 0xA001, initial value 0, no final XOR).
/// The checksum covers the message body after "#type#" up to and including the separator before the crc field.
/// </summary>
public static class WialonCrc16
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    /// <summary>
    /// Parses the crc field as devices send it: 1 to 4 hex digits, optionally prefixed with "0x"
    /// (real devices send both "F24A" and "0x9b0").
    /// </summary>
    public static bool TryParseField(ReadOnlySpan<byte> field, out ushort value)
    {
        value = 0;
        if (field.Length > 2 && field[0] == (byte)'0' && (field[1] == (byte)'x' || field[1] == (byte)'X'))
        {
            field = field[2..];
        }

        if (field.IsEmpty || field.Length > 4)
        {
            return false;
        }

        var result = 0;
        foreach (var c in field)
        {
            var digit = HexDigit(c);
            if (digit < 0)
            {
                return false;
            }

            result = (result << 4) | digit;
        }

        value = (ushort)result;
        return true;
    }

    /// <summary>True when <paramref name="crcField"/> is a well-formed checksum equal to the CRC of <paramref name="covered"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> covered, ReadOnlySpan<byte> crcField) =>
        TryParseField(crcField, out var expected) && expected == Compute(covered);

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < table.Length; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
