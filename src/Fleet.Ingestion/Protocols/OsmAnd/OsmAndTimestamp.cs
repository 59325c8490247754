using System.Globalization;

namespace Fleet.Ingestion.Protocols.OsmAnd;

/// <summary>
/// The "timestamp" forms Traccar accepts: unix seconds or milliseconds (below int.MaxValue = seconds), ISO 8601
/// (contains 'T'), or "yyyy-MM-dd HH:mm:ss". Text without an offset is taken as UTC (Traccar uses its server's zone).
/// </summary>
internal static class OsmAndTimestamp
{
    private const long MinUnixMilliseconds = -62_135_596_800_000;
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    private static readonly string[] IsoFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    public static bool TryParse(string value, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            var milliseconds = number < int.MaxValue ? number * 1000 : number;
            if (number < int.MinValue || milliseconds is < MinUnixMilliseconds or > MaxUnixMilliseconds)
            {
                return false;
            }

            timestamp = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            return true;
        }

        return value.Contains('T', StringComparison.Ordinal)
            ? TryParseIso(value, out timestamp)
            : DateTimeOffset.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, Utc, out timestamp);
    }

    public static bool TryParseIso(string value, out DateTimeOffset timestamp) =>
        DateTimeOffset.TryParseExact(value, IsoFormats, CultureInfo.InvariantCulture, Utc, out timestamp);
}
