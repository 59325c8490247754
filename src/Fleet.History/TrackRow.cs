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

}
