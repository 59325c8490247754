namespace Fleet.Trajectory.Apis.Models;

/// <summary>One row of the stops report (JSON and CSV share these columns, in this order).</summary>
public sealed record StopRow(string VehicleId, DateTime Start, DateTime End, double Lat, double Lon, double DurationS);
