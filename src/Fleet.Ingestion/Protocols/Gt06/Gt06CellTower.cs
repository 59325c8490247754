using System.Buffers.Binary;

namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>LBS block: MCC (2), MNC (1, or 2 when MCC bit 15 is set), LAC (2), cell id (3).</summary>
internal static class Gt06CellTower
{
    /// <summary>Adds mcc/mnc/lac/cellId to the attributes; returns the bytes used, or 0 when the block is too short.</summary>
    public static int TryRead(ReadOnlySpan<byte> bytes, Dictionary<string, double> attributes)
    {
        if (bytes.Length < 8)
        {
            return 0;
        }

        int mcc = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        bool wideMnc = (mcc & 0x8000) != 0;
        int length = wideMnc ? 9 : 8;
        if (bytes.Length < length)
        {
            return 0;
        }

        int offset = 2;
        int mnc = wideMnc ? BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]) : bytes[offset];
        offset += wideMnc ? 2 : 1;
        attributes["mcc"] = mcc & 0x7FFF;
        attributes["mnc"] = mnc;
        attributes["lac"] = BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]);
        offset += 2;
        attributes["cellId"] = (bytes[offset] << 16) | (bytes[offset + 1] << 8) | bytes[offset + 2];
        return length;
    }
}
