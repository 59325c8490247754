namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>Date "DDMMYY" and time "HHMMSS" (v2.1 adds an optional ".fraction"), both UTC.</summary>
internal static class WialonDateTime
{
    public static bool TryParse(ReadOnlySpan<byte> date, ReadOnlySpan<byte> time, out DateTimeOffset value)
    {
        value = default;
        if (date.Length != 6 || time.Length < 6)
        {
            return false;
        }

        if (!WialonNumber.TryParseDigits(date[..2], out var day)
            || !WialonNumber.TryParseDigits(date[2..4], out var month)
            || !WialonNumber.TryParseDigits(date[4..6], out var year)
            || !WialonNumber.TryParseDigits(time[..2], out var hour)
            || !WialonNumber.TryParseDigits(time[2..4], out var minute)
            || !WialonNumber.TryParseDigits(time[4..6], out var second)
            || !TryParseFraction(time[6..], out var fractionTicks))
        {
            return false;
        }

        year += 2000;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(fractionTicks);
        return true;
    }

    private static bool TryParseFraction(ReadOnlySpan<byte> fraction, out long ticks)
    {
        ticks = 0;
        if (fraction.IsEmpty)
        {
            return true;
        }

        if (fraction[0] != (byte)'.' || fraction.Length < 2 || fraction.Length > 10)
        {
            return false;
        }

        var digits = fraction[1..];
        if (!WialonNumber.TryParseDigits(digits, out var value))
        {
            return false;
        }

        // Scale to 7 digits (100 ns ticks); digits beyond the tick resolution are dropped.
        var scaled = (long)value;
        for (var i = digits.Length; i < 7; i++)
        {
            scaled *= 10;
        }

        for (var i = digits.Length; i > 7; i--)
        {
            scaled /= 10;
        }

        ticks = scaled;
        return true;
    }
}
