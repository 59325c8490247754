using System.Globalization;
using System.Text.Json;

namespace Fleet.Ingestion.Protocols.FleetJson;

/// <summary>
/// "timestamp": ISO 8601 text ("2026-11-26T10:00:00Z"; no offset means UTC) or integer unix milliseconds.
/// Numbers before 2000-01-01 in milliseconds are refused: they are almost surely unix seconds sent by mistake.
/// </summary>
internal static class FleetJsonTimestamp
{
    private const long Year2000UnixMilliseconds = 946_684_800_000;
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    private static readonly string[] IsoFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    public static bool TryRead(JsonElement value, out DateTimeOffset timestamp, out string? error)
    {
        timestamp = default;
        error = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.String when DateTimeOffset.TryParseExact(
                value.GetString(), IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out timestamp):
                return true;
            case JsonValueKind.Number when value.TryGetInt64(out var milliseconds):
                if (milliseconds is < Year2000UnixMilliseconds or > MaxUnixMilliseconds)
                {
                    error = "timestamp must be unix milliseconds after 2000-01-01 (unix seconds?)";
                    return false;
                }

                timestamp = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
                return true;
            default:
                error = "timestamp must be ISO 8601 text or integer unix milliseconds";
                return false;
        }
    }
}
