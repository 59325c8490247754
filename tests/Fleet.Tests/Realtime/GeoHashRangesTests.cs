using Fleet.Realtime.State;
using Fleet.Tests.Infrastructure;
using StackExchange.Redis;

namespace Fleet.Tests.Realtime;

/// <summary>
/// The snapshot reads geo sets by geohash score ranges: against real Redis GEOADD scores, every member inside a box
/// must be found, and the cells must not add much around it (the exact filter drops the rest).
/// </summary>
public sealed class GeoHashRangesTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Cover_RandomBoxesOverRealGeoScores_FindsEveryMemberInsideAndNoneFarOutside()
    {
        var random = new Random(5);
        var db = redis.Connection.GetDatabase();
        var key = redis.KeyPrefix + "geo";
        var points = Enumerable.Range(0, 4_000).Select(i => i % 2 == 0
                ? (Lon: (random.NextDouble() * 360) - 180, Lat: (random.NextDouble() * 170) - 85)
                : (Lon: 10 + (random.NextDouble() * 2), Lat: 45 + random.NextDouble()))
            .Concat<(double Lon, double Lat)>([(10.5, 45.5), (10.25, 45.25), (179.9999, 0), (-179.9999, 0), (0, 85.05), (0, -85.05), (0, 0)])
            .Select((p, i) => (Id: "m" + i, p.Lon, p.Lat))
            .ToArray();
        await db.GeoAddAsync(key, points.Select(p => new GeoEntry(p.Lon, p.Lat, p.Id)).ToArray());
        BoundingBox[] boxes =
        [
            new(10, 45, 12, 46), new(10.5, 45.5, 10.5, 45.5), new(10.25, 45.25, 10.75, 45.3), new(-180, -90, 180, 90),
            new(170, -10, 180, 10), new(-180, -10, -170, 10), new(-1, 80, 1, 90), new(-1, -90, 1, -80), new(0, 0, 0, 0),
            .. Enumerable.Range(0, 40).Select(_ => RandomBox(random)),
        ];

        foreach (var box in boxes)
        {
            var found = new HashSet<string>();
            foreach (var (start, end) in GeoHashRanges.Cover(box, 64))
            {
                found.UnionWith((await db.SortedSetRangeByScoreAsync(key, start, end, Exclude.Stop)).Select(e => e.ToString()));
            }

            var inside = points.Where(p => box.Contains(p.Lon, p.Lat)).Select(p => p.Id).ToHashSet();
            Assert.Subset(found, inside);
        }

        // The dense 2° × 1° cluster (2,000 members) with 64 cells: the cover adds little around the box.
        var cluster = new BoundingBox(10.2, 45.2, 11.8, 45.8);
        var clusterFound = 0L;
        foreach (var (start, end) in GeoHashRanges.Cover(cluster, 64))
        {
            clusterFound += (await db.SortedSetRangeByScoreAsync(key, start, end, Exclude.Stop)).Length;
        }

        Assert.InRange(clusterFound, points.Count(p => cluster.Contains(p.Lon, p.Lat)), 5 * points.Count(p => cluster.Contains(p.Lon, p.Lat)) / 2);
    }

    [Fact]
    public void Cover_AnyBox_StaysWithinTheCellBudget()
    {
        var random = new Random(9);
        foreach (var box in Enumerable.Range(0, 200).Select(_ => RandomBox(random)).Append(BoundingBox.World))
        {
            var ranges = GeoHashRanges.Cover(box, 64);
            Assert.InRange(ranges.Count, 1, 64);
            Assert.All(ranges, r => Assert.True(r.Start < r.End));
        }
    }

    private static BoundingBox RandomBox(Random random)
    {
        var width = Math.Pow(10, (random.NextDouble() * 4) - 2); // 0.01° … 100°
        var height = Math.Pow(10, (random.NextDouble() * 3.5) - 2);
        var minLon = Math.Min((random.NextDouble() * 360) - 180, 180 - width);
        var minLat = Math.Min((random.NextDouble() * 170) - 85, 90 - height);
        return new BoundingBox(minLon, minLat, minLon + width, minLat + height);
    }
}
