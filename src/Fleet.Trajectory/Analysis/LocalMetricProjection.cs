using NetTopologySuite.Geometries;

namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Equirectangular projection around the track's centre so a tolerance can be given in metres. Over a city or a day's
/// drive the scale error is far below any sensible simplification tolerance. Longitudes are unwrapped relative to the
/// first point so tracks across the antimeridian stay continuous. The point index travels in Z to map vertices back.
/// </summary>
internal static class LocalMetricProjection
{
    public static Coordinate[] Project(IReadOnlyList<CleanPoint> points)
    {
        var result = new Coordinate[points.Count];
        if (points.Count == 0)
        {
            return result;
        }

        var lon0 = points[0].Point.Lon;
        var unwrapped = new double[points.Count];
        double minLat = double.MaxValue, maxLat = double.MinValue, minLon = double.MaxValue, maxLon = double.MinValue;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i].Point;
            unwrapped[i] = lon0 + WrapDegrees(p.Lon - lon0);
            (minLat, maxLat) = (Math.Min(minLat, p.Lat), Math.Max(maxLat, p.Lat));
            (minLon, maxLon) = (Math.Min(minLon, unwrapped[i]), Math.Max(maxLon, unwrapped[i]));
        }

        var centreLat = (minLat + maxLat) / 2;
        var centreLon = (minLon + maxLon) / 2;
        var metresPerRadianX = GeoMath.EarthRadiusMetres * Math.Cos(GeoMath.ToRadians(centreLat));
        for (var i = 0; i < points.Count; i++)
        {
            var x = metresPerRadianX * GeoMath.ToRadians(unwrapped[i] - centreLon);
            var y = GeoMath.EarthRadiusMetres * GeoMath.ToRadians(points[i].Point.Lat - centreLat);
            result[i] = new CoordinateZ(x, y, i);
        }

        return result;
    }

    private static double WrapDegrees(double delta) => delta - (360 * Math.Round(delta / 360));
}
