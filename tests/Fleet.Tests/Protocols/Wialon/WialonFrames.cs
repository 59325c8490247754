using System.Globalization;
using System.Text;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.Wialon;

namespace Fleet.Tests.Protocols.Wialon;

/// <summary>Helpers to turn Wialon text into frame bytes and decode it.</summary>
internal static class WialonFrames
{
    public static readonly WialonProtocol Protocol = new();

    public static DeviceSession LoggedIn(string deviceId = "123456789012345") => new(deviceId);

    /// <summary>Decodes a frame given as text without its CRLF (TryReadFrame strips it).</summary>
    public static DecodeResult Decode(string frame, DeviceSession? session = null) =>
        Protocol.Decode(Encoding.UTF8.GetBytes(frame), session ?? LoggedIn());

    public static string Text(byte[]? reply) => reply is null ? "<null>" : Encoding.ASCII.GetString(reply);

    /// <summary>
    /// Appends the v2.0 crc16 to "#T#body;" (the checksum covers the body after "#T#" up to and including the last separator).
    /// Used only where no real v2.0 capture exists; the algorithm itself is checked against real packets in WialonCrc16Tests.
    /// </summary>
    public static string WithCrc(string frameUpToSeparator)
    {
        var bodyStart = frameUpToSeparator.IndexOf('#', 1) + 1;
        var crc = WialonCrc16.Compute(Encoding.UTF8.GetBytes(frameUpToSeparator[bodyStart..]));
        return frameUpToSeparator + crc.ToString("X4", CultureInfo.InvariantCulture);
    }
}
