namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>
/// Login: "imei;password" (v1.1) or "2.0;imei;password;crc16" (v2.0). Answers: "#AL#1" accepted, "#AL#0" refused,
/// "#AL#10" checksum error (v2.0). The password is not checked here: DecodeResult has no field for it.
/// </summary>
internal static class WialonLoginDecoder
{
    public static DecodeResult Decode(ReadOnlySpan<byte> body)
    {
        Span<Range> fields = stackalloc Range[4];
        var count = WialonFields.Split(body, (byte)';', fields);
        ReadOnlySpan<byte> deviceIdField;
        if (count == 2)
        {
            deviceIdField = body[fields[0]];
        }
        else if (count == 4 && IsVersion(body[fields[0]]))
        {
            var crcField = fields[3];
            if (!WialonCrc16.Matches(body[..crcField.Start], body[crcField]))
            {
                return Refused("login checksum mismatch", "10");
            }

            deviceIdField = body[fields[1]];
        }
        else
        {
            return Refused("login is neither imei;password (v1.1) nor version;imei;password;crc16 (v2.0)", "0");
        }

        if (!WialonDeviceId.TryRead(deviceIdField, out var deviceId))
        {
            return Refused("login device id is empty, too long or has characters outside [0-9A-Za-z._-]", "0");
        }

        return new DecodeResult
        {
            IsLogin = true,
            DeviceId = deviceId,
            Reply = WialonReplies.Answer("L", "1"),
            RejectReply = WialonReplies.Answer("L", "0"),
        };
    }

    /// <summary>"2.0" in practice; any "digits.digits" so a v2.1 device is not refused for its version alone.</summary>
    private static bool IsVersion(ReadOnlySpan<byte> field)
    {
        var dot = field.IndexOf((byte)'.');
        return dot > 0 && WialonNumber.TryParseDigits(field[..dot], out _) && WialonNumber.TryParseDigits(field[(dot + 1)..], out _);
    }

    private static DecodeResult Refused(string reason, string code) => DecodeResult.Rejected(reason) with
    {
        IsLogin = true,
        RejectReply = WialonReplies.Answer("L", code),
    };
}
