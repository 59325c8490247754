namespace Fleet.History;

/// <summary>
/// One track point as analysis reads it (the <see cref="IHistoryStore.ReadTrackAsync"/> columns): a value type, so a
/// month of points is one array instead of a quarter of a million objects for the collector to trace and promote.
/// </summary>
/// <param name="TimeMs">Device time, Unix milliseconds UTC.</param>
/// <param name="Lat">Latitude, degrees.</param>
/// <param name="Lon">Longitude, degrees.</param>
/// <param name="Valid">Whether the device marked the fix valid.</param>
/// <param name="Speed">km/h, when reported.</param>
/// <param name="Heading">Degrees from north, when reported.</param>
/// <param name="Altitude">Metres, when reported.</param>
/// <param name="Satellites">Satellites in use, when reported.</param>
/// <param name="Ignition">Ignition state, when reported.</param>
/// <param name="Fuel">Litres, when reported.</param>
/// <param name="Odometer">km, when reported.</param>
/// <param name="Alarm">Device alarm kind, empty when none.</param>
public readonly record struct TrackRow(
    long TimeMs,
    double Lat,
    double Lon,
    bool Valid,
    double? Speed,
    double? Heading,
    double? Altitude,
    int? Satellites,
    bool? Ignition,
    double? Fuel,
    double? Odometer,
    string Alarm)
{
    public DateTimeOffset DeviceTime => DateTimeOffset.FromUnixTimeMilliseconds(TimeMs);

    /// <summary>
    /// Sorts by time with a primitive key (ties keep no particular order), skipping rows already in order, which is
    /// how most single-vehicle reads arrive.
    /// </summary>
    public static void SortByTime(TrackRow[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sorted = true;
        for (var i = 1; i < rows.Length && sorted; i++)
        {
            sorted = rows[i - 1].TimeMs <= rows[i].TimeMs;
        }

        if (sorted)
        {
            return;
        }

        var keys = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = rows[i].TimeMs;
        }

        Array.Sort(keys, rows);
    }
}
