using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fleet.Contracts.Events;
using Fleet.Realtime.Positions;
using Fleet.Realtime.State;
using StackExchange.Redis;

namespace Fleet.Bench.Realtime;

/// <summary>
/// Prototype of a layout proposal, read side only (<c>FLEET_BENCH_CELL_LAYOUT=1</c>): the same stored items also kept
/// in cell-bucketed hashes <c>{prefix}cell:{x}:{y}</c> (field = vehicle id, value = the state JSON; cells of 2^11 ×
/// 2^11 over the world, ≈ 0.18° × 0.09°), which Processing would maintain next to <c>fleet:state</c> (HSET in the new
/// cell, HDEL from the old one in its state-upsert script). A snapshot then reads HVALS of the covering cells — no
/// member search and no per-member lookup — instead of ZRANGEBYSCORE + HMGET. Measured side by side in one run, with
/// the Redis time of each from <c>INFO commandstats</c>.
/// </summary>
internal static class CellLayoutPrototype
{
    private const int Bits = 11;
    private const int Runs = 40;

    public static async Task RunAsync(IDatabase db, string prefix, VehiclePosition[] fleet)
    {
        foreach (var chunk in fleet.Chunk(2000))
        {
            var batch = db.CreateBatch();
            var writes = chunk.Select(v => batch.HashSetAsync(CellKey(prefix, v.Lon, v.Lat), v.VehicleId,
                JsonSerializer.Serialize(PositionRouter.ToItem(v), RealtimeJsonContext.Default.SnapshotItem))).ToArray();
            batch.Execute();
            await Task.WhenAll(writes);
        }

        var box = new BoundingBox(0, 40, 10, 41);
        var (current, cells) = (new List<double>(), new List<double>());
        var (currentRedisUs, cellRedisUs, currentValues, cellValues) = (0d, 0d, 0, 0);
        for (var i = 0; i < Runs + 5; i++)
        {
            var before = await RedisMicrosAsync(db);
            var watch = Stopwatch.StartNew();
            currentValues = await ReadCurrentAsync(db, prefix, box);
            watch.Stop();
            var between = await RedisMicrosAsync(db);
            var cellWatch = Stopwatch.StartNew();
            cellValues = await ReadCellsAsync(db, prefix, box);
            cellWatch.Stop();
            var after = await RedisMicrosAsync(db);
            if (i >= 5)
            {
                current.Add(watch.Elapsed.TotalMilliseconds);
                cells.Add(cellWatch.Elapsed.TotalMilliseconds);
                currentRedisUs += between - before;
                cellRedisUs += after - between;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"layout prototype, same box: current layout (ZRANGEBYSCORE cover + HMGET chunks of 1000, {currentValues} values) p50 {Percentiles.Format(Percentiles.Of(current, 50))} ms, p95 {Percentiles.Format(Percentiles.Of(current, 95))} ms, Redis time {currentRedisUs / Runs / 1000:0.0} ms per snapshot; " +
            $"cell hashes (HVALS of {CellsOf(box).Count()} cells, {cellValues} values) p50 {Percentiles.Format(Percentiles.Of(cells, 50))} ms, p95 {Percentiles.Format(Percentiles.Of(cells, 95))} ms, Redis time {cellRedisUs / Runs / 1000:0.0} ms per snapshot"));
    }

    private static async Task<int> ReadCurrentAsync(IDatabase db, string prefix, BoundingBox box)
    {
        var ranges = GeoHashRanges.Cover(box, 256).Select(r => db.SortedSetRangeByScoreAsync(prefix + "geo", r.Start, r.End, Exclude.Stop)).ToArray();
        var members = (await Task.WhenAll(ranges)).SelectMany(m => m).ToArray();
        var values = await Task.WhenAll(members.Chunk(1000).Select(chunk => db.HashGetAsync(prefix + "state", chunk)));
        return values.Sum(v => v.Length);
    }

    private static async Task<int> ReadCellsAsync(IDatabase db, string prefix, BoundingBox box)
    {
        var values = await Task.WhenAll(CellsOf(box).Select(key => db.HashValuesAsync(prefix + key)));
        return values.Sum(v => v.Length);
    }

    private static IEnumerable<string> CellsOf(BoundingBox box)
    {
        var (x0, y0) = Cell(box.MinLon, box.MinLat);
        var (x1, y1) = Cell(box.MaxLon, box.MaxLat);
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"cell:{x}:{y}");
            }
        }
    }

    private static string CellKey(string prefix, double lon, double lat)
    {
        var (x, y) = Cell(lon, lat);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}cell:{x}:{y}");
    }

    private static (int X, int Y) Cell(double lon, double lat) =>
        ((int)Math.Min((lon + 180) / 360 * (1 << Bits), (1 << Bits) - 1), (int)Math.Min((lat + 90) / 180 * (1 << Bits), (1 << Bits) - 1));

    /// <summary>Redis's own time in the commands either layout uses, summed over every client (µs since start).</summary>
    private static async Task<double> RedisMicrosAsync(IDatabase db)
    {
        var info = (string?)await db.ExecuteAsync("INFO", "commandstats") ?? "";
        return info.Split('\n').Where(line => line.StartsWith("cmdstat_hmget:", StringComparison.Ordinal)
                || line.StartsWith("cmdstat_zrangebyscore:", StringComparison.Ordinal) || line.StartsWith("cmdstat_hvals:", StringComparison.Ordinal))
            .Sum(line => double.Parse(line.Split(',')[1].Split('=')[1], CultureInfo.InvariantCulture));
    }
}
