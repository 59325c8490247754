namespace Fleet.Realtime.State;

/// <summary>
/// Reads a Redis geo set by score instead of GEOSEARCH. A geo set is a sorted set whose score is the member's 52-bit
/// geohash (Redis geohash.c: 26 bits of latitude on the even bits, 26 of longitude on the odd bits, over
/// lon −180..180 and lat ±85.05112878), so every geohash cell is one score range. A box is covered by at most
/// <c>maxCells</c> cells of one level and contiguous cells merge into one ZRANGEBYSCORE range. Redis then walks only
/// the members in those ranges — no distance or box test per member; callers filter exactly, as after GEOSEARCH.
/// </summary>
public static class GeoHashRanges
{
    public const double MinLat = -85.05112878;
    public const double MaxLat = 85.05112878;
    private const double MinLon = -180;
    private const double MaxLon = 180;
    private const int Bits = 26;

    /// <summary>Degrees added on every side, so rounding at a cell edge never loses a member (a 26-bit cell is ~0.6 m).</summary>
    private const double Slack = 1e-5;

    /// <summary>Score ranges [start, end) covering a box that does not cross the antimeridian (empty above ±85.05°).</summary>
    public static IReadOnlyList<(long Start, long End)> Cover(BoundingBox box, int maxCells)
    {
        var (minLon, maxLon) = (box.MinLon - Slack, box.MaxLon + Slack);
        var (minLat, maxLat) = (Math.Max(box.MinLat - Slack, MinLat), Math.Min(box.MaxLat + Slack, MaxLat));
        if (minLat > maxLat)
        {
            return [];
        }

        var level = Bits;
        while (level > 0 && Count(minLon, maxLon, MinLon, MaxLon, level) * Count(minLat, maxLat, MinLat, MaxLat, level) > maxCells)
        {
            level--;
        }

        var (lon0, lon1) = Indexes(minLon, maxLon, MinLon, MaxLon, level);
        var (lat0, lat1) = Indexes(minLat, maxLat, MinLat, MaxLat, level);
        var cells = new List<long>();
        for (var lat = lat0; lat <= lat1; lat++)
        {
            for (var lon = lon0; lon <= lon1; lon++)
            {
                cells.Add(Interleave(lat, lon));
            }
        }

        cells.Sort();
        var shift = 2 * (Bits - level);
        var ranges = new List<(long Start, long End)>();
        var start = cells[0];
        for (var i = 1; i <= cells.Count; i++)
        {
            if (i == cells.Count || cells[i] != cells[i - 1] + 1)
            {
                ranges.Add((start << shift, (cells[i - 1] + 1) << shift));
                start = i < cells.Count ? cells[i] : 0;
            }
        }

        return ranges;
    }

    private static long Count(double min, double max, double low, double high, int level)
    {
        var (first, last) = Indexes(min, max, low, high, level);
        return last - first + 1;
    }

    private static (long First, long Last) Indexes(double min, double max, double low, double high, int level)
    {
        var cells = 1L << level;
        return (Index(min, low, high, cells), Index(max, low, high, cells));
    }

    private static long Index(double value, double low, double high, long cells) =>
        Math.Clamp((long)Math.Floor((value - low) / (high - low) * cells), 0, cells - 1);

    /// <summary>Latitude index on the even bits, longitude index on the odd bits (Redis's interleave64).</summary>
    private static long Interleave(long lat, long lon)
    {
        long result = 0;
        for (var i = 0; i < Bits; i++)
        {
            result |= ((lat >> i) & 1) << (2 * i);
            result |= ((lon >> i) & 1) << ((2 * i) + 1);
        }

        return result;
    }
}
