using System.Buffers.Binary;
using System.Text;

namespace Fleet.Bench.Ingestion;

/// <summary>Builds what a Teltonika tracker sends: the IMEI login and Codec 8 AVL packets with fresh timestamps.</summary>
public static class Codec8Packet
{
    // timestamp 8, priority 1, GPS 15, IO: event id, total, N1, (id 239 ignition, value), N2, N4, N8.
    private const int RecordBytes = 8 + 1 + 15 + 8;

    /// <summary>Two-byte length + ASCII IMEI; the server answers one byte, 01 = accepted.</summary>
    public static byte[] Login(string imei)
    {
        ArgumentNullException.ThrowIfNull(imei);
        var packet = new byte[2 + imei.Length];
        BinaryPrimitives.WriteUInt16BigEndian(packet, (ushort)imei.Length);
        Encoding.ASCII.GetBytes(imei, packet.AsSpan(2));
        return packet;
    }

    /// <summary>
    /// One packet of <paramref name="records"/> valid points, one second apart ending now, around a start position
    /// that differs per device. The server ACKs with the record count as 4 bytes big-endian.
    /// </summary>
    public static byte[] Create(int records, int deviceNumber, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(records, 255);
        var dataLength = 1 + 1 + records * RecordBytes + 1;
        var packet = new byte[8 + dataLength + 4];
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(4), dataLength);
        var data = packet.AsSpan(8, dataLength);
        data[0] = 0x08;
        data[1] = (byte)records;
        var lat = 52.0 + (deviceNumber % 1000) * 0.001;
        var lon = 13.0 + (deviceNumber / 1000) * 0.001;
        var offset = 2;
        for (var r = 0; r < records; r++)
        {
            var span = data.Slice(offset, RecordBytes);
            BinaryPrimitives.WriteInt64BigEndian(span, now.AddSeconds(r - records).ToUnixTimeMilliseconds());
            span[8] = 0; // priority
            BinaryPrimitives.WriteInt32BigEndian(span[9..], (int)((lon + r * 0.0001) * 1e7));
            BinaryPrimitives.WriteInt32BigEndian(span[13..], (int)((lat + r * 0.0001) * 1e7));
            BinaryPrimitives.WriteInt16BigEndian(span[17..], 120); // altitude m
            BinaryPrimitives.WriteInt16BigEndian(span[19..], (short)(r * 7 % 360)); // heading
            span[21] = 9; // satellites
            BinaryPrimitives.WriteInt16BigEndian(span[22..], 50); // km/h
            span[24] = 0; // event IO id
            span[25] = 1; // IO elements in total
            span[26] = 1; // one 1-byte element
            span[27] = 239; // ignition
            span[28] = 1;
            span[29] = 0; // no 2-byte elements
            span[30] = 0; // no 4-byte elements
            span[31] = 0; // no 8-byte elements
            offset += RecordBytes;
        }

        data[offset] = (byte)records;
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(8 + dataLength), Crc16Ibm(data));
        return packet;
    }

    /// <summary>CRC-16/IBM (poly 0xA001 reflected, init 0) over codec id .. second record count.</summary>
    private static ushort Crc16Ibm(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }
}
