using System.Buffers.Binary;
using System.Text;
using Fleet.Ingestion.Protocols.Teltonika;

namespace Fleet.Tests.Protocols.Teltonika;

/// <summary>Builds Teltonika envelopes around AVL data so tests can craft edge cases with correct CRCs.</summary>
public static class TeltonikaPacketBuilder
{
    /// <summary>Preamble, data length, <paramref name="data"/>, CRC-16/IBM of the data in 4 bytes.</summary>
    public static byte[] TcpFrame(ReadOnlySpan<byte> data)
    {
        var frame = new byte[data.Length + 12];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), data.Length);
        data.CopyTo(frame.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8 + data.Length), Crc16Ibm.Compute(data));
        return frame;
    }

    /// <summary>The AVL data field (codec id .. second count) of a TCP frame.</summary>
    public static byte[] AvlData(byte[] tcpFrame) => tcpFrame[8..^4];

    /// <summary>UDP channel header + IMEI + AVL data array, as the wiki's UDP examples lay it out.</summary>
    public static byte[] UdpDatagram(ushort packetId, byte avlPacketId, string imei, ReadOnlySpan<byte> avlData)
    {
        var imeiBytes = Encoding.ASCII.GetBytes(imei);
        var datagram = new byte[8 + imeiBytes.Length + avlData.Length];
        BinaryPrimitives.WriteUInt16BigEndian(datagram, (ushort)(datagram.Length - 2));
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(2), packetId);
        datagram[4] = 0x01;
        datagram[5] = avlPacketId;
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(6), (ushort)imeiBytes.Length);
        imeiBytes.CopyTo(datagram.AsSpan(8));
        avlData.CopyTo(datagram.AsSpan(8 + imeiBytes.Length));
        return datagram;
    }

    /// <summary>A TCP login packet: 2-byte length + ASCII id.</summary>
    public static byte[] Login(string imei)
    {
        var bytes = Encoding.ASCII.GetBytes(imei);
        var frame = new byte[bytes.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)bytes.Length);
        bytes.CopyTo(frame.AsSpan(2));
        return frame;
    }
}
