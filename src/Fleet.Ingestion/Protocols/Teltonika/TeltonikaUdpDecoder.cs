using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Fleet.Ingestion.Protocols.Teltonika;

/// <summary>
/// Teltonika UDP datagrams (wiki "Teltonika Data Sending Protocols", UDP channel): length (2), packet id (2),
/// a not-usable byte (1), AVL packet id (1), IMEI length (2), IMEI, then the AVL data array with no CRC.
/// Every datagram names its device, so there is no session. Stateless and thread-safe.
/// </summary>
public sealed class TeltonikaUdpDecoder
{
    /// <summary>Length, packet id, not-usable byte, AVL packet id, IMEI length.</summary>
    private const int HeaderSize = 2 + 2 + 1 + 1 + 2;
    private const byte AcknowledgementLength = 5;

    /// <summary>Decodes one datagram; <see cref="DecodeResult.Reply"/> is the acknowledgement to send back.</summary>
    [SuppressMessage(
        "Performance",
        "CA1822:Mark members as static",
        Justification = "Instance API so the UDP listener takes the decoder by injection, like IDeviceProtocol.")]
    public DecodeResult Decode(ReadOnlySpan<byte> datagram) => DecodeDatagram(datagram);

    private static DecodeResult DecodeDatagram(ReadOnlySpan<byte> datagram)
    {
        var reader = new BigEndianSpanReader(datagram);
        if (!reader.TryReadUInt16(out var length)
            || !reader.TryReadUInt16(out var packetId)
            || !reader.TryReadByte(out _)
            || !reader.TryReadByte(out var avlPacketId)
            || !reader.TryReadUInt16(out var imeiLength))
        {
            return DecodeResult.Rejected("truncated UDP header");
        }

        if (length != datagram.Length - 2)
        {
            return DecodeResult.Rejected($"UDP length {length} does not match datagram of {datagram.Length} bytes");
        }

        if (!reader.TryReadSpan(imeiLength, out var imeiBytes) || !TeltonikaImei.TryRead(imeiBytes, out var imei))
        {
            return DecodeResult.Rejected("malformed IMEI in UDP header");
        }

        var avlData = datagram[(HeaderSize + imeiLength)..];
        if (!TeltonikaAvlParser.TryParse(avlData, out var points, out var error))
        {
            return DecodeResult.Rejected(error ?? "malformed AVL data") with { DeviceId = imei };
        }

        // Acknowledgement: length 5, the same packet id, 0x01, the AVL packet id, the number of accepted records.
        var reply = new byte[7];
        BinaryPrimitives.WriteUInt16BigEndian(reply, AcknowledgementLength);
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(2), packetId);
        reply[4] = 0x01;
        reply[5] = avlPacketId;
        reply[6] = (byte)points.Count;
        return new DecodeResult { DeviceId = imei, Points = points, Reply = reply };
    }
}
