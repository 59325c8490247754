using System.Buffers.Binary;

namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>
/// One validated GT06 frame: start 0x7878 + 1-byte length or 0x7979 + 2-byte length, protocol number, content,
/// 2-byte serial, CRC-ITU over length..serial, stop 0x0D0A. The length counts protocol number to CRC.
/// </summary>
internal readonly ref struct Gt06Frame
{
    public const byte ShortStart = 0x78;
    public const byte LongStart = 0x79;

    private Gt06Frame(byte protocol, ReadOnlySpan<byte> content, ushort serial)
    {
        Protocol = protocol;
        Content = content;
        Serial = serial;
    }

    public byte Protocol { get; }

    public ReadOnlySpan<byte> Content { get; }

    public ushort Serial { get; }

    /// <summary>Returns null and the frame when it is intact, otherwise the rejection reason.</summary>
    public static string? TryParse(ReadOnlySpan<byte> bytes, out Gt06Frame frame)
    {
        frame = default;
        if (bytes.Length < 2 || bytes[0] != bytes[1] || (bytes[0] != ShortStart && bytes[0] != LongStart))
        {
            return "garbage";
        }

        bool isLong = bytes[0] == LongStart;
        int headerLength = isLong ? 4 : 3;
        if (bytes.Length < headerLength)
        {
            return "garbage";
        }

        int declaredLength = isLong ? BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]) : bytes[2];
        // Protocol number + serial + CRC are the minimum the length can cover.
        if (declaredLength < 5 || bytes.Length != headerLength + declaredLength + 2)
        {
            return "garbage";
        }

        if (bytes[^2] != 0x0D || bytes[^1] != 0x0A)
        {
            return "garbage";
        }

        ushort expectedCrc = BinaryPrimitives.ReadUInt16BigEndian(bytes[^4..]);
        if (Crc16Itu.Compute(bytes[2..^4]) != expectedCrc)
        {
            return "bad crc";
        }

        frame = new Gt06Frame(
            bytes[headerLength],
            bytes[(headerLength + 1)..^6],
            BinaryPrimitives.ReadUInt16BigEndian(bytes[^6..]));
        return null;
    }
}
