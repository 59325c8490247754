namespace Fleet.Trajectory.Apis.Models;

/// <summary>
/// Figures of a route. <see cref="DistanceSource"/> says whether <see cref="DistanceKm"/> came from the device odometer
/// ("odometer") or the cleaned GPS track ("gps"); <see cref="GpsDistanceKm"/> is always the GPS figure.
/// <see cref="PointCount"/> counts line vertices, <see cref="SourcePointCount"/> the cleaned points before simplification.
/// </summary>
public sealed record RouteProperties(
    string VehicleId,
    DateTime From,
    DateTime To,
    double DistanceKm,
    string DistanceSource,
    double GpsDistanceKm,
    double DurationS,
    double MaxSpeed,
    double AvgSpeed,
    int PointCount,
    int SourcePointCount,
    double ToleranceMetres,
    IReadOnlyList<RouteStop> Stops,
    IReadOnlyList<RouteEvent> Events);
