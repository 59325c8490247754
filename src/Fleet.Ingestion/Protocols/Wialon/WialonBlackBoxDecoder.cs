using System.Globalization;

namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>
/// Black box "#B#rec|rec|...": each record is an SD or D body; v2.0 adds "|crc16" as a last segment without ';'.
/// The answer "#AB#n" counts the records registered, so bad records are dropped and simply not counted.
/// A frame with no good record is rejected with "#AB#0"; a v2.0 checksum error with the spec's empty "#AB#".
/// </summary>
internal static class WialonBlackBoxDecoder
{
    public static DecodeResult Decode(ReadOnlySpan<byte> body)
    {
        var lastSeparator = body.LastIndexOf((byte)'|');
        var lastSegment = body[(lastSeparator + 1)..];
        if (lastSeparator >= 0 && !lastSegment.IsEmpty && !lastSegment.Contains((byte)';'))
        {
            if (!WialonCrc16.Matches(body[..(lastSeparator + 1)], lastSegment))
            {
                return Refused("checksum mismatch", string.Empty);
            }

            body = body[..lastSeparator];
        }

        var points = new List<TelemetryPoint>();
        string? firstError = null;
        for (var index = 0; ; index++)
        {
            var end = body.IndexOf((byte)'|');
            var parsed = WialonRecordParser.Parse(end < 0 ? body : body[..end]);
            if (parsed.Point is not null)
            {
                points.Add(parsed.Point);
            }
            else
            {
                firstError ??= string.Create(CultureInfo.InvariantCulture, $"record {index}: {parsed.Reason}");
            }

            if (end < 0)
            {
                break;
            }

            body = body[(end + 1)..];
        }

        if (points.Count == 0)
        {
            return Refused("no valid record in black box packet; first error: " + firstError, "0");
        }

        return new DecodeResult
        {
            Points = points,
            Reply = WialonReplies.Answer("B", points.Count.ToString(CultureInfo.InvariantCulture)),
        };
    }

    private static DecodeResult Refused(string reason, string code) =>
        DecodeResult.Rejected(reason) with { RejectReply = WialonReplies.Answer("B", code) };
}
