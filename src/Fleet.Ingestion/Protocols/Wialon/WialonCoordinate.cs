namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>
/// Coordinates as "DDMM.MMMM;N" / "DDDMM.MMMM;E": the two integer digits before the point are minutes,
/// everything before them is degrees. S and W give negative values.
/// </summary>
internal static class WialonCoordinate
{
    public static bool TryParseLatitude(ReadOnlySpan<byte> value, ReadOnlySpan<byte> hemisphere, out double degrees) =>
        TryParse(value, hemisphere, (byte)'N', (byte)'S', 90, out degrees);

    public static bool TryParseLongitude(ReadOnlySpan<byte> value, ReadOnlySpan<byte> hemisphere, out double degrees) =>
        TryParse(value, hemisphere, (byte)'E', (byte)'W', 180, out degrees);

    private static bool TryParse(
        ReadOnlySpan<byte> value, ReadOnlySpan<byte> hemisphere, byte positive, byte negative, int limit, out double degrees)
    {
        degrees = 0;
        if (hemisphere.Length != 1 || (hemisphere[0] != positive && hemisphere[0] != negative))
        {
            return false;
        }

        var dot = value.IndexOf((byte)'.');
        var integerLength = dot < 0 ? value.Length : dot;

        // At least one degree digit plus two minute digits, at most three degree digits.
        if (integerLength is < 3 or > 5)
        {
            return false;
        }

        if (!WialonNumber.TryParseDigits(value[..(integerLength - 2)], out var wholeDegrees)
            || !WialonNumber.TryParseDigits(value[(integerLength - 2)..integerLength], out _)
            || !WialonNumber.TryParseDouble(value[(integerLength - 2)..], out var minutes))
        {
            return false;
        }

        if (minutes >= 60)
        {
            return false;
        }

        degrees = wholeDegrees + (minutes / 60);
        if (degrees > limit)
        {
            return false;
        }

        if (hemisphere[0] == negative)
        {
            degrees = -degrees;
        }

        return true;
    }
}
