namespace Fleet.Trajectory.Apis.Models;

/// <summary>GeoJSON Feature (RFC 7946) carrying the simplified route line and its figures.</summary>
public sealed record RouteFeature(RouteGeometry Geometry, RouteProperties Properties)
{
    public string Type => "Feature";
}
