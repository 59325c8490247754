namespace Fleet.Trajectory.Summaries;

/// <summary>
/// The zone a vehicle's days are counted in, as both the calculator (TimeZoneInfo) and the history stores (IANA id in SQL)
/// need it. An unknown id falls back to UTC, as the in-process summary does.
/// </summary>
internal static class SummaryTimeZones
{
    public static (string IanaId, TimeZoneInfo Zone) Resolve(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            return ("UTC", TimeZoneInfo.Utc);
        }

        if (zone.HasIanaId)
        {
            return (zone.Id, zone);
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? (iana, zone) : ("UTC", TimeZoneInfo.Utc);
    }
}
