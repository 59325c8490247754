using System.Buffers;
using System.Globalization;

namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>GT06 / Concox binary protocol: login, location (0x12, 0x22), heartbeat (0x13) and alarm (0x16, 0x26).</summary>
public sealed class Gt06Protocol : IDeviceProtocol
{
    public string Name => "gt06";

    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame) =>
        Gt06Framing.TryReadFrame(ref buffer, out frame);

    public DecodeResult Decode(ReadOnlySpan<byte> frame, DeviceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);

        string? error = Gt06Frame.TryParse(frame, out Gt06Frame parsed);
        if (error is not null)
        {
            return DecodeResult.Rejected(error);
        }

        if (parsed.Protocol == Gt06MessageType.Login)
        {
            return Gt06Login.Decode(parsed);
        }

        if (session.DeviceId is null)
        {
            return DecodeResult.Rejected("not logged in");
        }

        return parsed.Protocol switch
        {
            Gt06MessageType.Location or Gt06MessageType.LocationWithAcc => Gt06Location.Decode(parsed),
            Gt06MessageType.Heartbeat => Gt06Heartbeat.Decode(parsed),
            Gt06MessageType.Alarm or Gt06MessageType.AlarmExtended => Gt06Alarm.Decode(parsed),
            _ => DecodeResult.Rejected(string.Create(CultureInfo.InvariantCulture, $"unknown message type 0x{parsed.Protocol:X2}")),
        };
    }
}
