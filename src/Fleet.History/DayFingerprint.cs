namespace Fleet.History;

/// <summary>
/// What a vehicle-day of history looks like without reading it: distinct stored points and the latest server time (when
/// Processing stored a point). A new, late or replayed point changes one of them (a replay only until ClickHouse merges it away).
/// </summary>
/// <param name="VehicleId">The vehicle.</param>
/// <param name="LocalDate">The day of device time in the requested time zone.</param>
/// <param name="PointCount">Stored rows of that day.</param>
/// <param name="MaxServerTimeMs">Latest server time of those points, Unix milliseconds.</param>
public sealed record DayFingerprint(string VehicleId, DateOnly LocalDate, long PointCount, long MaxServerTimeMs)
{
    /// <summary>True when an answer stored with this count and latest server time still describes the day.</summary>
    public bool Matches(long pointCount, long maxServerTimeMs) => PointCount == pointCount && MaxServerTimeMs == maxServerTimeMs;
}
