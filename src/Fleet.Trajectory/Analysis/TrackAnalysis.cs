namespace Fleet.Trajectory.Analysis;

/// <summary>Everything the route/report endpoints need about one vehicle's period.</summary>
/// <param name="Track">Cleaned track and the cleaning report.</param>
/// <param name="Distance">GPS and odometer distance with the chosen source.</param>
/// <param name="Trips">Trips in time order.</param>
/// <param name="Stops">Stops in time order.</param>
/// <param name="Events">Ignition, alarm and offline/online events in time order.</param>
/// <param name="MaxSpeed">Highest reported speed of the cleaned points, km/h.</param>
/// <param name="AvgSpeed">GPS distance covered while moving / moving time, km/h (standstills do not dilute it).</param>
/// <param name="MovingSeconds">Time spent moving.</param>
public sealed record TrackAnalysis(
    CleanedTrack Track,
    DistanceResult Distance,
    IReadOnlyList<TripItem> Trips,
    IReadOnlyList<StopItem> Stops,
    IReadOnlyList<TrackEvent> Events,
    double MaxSpeed,
    double AvgSpeed,
    double MovingSeconds)
{
    /// <summary>Last minus first cleaned point, seconds.</summary>
    public double DurationS => Track.Points.Count == 0
        ? 0
        : (Track.Points[^1].Point.Time - Track.Points[0].Point.Time).TotalSeconds;
}
