namespace Fleet.Trajectory.Apis.Models;

/// <summary>GeoJSON LineString: positions are [lon, lat] (RFC 7946 order).</summary>
public sealed record RouteGeometry(IReadOnlyList<double[]> Coordinates)
{
    public string Type => "LineString";
}
