namespace Fleet.Trajectory.Analysis;

/// <summary>One trip.</summary>
/// <param name="Start">Estimated departure time: the first moving report minus the time needed to cover its leg at its speed.</param>
/// <param name="End">Estimated arrival time, or the last point when the data ends during the trip.</param>
/// <param name="StartLat">Departure position (last standing point before motion, or the first point of the data/after a gap).</param>
/// <param name="StartLon">Departure longitude.</param>
/// <param name="EndLat">Arrival position (first standing point after motion, or the last point).</param>
/// <param name="EndLon">Arrival longitude.</param>
/// <param name="DistanceKm">Cleaned GPS distance of the trip.</param>
/// <param name="DurationS">End minus start, seconds.</param>
/// <param name="MaxSpeed">Highest reported speed of the trip's points, km/h.</param>
/// <param name="AvgSpeed">Distance / MOVING time in km/h: standstills absorbed into the trip (traffic lights) do not dilute it.</param>
public sealed record TripItem(
    DateTimeOffset Start,
    DateTimeOffset End,
    double StartLat,
    double StartLon,
    double EndLat,
    double EndLon,
    double DistanceKm,
    double DurationS,
    double MaxSpeed,
    double AvgSpeed);
