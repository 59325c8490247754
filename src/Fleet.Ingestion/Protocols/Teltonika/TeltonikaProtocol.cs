using System.Buffers;
using System.Buffers.Binary;

namespace Fleet.Ingestion.Protocols.Teltonika;

/// <summary>
/// Teltonika FMx TCP protocol (wiki "Teltonika Data Sending Protocols"): an IMEI login answered 01/00, then AVL
/// packets in Codec 8, 8 Extended or 16, each acknowledged with the 4-byte big-endian number of accepted records.
/// </summary>
public sealed class TeltonikaProtocol : IDeviceProtocol
{
    private static readonly byte[] LoginAccepted = [0x01];
    private static readonly byte[] LoginRefused = [0x00];

    public string Name => "teltonika";

    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame) =>
        TeltonikaTcpFraming.TryReadFrame(ref buffer, out frame);

    public DecodeResult Decode(ReadOnlySpan<byte> frame, DeviceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (frame.IsEmpty)
        {
            return DecodeResult.Rejected("empty frame");
        }

        if (frame.Length == 1 && frame[0] == TeltonikaTcpFraming.PingByte)
        {
            // Keep-alive: nothing to store, nothing to answer.
            return new DecodeResult();
        }

        if (frame[0] != 0x00 || frame.Length < 2)
        {
            return DecodeResult.Rejected("unrecognised bytes outside a frame", close: true);
        }

        return frame[1] == 0x00 ? DecodeAvlPacket(frame, session) : DecodeLogin(frame);
    }

    private static DecodeResult DecodeLogin(ReadOnlySpan<byte> frame)
    {
        var declaredLength = BinaryPrimitives.ReadUInt16BigEndian(frame);
        if (frame.Length != 2 + declaredLength || !TeltonikaImei.TryRead(frame[2..], out var imei))
        {
            return DecodeResult.Rejected("malformed IMEI login", close: true) with { RejectReply = LoginRefused };
        }

        return new DecodeResult
        {
            IsLogin = true,
            DeviceId = imei,
            Reply = LoginAccepted,
            RejectReply = LoginRefused,
        };
    }

    private static DecodeResult DecodeAvlPacket(ReadOnlySpan<byte> frame, DeviceSession session)
    {
        const int headerSize = TeltonikaTcpFraming.AvlHeaderSize;
        const int crcSize = TeltonikaTcpFraming.CrcFieldSize;
        if (frame.Length < headerSize || BinaryPrimitives.ReadUInt32BigEndian(frame) != 0)
        {
            return DecodeResult.Rejected("malformed AVL preamble", close: true);
        }

        var dataLength = BinaryPrimitives.ReadInt32BigEndian(frame[4..]);
        if (dataLength is < TeltonikaTcpFraming.MinDataLength or > TeltonikaTcpFraming.MaxDataLength)
        {
            return DecodeResult.Rejected($"AVL data length {dataLength} outside 3..{TeltonikaTcpFraming.MaxDataLength}", close: true);
        }

        if (frame.Length != headerSize + dataLength + crcSize)
        {
            return DecodeResult.Rejected("AVL frame length does not match its header", close: true);
        }

        if (session.DeviceId is null)
        {
            // Without the IMEI nothing on this connection can be attributed to a device.
            return DecodeResult.Rejected("not logged in", close: true);
        }

        var data = frame.Slice(headerSize, dataLength);
        var declaredCrc = BinaryPrimitives.ReadUInt32BigEndian(frame[(headerSize + dataLength)..]);
        if (declaredCrc != Crc16Ibm.Compute(data))
        {
            // No reply: the device keeps the records and sends them again.
            return DecodeResult.Rejected("CRC-16/IBM mismatch");
        }

        if (!TeltonikaAvlParser.TryParse(data, out var points, out var error))
        {
            return DecodeResult.Rejected(error ?? "malformed AVL data");
        }

        var reply = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(reply, points.Count);
        return new DecodeResult { Points = points, Reply = reply };
    }
}
