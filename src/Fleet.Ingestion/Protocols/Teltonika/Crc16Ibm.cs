namespace Fleet.Ingestion.Protocols.Teltonika;

/// <summary>
/// CRC-16/IBM (also known as CRC-16/ARC): polynomial 0x8005 processed reflected (0xA001), initial value 0,
/// no final XOR. Teltonika computes it over the AVL data field, codec id through the second record count.
/// </summary>
public static class Crc16Ibm
{
    private const ushort ReflectedPolynomial = 0xA001;

    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var value in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ value) & 0xFF]);
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var index = 0; index < table.Length; index++)
        {
            var crc = (ushort)index;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ ReflectedPolynomial) : (ushort)(crc >> 1);
            }

            table[index] = crc;
        }

        return table;
    }
}
