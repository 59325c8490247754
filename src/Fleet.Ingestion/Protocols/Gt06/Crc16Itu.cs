namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>
/// CRC-ITU as the GT06 documents call it, i.e. CRC-16/X-25: polynomial 0x1021 processed reflected (0x8408),
/// initial value 0xFFFF, final XOR 0xFFFF. Check value for "123456789" is 0x906E.
/// </summary>
public static class Crc16Itu
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }

        return (ushort)(crc ^ 0xFFFF);
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < table.Length; i++)
        {
            ushort value = (ushort)i;
            for (int bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (ushort)((value >> 1) ^ 0x8408) : (ushort)(value >> 1);
            }

            table[i] = value;
        }

        return table;
    }
}
