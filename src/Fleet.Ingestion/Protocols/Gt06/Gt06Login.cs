namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>Login (0x01): 8-byte BCD terminal id = IMEI with a leading zero nibble; may be followed by type/time-zone bytes.</summary>
internal static class Gt06Login
{
    private const int ImeiBytes = 8;

    public static DecodeResult Decode(Gt06Frame frame)
    {
        if (frame.Content.Length < ImeiBytes)
        {
            return DecodeResult.Rejected("truncated login");
        }

        Span<char> digits = stackalloc char[ImeiBytes * 2];
        for (int i = 0; i < ImeiBytes; i++)
        {
            int high = frame.Content[i] >> 4;
            int low = frame.Content[i] & 0x0F;
            if (high > 9 || low > 9)
            {
                return DecodeResult.Rejected("invalid imei");
            }

            digits[i * 2] = (char)('0' + high);
            digits[(i * 2) + 1] = (char)('0' + low);
        }

        // 16 BCD digits carry the 15-digit IMEI behind a padding zero.
        ReadOnlySpan<char> deviceId = digits[0] == '0' ? digits[1..] : digits;
        return new DecodeResult
        {
            DeviceId = new string(deviceId),
            IsLogin = true,
            Reply = Gt06Reply.Acknowledge(Gt06MessageType.Login, frame.Serial),
        };
    }
}
