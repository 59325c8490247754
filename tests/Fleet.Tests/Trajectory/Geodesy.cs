namespace Fleet.Tests.Trajectory;

/// <summary>Forward geodesy on the same sphere as the code under test, so ground truth is exact by construction.</summary>
public static class Geodesy
{
    public const double Radius = 6371008.8;

    public static (double Lat, double Lon) Destination(double lat, double lon, double bearingDegrees, double metres)
    {
        var phi1 = lat * Math.PI / 180;
        var lambda1 = lon * Math.PI / 180;
        var theta = bearingDegrees * Math.PI / 180;
        var delta = metres / Radius;
        var phi2 = Math.Asin((Math.Sin(phi1) * Math.Cos(delta)) + (Math.Cos(phi1) * Math.Sin(delta) * Math.Cos(theta)));
        var lambda2 = lambda1 + Math.Atan2(
            Math.Sin(theta) * Math.Sin(delta) * Math.Cos(phi1),
            Math.Cos(delta) - (Math.Sin(phi1) * Math.Sin(phi2)));
        return (phi2 * 180 / Math.PI, ((lambda2 * 180 / Math.PI) + 540) % 360 - 180);
    }

    /// <summary>Moves a position by east/north metres (small offsets only: GPS noise).</summary>
    public static (double Lat, double Lon) Offset(double lat, double lon, double eastMetres, double northMetres) =>
        (lat + (northMetres / Radius * 180 / Math.PI),
         lon + (eastMetres / (Radius * Math.Cos(lat * Math.PI / 180)) * 180 / Math.PI));
}
