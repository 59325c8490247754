namespace Fleet.Processing.Sinks;

/// <summary>
/// Unix milliseconds as <see cref="VehicleStateItem.TimeFormat"/> text (<c>2026-11-26T18:00:00.123Z</c>), written digit
/// by digit: two of these per vehicle per batch, where <see cref="DateTime.ToString(string)"/> with a custom pattern
/// parses the pattern every time.
/// </summary>
internal static class UtcTimeText
{
    public const int Length = 24;

    public static string Format(long unixMilliseconds) =>
        string.Create(Length, unixMilliseconds, static (chars, ms) => Write(chars, ms));

    public static void Write(Span<char> chars, long unixMilliseconds)
    {
        var time = DateTime.UnixEpoch.AddMilliseconds(unixMilliseconds);
        Digits(chars[..4], time.Year);
        chars[4] = '-';
        Digits(chars.Slice(5, 2), time.Month);
        chars[7] = '-';
        Digits(chars.Slice(8, 2), time.Day);
        chars[10] = 'T';
        Digits(chars.Slice(11, 2), time.Hour);
        chars[13] = ':';
        Digits(chars.Slice(14, 2), time.Minute);
        chars[16] = ':';
        Digits(chars.Slice(17, 2), time.Second);
        chars[19] = '.';
        Digits(chars.Slice(20, 3), time.Millisecond);
        chars[23] = 'Z';
    }

    private static void Digits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
