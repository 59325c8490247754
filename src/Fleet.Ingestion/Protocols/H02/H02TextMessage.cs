using System.Text;

namespace Fleet.Ingestion.Protocols.H02;

/// <summary>
/// Text frames "*XX,&lt;id&gt;,&lt;type&gt;,...#". Location types (V1, V2, VI1, V19, V4 command answers...) share one
/// location block; HTBT/V0 heartbeats are echoed back; LINK, NBR, V3 and XT carry no GPS fix and give no point.
/// </summary>
internal static class H02TextMessage
{
    private const int MaxDeviceIdLength = 20;

    private static readonly string[] SilentTypes = ["LINK", "NBR", "V3", "XT"];
    private static readonly string[] EchoedTypes = ["HTBT", "V0"];

    public static H02Message? TryParse(ReadOnlySpan<byte> frame, out string? error)
    {
        error = Validate(frame);
        if (error is not null)
        {
            return null;
        }

        string[] fields = Encoding.ASCII.GetString(frame[1..^1]).Split(',');
        if (fields.Length < 3 || fields[0].Length == 0)
        {
            error = "malformed frame";
            return null;
        }

        string deviceId = fields[1];
        if (deviceId.Length > MaxDeviceIdLength || !deviceId.All(char.IsAsciiDigit))
        {
            error = "invalid device id";
            return null;
        }

        string type = fields[2];
        if (type.Length == 0)
        {
            error = "missing message type";
            return null;
        }

        if (Contains(EchoedTypes, type))
        {
            // Traccar answers these with the frame's own prefix; without an answer some firmwares reconnect.
            return new H02Message(deviceId, [], Encoding.ASCII.GetBytes($"*{fields[0]},{deviceId},{type}#"));
        }

        if (Contains(SilentTypes, type))
        {
            return new H02Message(deviceId, [], null);
        }

        if (!type.StartsWith('V') && !type.StartsWith('v'))
        {
            error = $"unknown message type {type}";
            return null;
        }

        error = H02TextLocation.TryParse(fields, out TelemetryPoint? point);
        return error is null ? new H02Message(deviceId, point is null ? [] : [point], null) : null;
    }

    private static string? Validate(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 2 || frame[^1] != H02Framing.TextEnd)
        {
            return frame.Length >= H02Framing.MaxFrameLength ? "frame too long" : "truncated frame";
        }

        foreach (byte value in frame)
        {
            if (value is < 0x20 or > 0x7E)
            {
                return "garbage";
            }
        }

        return null;
    }

    private static bool Contains(string[] types, string type) =>
        Array.Exists(types, candidate => string.Equals(candidate, type, StringComparison.OrdinalIgnoreCase));
}
