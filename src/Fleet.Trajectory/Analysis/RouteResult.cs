namespace Fleet.Trajectory.Analysis;

/// <summary>A route ready to render as a GeoJSON LineString feature.</summary>
/// <param name="Points">Simplified line vertices in time order.</param>
/// <param name="DistanceKm">Distance of the period from the chosen source.</param>
/// <param name="DistanceSource">"odometer" or "gps".</param>
/// <param name="DurationS">Last minus first cleaned point, seconds.</param>
/// <param name="MaxSpeed">Highest reported speed, km/h.</param>
/// <param name="AvgSpeed">Moving GPS distance / moving time, km/h.</param>
/// <param name="PointCount">Vertices in the simplified line.</param>
/// <param name="SourcePointCount">Cleaned points before simplification.</param>
/// <param name="Stops">Stops of the period.</param>
/// <param name="Events">Events of the period.</param>
public sealed record RouteResult(
    IReadOnlyList<RoutePoint> Points,
    double DistanceKm,
    string DistanceSource,
    double DurationS,
    double MaxSpeed,
    double AvgSpeed,
    int PointCount,
    int SourcePointCount,
    IReadOnlyList<StopItem> Stops,
    IReadOnlyList<TrackEvent> Events)
{
    /// <summary>GPS distance of the period, km, whichever source <see cref="DistanceKm"/> came from.</summary>
    public double GpsKm { get; init; }
}
