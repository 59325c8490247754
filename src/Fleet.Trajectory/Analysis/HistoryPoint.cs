namespace Fleet.Trajectory.Analysis;

/// <summary>One stored telemetry record of a vehicle, as the history store returns it.</summary>
/// <param name="Time">Device fix time.</param>
/// <param name="Lat">Latitude, degrees WGS84.</param>
/// <param name="Lon">Longitude, degrees WGS84.</param>
/// <param name="Speed">Ground speed, km/h.</param>
/// <param name="Heading">Degrees from north, when reported.</param>
/// <param name="Altitude">Metres, when reported.</param>
/// <param name="Ignition">Ignition state, null when the device does not report it.</param>
/// <param name="Fuel">Fuel level in litres, when reported.</param>
/// <param name="Satellites">Satellites in use, when reported.</param>
/// <param name="Valid">Whether the device marked the fix as valid.</param>
/// <param name="OdometerKm">Device (CAN/virtual) odometer, km, when reported.</param>
/// <param name="Alarm">Alarm kind carried by the record, e.g. "sos".</param>
public sealed record HistoryPoint(
    DateTimeOffset Time,
    double Lat,
    double Lon,
    double Speed,
    double? Heading,
    double? Altitude,
    bool? Ignition,
    double? Fuel,
    int? Satellites,
    bool Valid,
    double? OdometerKm,
    string? Alarm);
