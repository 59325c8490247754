namespace Fleet.Trajectory.Analysis;

/// <summary>Spherical-earth helpers; the error against the ellipsoid (&lt;0.5 %) is below GPS noise for trip distances.</summary>
public static class GeoMath
{
    /// <summary>IUGG mean earth radius R1 for WGS84, metres.</summary>
    public const double EarthRadiusMetres = 6371008.8;

    public static double ToRadians(double degrees) => degrees * Math.PI / 180.0;

    public static double ToDegrees(double radians) => radians * 180.0 / Math.PI;

    /// <summary>Great-circle distance in metres (haversine, numerically stable for short legs).</summary>
    public static double HaversineMetres(double lat1, double lon1, double lat2, double lon2)
    {
        var phi1 = ToRadians(lat1);
        var phi2 = ToRadians(lat2);
        var dPhi = phi2 - phi1;
        var dLambda = ToRadians(lon2 - lon1);
        var sinPhi = Math.Sin(dPhi / 2);
        var sinLambda = Math.Sin(dLambda / 2);
        var a = (sinPhi * sinPhi) + (Math.Cos(phi1) * Math.Cos(phi2) * sinLambda * sinLambda);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }

    public static double HaversineMetres(HistoryPoint a, HistoryPoint b) => HaversineMetres(a.Lat, a.Lon, b.Lat, b.Lon);

    /// <summary>Speed in km/h from metres and seconds; zero when no time passed.</summary>
    public static double KmhFrom(double metres, double seconds) => seconds > 0 ? metres / seconds * 3.6 : 0;
}
