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
    private const int MaxPieces = 16;

    /// <summary>
    /// Splits a box (not crossing the antimeridian) into pieces about as wide as tall. Redis picks its geohash cells
    /// from the larger side, so a long thin box scans far more members than it holds: measured here, a 10° × 1° box
    /// of a 100k fleet took 20 ms of Redis time as one search and 12 ms as ten. Pieces overlap by the cover's slack,
    /// so callers de-duplicate.
    /// </summary>
    public static IEnumerable<BoundingBox> Pieces(BoundingBox box)
    {
        var (width, height) = SizeMetres(box);
        if (width >= height)
        {
            var count = PieceCount(width, height);
            var step = (box.MaxLon - box.MinLon) / count;
            for (var i = 0; i < count; i++)
            {
                yield return box with { MinLon = box.MinLon + (i * step), MaxLon = i == count - 1 ? box.MaxLon : box.MinLon + ((i + 1) * step) };
            }
        }
        else
        {
            var count = PieceCount(height, width);
            var step = (box.MaxLat - box.MinLat) / count;
            for (var i = 0; i < count; i++)
            {
                yield return box with { MinLat = box.MinLat + (i * step), MaxLat = i == count - 1 ? box.MaxLat : box.MinLat + ((i + 1) * step) };
            }
        }
    }

    private static int PieceCount(double longer, double shorter) =>
        shorter <= 0 ? 1 : (int)Math.Clamp(Math.Round(longer / shorter), 1, MaxPieces);

    private static (double Width, double Height) SizeMetres(BoundingBox box)
    {
        var nearestEquator = box.MinLat <= 0 && box.MaxLat >= 0 ? 0 : Math.Min(Math.Abs(box.MinLat), Math.Abs(box.MaxLat));
        return (EarthRadiusMetres * Radians(box.MaxLon - box.MinLon) * Math.Cos(Radians(nearestEquator)),
            EarthRadiusMetres * Radians(box.MaxLat - box.MinLat));
    }

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
