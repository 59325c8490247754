using System.Diagnostics;
using System.Globalization;
using Fleet.History;
using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Services;

namespace Fleet.Bench.Trajectory;

/// <summary>Loads the synthetic fleet into one target and times the Trajectory read paths on it (store read + analysis).</summary>
internal sealed class BenchRunner(BenchTarget target, int vehicles, int days, int runs)
{
    public const string LongVehicle = "bench-long";
    public const int LongDays = 30;
    public static readonly DateOnly FirstDay = new(2024, 5, 1);

    /// <summary>FLEET_BENCH_ROUTES_ONLY=1 skips the fleet-summary sections (minutes each) when only routes are being tuned.</summary>
    public static bool FleetSections => Environment.GetEnvironmentVariable("FLEET_BENCH_ROUTES_ONLY") != "1";

    public async Task RunAsync(TextWriter output)
    {
        var ct = CancellationToken.None;
        await target.Store.MigrateAsync(ct);
        var load = await target.RowCountAsync() > 0 ? "kept from an earlier run (FLEET_BENCH_KEEP=1)" : await LoadAsync(ct);
        output.WriteLine($"| {target.Name} | load {vehicles} vehicles x {days} day(s) + 1 vehicle x {LongDays} days | {load} |");
        output.WriteLine($"| {target.Name} | data size | {await target.SizeAsync()} |");

        var tracks = new VehicleTracks(target.Store);
        var day = Period(FirstDay, 1);
        output.WriteLine($"| {target.Name} | stages, one vehicle-day | {await StageProfile.MeasureAsync(target.Store, Vehicle(1), day, 5)} |");
        output.WriteLine($"| {target.Name} | stages, one vehicle-month | {await StageProfile.MeasureAsync(target.Store, LongVehicle, Period(FirstDay, LongDays), 3)} |");
        if (target.RawRead is { } raw)
        {
            output.WriteLine($"| {target.Name} | reference: raw server query, one vehicle-day, all columns, no dedupe | " + await Timing.MeasureAsync(runs, async i =>
                await raw(Vehicle(i < 0 ? 0 : Random.Shared.Next(vehicles)), day.From, day.To)) + " |");
        }

        output.WriteLine($"| {target.Name} | store read only (ReadVehicleAsync, every column), one vehicle-day (8,640 points) | " + await Timing.MeasureAsync(runs, async i =>
            _ = (await target.Store.ReadVehicleAsync(Vehicle(i < 0 ? 0 : Random.Shared.Next(vehicles)), day.From, day.To, ct)).Count) + " |");
        output.WriteLine($"| {target.Name} | store read only (ReadTrackAsync, sorted + deduplicated), one vehicle-day | " + await Timing.MeasureAsync(runs, async i =>
            _ = (await target.Store.ReadTrackAsync(Vehicle(i < 0 ? 0 : Random.Shared.Next(vehicles)), day.From, day.To, ct)).Count) + " |");
        output.WriteLine($"| {target.Name} | store read only (ReadFleetTracksAsync of one vehicle, unsorted), one vehicle-day | " + await Timing.MeasureAsync(runs, async i =>
            _ = (await target.Store.ReadFleetTracksAsync([Vehicle(i < 0 ? 0 : Random.Shared.Next(vehicles))], day.From, day.To, ct)).Count) + " |");
        output.WriteLine($"| {target.Name} | store read only (ReadTrackRowsAsync, value rows, Native), one vehicle-day | " + await Timing.MeasureAsync(runs, async i =>
        {
            using var rows = await target.Store.ReadTrackRowsAsync(Vehicle(i < 0 ? 0 : Random.Shared.Next(vehicles)), day.From, day.To, ct);
            _ = rows.Count;
        }) + " |");
        output.WriteLine($"| {target.Name} | route, one vehicle-day (8,640 points, random vehicle) | " + await Timing.MeasureAsync(runs, async i =>
        {
            var vehicle = Vehicle(i < 0 ? 0 : Random.Shared.Next(vehicles));
            var analysis = await tracks.AnalyzeAsync(vehicle, day, ct);
            _ = RouteBuilder.Build(analysis, 5);
        }) + " |");
        output.WriteLine($"| {target.Name} | route, one vehicle-month ({LongDays} days) | " + await Timing.MeasureAsync(Math.Max(3, runs / 4), async run =>
            _ = RouteBuilder.Build(await tracks.AnalyzeAsync(LongVehicle, Period(FirstDay, LongDays), ct), 5)) + " |");
        output.WriteLine($"| {target.Name} | trips, one vehicle-week | " + await Timing.MeasureAsync(Math.Max(3, runs / 2), async run =>
            _ = (await tracks.AnalyzeAsync(LongVehicle, Period(FirstDay, 7), ct)).Trips.Count) + " |");
        if (!FleetSections)
        {
            return;
        }

        var fleet = Enumerable.Range(0, vehicles).Select(i => new VehicleInfo(Vehicle(i), "c-bench", [], "Europe/Moscow")).ToList();
        output.WriteLine($"| {target.Name} | daily summary, whole fleet ({vehicles} vehicles, batches of {VehicleTracks.FleetBatchSize}, 4 batches in parallel) | " +
            await Timing.MeasureAsync(3, async run => _ = await tracks.SummarizeFleetAsync(fleet, day, 4, ct)) + " |");
        output.WriteLine($"| {target.Name} | daily summary, whole fleet, old path (one read per vehicle, 4 in parallel) | " + await Timing.MeasureAsync(1, async run =>
            await Parallel.ForEachAsync(fleet, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (v, token) =>
                _ = await tracks.SummarizeAsync(v, day, token))) + " |");
    }

    private async Task<string> LoadAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        long rows = 0;
        var sources = Enumerable.Range(0, days).SelectMany(d => Enumerable.Range(0, vehicles)
                .Select(v => SyntheticFleet.VehicleDay(Vehicle(v), FirstDay.AddDays(d), v)))
            .Concat(Enumerable.Range(0, LongDays).Select(d => SyntheticFleet.VehicleDay(LongVehicle, FirstDay.AddDays(d), 4242)));
        if (target.BulkLoad is { } bulk)
        {
            await bulk(sources.SelectMany(s => s).Select(r =>
            {
                rows++;
                return r;
            }));
            return Rate(rows, watch.Elapsed.TotalSeconds, "bench bulk RowBinary loader, generation included");
        }

        var batch = new List<HistoryRecord>(100_000);
        async Task FlushAsync()
        {
            await target.Store.WriteAsync(batch, ct);
            rows += batch.Count;
            batch.Clear();
        }

        foreach (var source in sources)
        {
            batch.AddRange(source);
            if (batch.Count >= 86_400)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        return Rate(rows, watch.Elapsed.TotalSeconds, "IHistoryStore.WriteAsync, generation included");
    }

    private static string Rate(long rows, double seconds, string how) =>
        string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows in {seconds:F1} s = {rows / seconds:N0} rows/s ({how})");

    private static string Vehicle(int index) => $"bench-{index:D4}";

    private static Period Period(DateOnly from, int days)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new Period(start, start.AddDays(days));
    }
}
