namespace Fleet.Trajectory.Analysis;

/// <summary>Distance of a period from both sources, with the choice made visible.</summary>
/// <param name="DistanceKm">The distance to show: odometer when sane, otherwise GPS.</param>
/// <param name="GpsKm">Haversine sum over the cleaned track.</param>
/// <param name="OdometerKm">Last minus first device odometer reading; null when fewer than two readings.</param>
/// <param name="Source"><see cref="GpsSource"/> or <see cref="OdometerSource"/>.</param>
/// <param name="OdometerRejectedReason">Why the odometer was not used, when it was present.</param>
public sealed record DistanceResult(double DistanceKm, double GpsKm, double? OdometerKm, string Source, string? OdometerRejectedReason)
{
    public const string GpsSource = "gps";
    public const string OdometerSource = "odometer";
}
