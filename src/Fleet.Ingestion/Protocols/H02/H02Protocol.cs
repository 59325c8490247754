using System.Buffers;

namespace Fleet.Ingestion.Protocols.H02;

/// <summary>
/// H02 text protocol ("*HQ,...#"). Every frame names its device, so the first identified frame of a connection is
/// reported as the login (<see cref="DecodeResult.IsLogin"/>) and a later frame naming another device is refused.
/// The '$' binary variant is rejected as unsupported: it has no length, terminator or checksum and comes in
/// several lengths (32, 42, 45, 46, 48 bytes in Traccar's own tests), so it cannot be framed safely.
/// </summary>
public sealed class H02Protocol : IDeviceProtocol
{
    public string Name => "h02";

    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame) =>
        H02Framing.TryReadFrame(ref buffer, out frame);

    public DecodeResult Decode(ReadOnlySpan<byte> frame, DeviceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (frame.IsEmpty)
        {
            return DecodeResult.Rejected("empty frame");
        }

        switch (frame[0])
        {
            case H02Framing.TextStart:
                H02Message? message = H02TextMessage.TryParse(frame, out string? error);
                return message is null ? DecodeResult.Rejected(error ?? "malformed frame") : Identify(message, session);
            case H02Framing.BinaryStart:
                return DecodeResult.Rejected("unsupported binary frame");
            default:
                // Line breaks between text frames are normal and not an error; anything else is garbage.
                return IsWhitespace(frame) ? new DecodeResult() : DecodeResult.Rejected("garbage");
        }
    }

    private static DecodeResult Identify(H02Message message, DeviceSession session)
    {
        string? deviceId = message.DeviceId.Length > 0 ? message.DeviceId : session.DeviceId;
        if (deviceId is null)
        {
            return DecodeResult.Rejected("missing device id");
        }

        if (session.DeviceId is not null && !string.Equals(session.DeviceId, deviceId, StringComparison.Ordinal))
        {
            return DecodeResult.Rejected("device id changed", close: true);
        }

        return new DecodeResult
        {
            DeviceId = deviceId,
            IsLogin = session.DeviceId is null,
            Points = message.Points,
            Reply = message.Reply,
        };
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> frame)
    {
        foreach (byte value in frame)
        {
            if (!H02Framing.IsWhitespace(value))
            {
                return false;
            }
        }

        return true;
    }
}
