using Fleet.History;
using Fleet.Trajectory.Services;
using Fleet.Trajectory.Summaries;
using Npgsql;

namespace Fleet.Bench.Trajectory;

/// <summary>
/// The fleet daily summary through vehicle_day_summary: the fingerprint query alone, cold (empty table: compute + store),
/// warm (every fingerprint matches) and after late points in 10 vehicles (10 vehicle-days recompute). The fleet reports in
/// UTC so its local day is the loaded day; the table lives in its own scratch PostgreSQL database.
/// </summary>
internal sealed class MaterializedSummaryBench(IHistoryStore store, string postgres, int vehicles, int runs)
{
    public async Task RunAsync(string name, DateOnly day, TextWriter output)
    {
        await using var dataSource = await ScratchDatabase.OpenAsync(postgres, "fleet_bench_summary");
        var table = new VehicleDaySummaryTable(dataSource);
        await table.EnsureCreatedAsync(CancellationToken.None);
        var materializer = new DaySummaryMaterializer(store, new VehicleTracks(store), table);
        var fleet = Enumerable.Range(0, vehicles).Select(i => new VehicleInfo($"bench-{i:D4}", "c-bench", [], "UTC")).ToList();
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var period = new Period(start, start.AddDays(1));
        var ids = fleet.Select(v => v.Id).ToList();
        Task Summary() => materializer.SummarizeAsync(fleet, period, 4, CancellationToken.None);

        output.WriteLine($"| {name} | day fingerprints, {vehicles} vehicle-days (count + latest server time per vehicle and local day) | " +
            await Timing.MeasureAsync(runs, async _ => await store.ReadDayFingerprintsAsync(ids, "UTC", period.From, period.To, CancellationToken.None)) + " |");
        output.WriteLine($"| {name} | materialized daily summary, COLD (empty table: fingerprints + batched read + analysis + upsert of {vehicles} rows) | " +
            await Timing.MeasureWithSetupAsync(3, () => TruncateAsync(dataSource), Summary) + " |");
        output.WriteLine($"| {name} | materialized daily summary, WARM (every fingerprint matches: fingerprints + table read) | " +
            await Timing.MeasureWithSetupAsync(runs, () => Task.CompletedTask, Summary) + " |");
        var run = 0;
        Task TouchTen()
        {
            var serial = ++run;
            return store.WriteAsync([.. Enumerable.Range(0, 10).Select(k => LatePoint($"bench-{((serial * 10) + k) % vehicles:D4}", start, serial))], CancellationToken.None);
        }

        output.WriteLine($"| {name} | materialized daily summary after a late point in 10 vehicles (10 vehicle-days recompute) | " +
            await Timing.MeasureWithSetupAsync(3, TouchTen, Summary) + " |");
    }

    /// <summary>A new point (its own millisecond, so a new key) in the vehicle's day, stored now.</summary>
    private static HistoryRecord LatePoint(string vehicleId, DateTimeOffset dayStart, int serial) => new()
    {
        VehicleId = vehicleId, DeviceId = "dev-" + vehicleId, CompanyId = "c-bench",
        DeviceTime = dayStart.AddHours(12).AddMilliseconds(500 + serial), ServerTime = DateTimeOffset.UtcNow,
        Lat = 55.75, Lon = 37.61, Speed = 0, Ignition = false,
    };

    private static async Task TruncateAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("TRUNCATE vehicle_day_summary");
        await command.ExecuteNonQueryAsync();
    }
}
