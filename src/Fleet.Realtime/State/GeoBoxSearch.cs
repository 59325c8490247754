using StackExchange.Redis;

namespace Fleet.Realtime.State;

/// <summary>
/// Turns a lat/lon box (not crossing the antimeridian) into a Redis GEOSEARCH BYBOX that covers it. Redis measures
/// its box in metres from the centre (width along each point's own parallel), so the covering box is sized at the
/// latitude nearest the equator, where a degree of longitude is longest; callers filter the result exactly.
/// </summary>
public static class GeoBoxSearch
{
    private const double EarthRadiusMetres = 6372797.560856; // the radius Redis uses in geohash_helper.c
    private const double SlackMetres = 10;

    public static (double CenterLon, double CenterLat, GeoSearchBox Box) Cover(BoundingBox box)
    {
        var centerLon = (box.MinLon + box.MaxLon) / 2;
        var centerLat = (box.MinLat + box.MaxLat) / 2;
        var halfLat = Radians(box.MaxLat - box.MinLat) / 2;
        var halfLon = Math.Min(Radians(box.MaxLon - box.MinLon) / 2, Math.PI);
        var nearestEquator = box.MinLat <= 0 && box.MaxLat >= 0 ? 0 : Math.Min(Math.Abs(box.MinLat), Math.Abs(box.MaxLat));
        // Haversine distance between two points on one parallel, halfLon apart.
        var halfWidth = 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Cos(Radians(nearestEquator)) * Math.Sin(halfLon / 2)));
        var halfHeight = EarthRadiusMetres * halfLat;
        var width = 2 * (halfWidth * 1.001 + SlackMetres);
        var height = 2 * (halfHeight * 1.001 + SlackMetres);
        return (centerLon, centerLat, new GeoSearchBox(height: height, width: width, unit: GeoUnit.Meters));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
