namespace Fleet.Processing.Sinks;

/// <summary>
/// The sorted-set score GEOADD stores for a position (Redis geohash.c: 26-bit steps of longitude and latitude,
/// interleaved, latitude on the even bits). Writing it with ZADD gives the very geo set GEOADD would, without the
/// per-member geohash work inside the single-threaded server.
/// </summary>
internal static class GeoScore
{
    /// <summary>Redis geo sets hold latitudes within ±85.05112878 only (Web Mercator).</summary>
    public const double MaxLatitude = 85.05112878;

    private const double MinLatitude = -MaxLatitude;
    private const double MinLongitude = -180;
    private const double MaxLongitude = 180;
    private const int Step = 26;

    /// <summary>The score of (<paramref name="lon"/>, <paramref name="lat"/>); the latitude is clamped into the geo range.</summary>
    public static long Of(double lon, double lat)
    {
        lat = Math.Clamp(lat, MinLatitude, MaxLatitude);
        lon = Math.Clamp(lon, MinLongitude, MaxLongitude);
        // Same double arithmetic, in the same order, as geohashEncode, so the result is bit-identical.
        var latOffset = (lat - MinLatitude) / (MaxLatitude - MinLatitude) * (1UL << Step);
        var lonOffset = (lon - MinLongitude) / (MaxLongitude - MinLongitude) * (1UL << Step);
        return (long)(Spread((uint)latOffset) | (Spread((uint)lonOffset) << 1));
    }

    // interleave64's bit spreading: bit i of the value moves to bit 2i.
    private static ulong Spread(uint value)
    {
        ulong x = value;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFUL;
        x = (x | (x << 8)) & 0x00FF00FF00FF00FFUL;
        x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FUL;
        x = (x | (x << 2)) & 0x3333333333333333UL;
        x = (x | (x << 1)) & 0x5555555555555555UL;
        return x;
    }
}
