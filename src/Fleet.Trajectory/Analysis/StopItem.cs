namespace Fleet.Trajectory.Analysis;

/// <summary>One stop (parking or data gap).</summary>
/// <param name="Start">Estimated arrival time, or the first point when the data starts parked.</param>
/// <param name="End">Estimated departure time, or the last point when the data ends parked.</param>
/// <param name="Lat">Position where the vehicle came to rest (last known position for a data gap).</param>
/// <param name="Lon">Longitude of that position.</param>
/// <param name="DurationS">End minus start, seconds.</param>
public sealed record StopItem(DateTimeOffset Start, DateTimeOffset End, double Lat, double Lon, double DurationS);
