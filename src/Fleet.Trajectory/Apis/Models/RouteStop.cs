namespace Fleet.Trajectory.Apis.Models;

/// <summary>A stop on the route.</summary>
public sealed record RouteStop(double Lat, double Lon, DateTime Start, DateTime End, double DurationS);
