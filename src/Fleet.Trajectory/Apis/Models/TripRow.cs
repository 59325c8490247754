namespace Fleet.Trajectory.Apis.Models;

/// <summary>One row of the trips report (JSON and CSV share these columns, in this order).</summary>
public sealed record TripRow(
    string VehicleId, DateTime Start, DateTime End, double StartLat, double StartLon, double EndLat, double EndLon,
    double DistanceKm, double DurationS, double MaxSpeed, double AvgSpeed);
