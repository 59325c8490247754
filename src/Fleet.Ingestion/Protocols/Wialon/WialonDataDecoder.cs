using System.Globalization;

namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>
/// SD (short) and D (extended) data packets. v2.0 appends ";crc16", recognised by the one extra field.
/// A good record is answered "#ASD#1" / "#AD#1"; a bad one gets no positive answer: Error is set and the spec's
/// negative code goes to RejectReply (checksum error: ASD 13, AD 16).
/// </summary>
internal static class WialonDataDecoder
{
    public static DecodeResult Decode(ReadOnlySpan<byte> body, bool extended)
    {
        var type = extended ? "D" : "SD";
        var fieldCount = extended ? WialonRecordParser.ExtendedFieldCount : WialonRecordParser.ShortFieldCount;
        var count = WialonFields.Count(body, (byte)';');
        var record = body;
        if (count == fieldCount + 1)
        {
            var crcStart = body.LastIndexOf((byte)';') + 1;
            if (!WialonCrc16.Matches(body[..crcStart], body[crcStart..]))
            {
                return Refused(type, "checksum mismatch", extended ? "16" : "13");
            }

            record = body[..(crcStart - 1)];
        }
        else if (count != fieldCount)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture, $"{type} packet has {count} fields, expected {fieldCount} (or {fieldCount + 1} with crc16)");
            return Refused(type, reason, "-1");
        }

        var parsed = WialonRecordParser.Parse(record);
        if (parsed.Point is null)
        {
            return Refused(type, parsed.Reason ?? "bad record", parsed.Code.ToString(CultureInfo.InvariantCulture));
        }

        return new DecodeResult { Points = [parsed.Point], Reply = WialonReplies.Answer(type, "1") };
    }

    private static DecodeResult Refused(string type, string reason, string code) =>
        DecodeResult.Rejected(reason) with { RejectReply = WialonReplies.Answer(type, code) };
}
