using System.Buffers.Binary;

namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>Server acknowledgement: 78 78 05 &lt;protocol&gt; &lt;serial&gt; &lt;crc&gt; 0D 0A, echoing the device's serial.</summary>
internal static class Gt06Reply
{
    public static byte[] Acknowledge(byte protocol, ushort serial)
    {
        var reply = new byte[10];
        reply[0] = Gt06Frame.ShortStart;
        reply[1] = Gt06Frame.ShortStart;
        reply[2] = 0x05;
        reply[3] = protocol;
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(4), serial);
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(6), Crc16Itu.Compute(reply.AsSpan(2, 4)));
        reply[8] = 0x0D;
        reply[9] = 0x0A;
        return reply;
    }
}
