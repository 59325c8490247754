namespace Fleet.Trajectory.Analysis;

/// <summary>A vertex of the simplified route line (always an original cleaned point, never an interpolated one).</summary>
public sealed record RoutePoint(DateTimeOffset Time, double Lat, double Lon, double Speed);
