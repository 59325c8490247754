using Fleet.History;
using Fleet.Tests.Infrastructure;
using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Services;
using Fleet.Trajectory.Summaries;

namespace Fleet.Tests.Trajectory.Summaries;

/// <summary>
/// Materialized vehicle-day summaries on a real history store and the real PostgreSQL table: stored answers equal the
/// in-process one-day computation, and exactly the vehicle-day a late point lands in is recomputed.
/// </summary>
public abstract class DaySummaryMaterializerTests(PostgresFixture postgres) : IAsyncLifetime
{
    /// <summary>Moscow 14 and 15 May 2024 as a UTC period (21:00 UTC is Moscow midnight).</summary>
    private static readonly Period TwoMoscowDays = new(new(2024, 5, 13, 21, 0, 0, TimeSpan.Zero), new(2024, 5, 15, 21, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly May14 = new(2024, 5, 14);
    private static readonly DateOnly May15 = new(2024, 5, 15);
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private IHistoryStore _store = null!;

    protected PostgresFixture Postgres { get; } = postgres;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private VehicleInfo Vehicle => new($"veh-mat-{_id}", "c-1", [], "Europe/Moscow");

    protected abstract IHistoryStore CreateStore();

    public async ValueTask InitializeAsync()
    {
        _store = CreateStore();
        await _store.MigrateAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Summarize_ColdThenWarm_EqualsOneDayComputationAndServesStoredRows()
    {
        await _store.WriteAsync(Records(EveningDrive()), Ct);

        var cold = await Materializer().SummarizeAsync([Vehicle], TwoMoscowDays, 2, Ct);
        var expected = await FreshAsync();
        Assert.Equal([May14, May15], cold[0].Select(d => d.Day));
        Assert.Equal(expected, cold[0]);
        Assert.Equal(expected, (await Materializer().SummarizeAsync([Vehicle], TwoMoscowDays, 2, Ct))[0]);

        await TamperAsync(May14, 12345);
        var warm = await Materializer().SummarizeAsync([Vehicle], TwoMoscowDays, 2, Ct);
        Assert.Equal(12345, warm[0][0].DistanceKm);
        Assert.Equal(expected[1], warm[0][1]);
    }

    [Fact]
    public async Task Summarize_LatePointIntoSummarisedDay_RecomputesExactlyThatVehicleDay()
    {
        var drive = EveningDrive();
        await _store.WriteAsync(Records(drive), Ct);
        var before = (await Materializer().SummarizeAsync([Vehicle], TwoMoscowDays, 2, Ct))[0];
        await TamperAsync(May14, 12345);

        // 15 s after the last point, 200 m further along a straight road at 48 km/h: the day gains ~0.2 km.
        var last = drive.Points[^1];
        var late = last with { Time = last.Time.AddSeconds(15), Lat = last.Lat + (200 / 111_195.0), Speed = 48, Ignition = true };
        await _store.WriteAsync(Records([late], serverTime: DateTimeOffset.UtcNow), Ct);
        var after = (await Materializer().SummarizeAsync([Vehicle], TwoMoscowDays, 2, Ct))[0];

        var expected = await FreshAsync();
        Assert.Equal(expected[1], after[1]);
        Assert.InRange(after[1].DistanceKm - before[1].DistanceKm, 0.15, 0.25);
        Assert.Equal(12345, after[0].DistanceKm); // the other day was not recomputed
    }

    [Fact]
    public async Task Summarize_DuplicateReplay_SameAnswer()
    {
        var records = Records(EveningDrive());
        await _store.WriteAsync(records, Ct);
        var first = (await Materializer().SummarizeAsync([Vehicle], TwoMoscowDays, 2, Ct))[0];

        await _store.WriteAsync([.. records.Take(200)], Ct);
        var replayed = (await Materializer().SummarizeAsync([Vehicle], TwoMoscowDays, 2, Ct))[0];

        Assert.Equal(first, replayed);
        Assert.Equal(await FreshAsync(), replayed);
    }

    [Fact]
    public async Task Summarize_PeriodNotOnLocalMidnights_SameAsInProcessPath()
    {
        await _store.WriteAsync(Records(EveningDrive()), Ct);
        var utcDay = new Period(new(2024, 5, 14, 0, 0, 0, TimeSpan.Zero), new(2024, 5, 16, 0, 0, 0, TimeSpan.Zero));

        var answer = await Materializer().SummarizeAsync([Vehicle], utcDay, 2, Ct);

        Assert.Equal((await new VehicleTracks(_store).SummarizeFleetAsync([Vehicle], utcDay, 1, Ct))[0], answer[0]);
    }

    private DaySummaryMaterializer Materializer() => new(_store, new VehicleTracks(_store), new VehicleDaySummaryTable(Postgres.DataSource));

    /// <summary>What the in-process path answers for each Moscow day asked on its own.</summary>
    private async Task<List<DailySummary>> FreshAsync()
    {
        var tracks = new VehicleTracks(_store);
        var days = new List<DailySummary>();
        foreach (var start in new[] { TwoMoscowDays.From, TwoMoscowDays.From.AddDays(1) })
        {
            days.AddRange((await tracks.SummarizeFleetAsync([Vehicle], new Period(start, start.AddDays(1)), 1, Ct))[0]);
        }

        return days;
    }

    private async Task TamperAsync(DateOnly day, double distanceKm)
    {
        await using var command = Postgres.DataSource.CreateCommand(
            "UPDATE vehicle_day_summary SET distance_km = $3 WHERE vehicle_id = $1 AND local_date = $2");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = Vehicle.Id });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<DateOnly> { TypedValue = day });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<double> { TypedValue = distanceKm });
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }

    /// <summary>23:00 Moscow: a 20 km trip, a stop, a 25 min trip across local midnight, a stop.</summary>
    private static TrackBuilder EveningDrive() => new TrackBuilder(new(2024, 5, 14, 20, 0, 0, TimeSpan.Zero), 55.70, 37.50, seed: 3) { ReportFuel = true }
        .Stop(600).Straight(60, 1200, headingDegrees: 90).Stop(900).Straight(50, 1500, headingDegrees: 0).Stop(600);

    private List<HistoryRecord> Records(TrackBuilder track, DateTimeOffset? serverTime = null) => Records(track.Points, serverTime);

    private List<HistoryRecord> Records(IEnumerable<HistoryPoint> points, DateTimeOffset? serverTime = null) => [.. points.Select(p => new HistoryRecord
    {
        VehicleId = Vehicle.Id, DeviceId = $"dev-mat-{_id}", CompanyId = "c-1",
        DeviceTime = Ms(p.Time), ServerTime = serverTime is { } at ? Ms(at) : Ms(p.Time).AddSeconds(1),
        Lat = p.Lat, Lon = p.Lon, Valid = p.Valid, Speed = p.Speed, Heading = p.Heading, Altitude = p.Altitude,
        Satellites = p.Satellites, Ignition = p.Ignition, Fuel = p.Fuel, Odometer = p.OdometerKm, Alarm = p.Alarm ?? "",
    })];

    private static DateTimeOffset Ms(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
