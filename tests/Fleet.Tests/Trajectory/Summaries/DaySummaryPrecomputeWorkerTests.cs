using Fleet.History;
using Fleet.History.ClickHouse;
using Fleet.Tests.Infrastructure;
using Fleet.Tests.Trajectory.Apis;
using Fleet.Trajectory.Extensions;
using Fleet.Trajectory.Routes;
using Fleet.Trajectory.Services;
using Fleet.Trajectory.Summaries;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fleet.Tests.Trajectory.Summaries;

/// <summary>The pre-compute pass warms the closed local days of every vehicle, and does not rewrite them when nothing changed.</summary>
public sealed class DaySummaryPrecomputeWorkerTests(PostgresFixture postgres, ClickHouseFixture clickhouse)
    : IClassFixture<PostgresFixture>, IClassFixture<ClickHouseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Precompute_TwoClosedMoscowDays_StoresBothAndLeavesThemAloneWhenUnchanged()
    {
        await ReadModelTables.CreateAsync(postgres.DataSource, Ct);
        await ReadModelTables.AddCompanyAsync(postgres.DataSource, "c-w", "Europe/Moscow", Ct);
        await ReadModelTables.AddVehicleAsync(postgres.DataSource, "veh-w", "c-w", "dev-w", [], Ct);
        using var store = new ClickHouseHistoryStore(clickhouse.ConnectionString, new HistoryStoreOptions());
        await store.MigrateAsync(Ct);
        var drive = new TrackBuilder(new(2024, 5, 14, 20, 0, 0, TimeSpan.Zero), 55.70, 37.50, seed: 3)
            .Stop(600).Straight(60, 1200, headingDegrees: 90).Stop(900).Straight(50, 1500, headingDegrees: 0).Stop(600);
        await store.WriteAsync([.. drive.Points.Select(p => new HistoryRecord
        {
            VehicleId = "veh-w", DeviceId = "dev-w", DeviceTime = TrajectoryApiFixture.Ms(p.Time), ServerTime = TrajectoryApiFixture.Ms(p.Time),
            Lat = p.Lat, Lon = p.Lon, Speed = p.Speed, Ignition = p.Ignition,
        })], Ct);
        var table = new VehicleDaySummaryTable(postgres.DataSource);
        var materializer = new DaySummaryMaterializer(store, new VehicleTracks(store), table);
        var options = new TrajectoryOptions { Summaries = new SummaryOptions { PrecomputeDays = 2 } };
        // 16 May 12:00 UTC: Moscow's yesterday is 15 May, and two days back reach 14 May.
        var worker = new DaySummaryPrecomputeWorker(
            new VehicleDirectory(postgres.DataSource), materializer, new DayRoutes(store, new VehicleDayRouteTable(postgres.DataSource)), Options.Create(options),
            new FixedClock(new(2024, 5, 16, 12, 0, 0, TimeSpan.Zero)), NullLogger<DaySummaryPrecomputeWorker>.Instance);

        await worker.PrecomputeAsync(options.Summaries, Ct);
        var stored = await table.ReadAsync(["veh-w"], "Europe/Moscow", new(2024, 5, 1), new(2024, 6, 1), Ct);
        var computedAt = await ComputedAtAsync("vehicle_day_summary");
        var routesComputedAt = await ComputedAtAsync("vehicle_day_route");
        await worker.PrecomputeAsync(options.Summaries, Ct);

        var moscowDays = new Period(new(2024, 5, 13, 21, 0, 0, TimeSpan.Zero), new(2024, 5, 15, 21, 0, 0, TimeSpan.Zero));
        var expected = (await materializer.SummarizeAsync([new VehicleInfo("veh-w", "c-w", [], "Europe/Moscow")], moscowDays, 1, Ct))[0];
        Assert.Equal(expected, stored.Values.OrderBy(r => r.LocalDate).Select(r => r.Summary!));
        Assert.Equal(2, expected.Count);
        Assert.Equal(computedAt, await ComputedAtAsync("vehicle_day_summary"));
        // The day routes at the default tolerance are warm too, and equally left alone when nothing changed.
        Assert.Equal(2, routesComputedAt.Count);
        Assert.Equal(routesComputedAt, await ComputedAtAsync("vehicle_day_route"));
    }

    private async Task<List<DateTime>> ComputedAtAsync(string table)
    {
        await using var command = postgres.DataSource.CreateCommand($"SELECT computed_at FROM {table} WHERE vehicle_id = 'veh-w' ORDER BY local_date");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var times = new List<DateTime>();
        while (await reader.ReadAsync(Ct))
        {
            times.Add(reader.GetDateTime(0));
        }

        return times;
    }
}
