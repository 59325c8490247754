using System.Diagnostics;
using System.Globalization;
using Fleet.History;
using Fleet.Trajectory.Routes;
using Fleet.Trajectory.Services;
using Npgsql;

namespace Fleet.Bench.Trajectory;

/// <summary>
/// Routes through the service's day-piece path (<see cref="DayRoutes"/>: fingerprints + <c>vehicle_day_route</c> in
/// PostgreSQL, analysis only for days whose history changed). COLD = nothing stored (read + analyse + store); WARM = every
/// stored piece still matches its day fingerprint.
/// </summary>
internal sealed class DayRouteBench(IHistoryStore store, string postgres, int vehicles, int runs)
{
    private const double Tolerance = 5;

    public async Task RunAsync(string name, DateOnly firstDay, TextWriter output)
    {
        await using var dataSource = await ScratchDatabase.OpenAsync(postgres, "fleet_bench_routes");
        var table = new VehicleDayRouteTable(dataSource);
        await table.EnsureCreatedAsync(CancellationToken.None);
        await TruncateAsync(dataSource);
        var routes = new DayRoutes(store, table);
        var start = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var day = new Period(start, start.AddDays(1));
        var month = new Period(start, start.AddDays(BenchRunner.LongDays));
        static VehicleInfo Vehicle(string id) => new(id, "c-bench", [], "UTC");
        Task Route(string id, Period period) => routes.BuildAsync(Vehicle(id), period, Tolerance, CancellationToken.None);

        // COLD: each run a vehicle-day nobody asked for yet.
        output.WriteLine($"| {name} | route via day pieces, one vehicle-day, COLD (fingerprint + read + analyse + store) | " +
            await Timing.MeasureAsync(runs, i => Route(Id(i + 1), day)) + " |");
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, vehicles), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (v, _) => await Route(Id(v), day));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | pre-computing the rest of the {vehicles} vehicle-days (2 at a time) | {watch.Elapsed.TotalSeconds:F1} s |"));
        output.WriteLine($"| {name} | **route via day pieces, one vehicle-day, WARM** (fingerprint + stored piece, random vehicle) | " +
            await Timing.MeasureAsync(runs, _ => Route(Id(Random.Shared.Next(vehicles)), day)) + " |");

        output.WriteLine($"| {name} | route via day pieces, one vehicle-month, COLD ({BenchRunner.LongDays} days read, analysed, stored) | " +
            await Timing.MeasureWithSetupAsync(3, () => TruncateAsync(dataSource), () => Route(BenchRunner.LongVehicle, month)) + " |");
        output.WriteLine($"| {name} | **route via day pieces, one vehicle-month, WARM** | " +
            await Timing.MeasureAsync(Math.Max(5, runs / 2), _ => Route(BenchRunner.LongVehicle, month)) + " |");
        var serial = 0;
        output.WriteLine($"| {name} | route via day pieces, one vehicle-month after a late point in one of its days (that day recomputed) | " +
            await Timing.MeasureWithSetupAsync(3, () => store.WriteAsync([LatePoint(start.AddDays(++serial), serial)], CancellationToken.None), () => Route(BenchRunner.LongVehicle, month)) + " |");
    }

    private static string Id(int index) => $"bench-{index:D4}";

    private static async Task TruncateAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("TRUNCATE vehicle_day_route");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A new point (its own millisecond, so a new key) in the long vehicle's day, stored now.</summary>
    private static HistoryRecord LatePoint(DateTimeOffset dayStart, int serial) => new()
    {
        VehicleId = BenchRunner.LongVehicle, DeviceId = "dev-late", CompanyId = "c-bench",
        DeviceTime = dayStart.AddHours(3).AddMilliseconds(500 + serial), ServerTime = DateTimeOffset.UtcNow,
        Lat = 55.75, Lon = 37.61, Speed = 0, Ignition = false,
    };
}
