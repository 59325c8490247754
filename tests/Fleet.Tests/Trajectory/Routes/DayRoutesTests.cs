using Fleet.History;
using Fleet.Tests.Infrastructure;
using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Analysis.Pieces;
using Fleet.Trajectory.Routes;
using Fleet.Trajectory.Services;

namespace Fleet.Tests.Trajectory.Routes;

/// <summary>
/// Routes from cached day pieces on a real history store and the real PostgreSQL table: a one-day route is exactly the
/// one-pass route, stored pieces are served while their day fingerprint holds, and a late point recomputes exactly its day.
/// </summary>
public abstract class DayRoutesTests(PostgresFixture postgres) : IAsyncLifetime
{
    /// <summary>Moscow 14 and 15 May 2024 as a UTC period (21:00 UTC is Moscow midnight).</summary>
    private static readonly Period TwoMoscowDays = new(new(2024, 5, 13, 21, 0, 0, TimeSpan.Zero), new(2024, 5, 15, 21, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly May14 = new(2024, 5, 14);
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private IHistoryStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private VehicleInfo Vehicle => new($"veh-route-{_id}", "c-1", [], "Europe/Moscow");

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
    public async Task Build_OneLocalDay_IsExactlyTheOnePassRoute()
    {
        var track = EveningDrive();
        await _store.WriteAsync(Records(track.Points), Ct);
        var day = new Period(TwoMoscowDays.From.AddDays(1), TwoMoscowDays.To);

        var route = await Routes().BuildAsync(Vehicle, day, 5, Ct);

        var expected = RouteBuilder.Build(TrackAnalyzer.Analyze(track.Points.Where(p => p.Time >= day.From && p.Time < day.To)), 5);
        Assert.True(expected.SourcePointCount > 100);
        Assert.Equal(expected.Points, route.Points);
        Assert.Equal(expected.Stops, route.Stops);
        Assert.Equal(expected.Events, route.Events);
        Assert.Equal(expected with { Points = [], Stops = [], Events = [] }, route with { Points = [], Stops = [], Events = [] });
        Assert.Equal(1, await StoredCountAsync());
    }

    [Fact]
    public async Task Build_ColdThenWarm_ServesStoredPiecesWithTheSameAnswer()
    {
        var track = EveningDrive();
        await _store.WriteAsync(Records(track.Points), Ct);

        var cold = await Routes().BuildAsync(Vehicle, TwoMoscowDays, 5, Ct);
        var warm = await Routes().BuildAsync(Vehicle, TwoMoscowDays, 5, Ct);

        Assert.Equal(2, await StoredCountAsync());
        Assert.Equal(cold.Points, warm.Points);
        Assert.Equal(cold.Stops, warm.Stops);
        Assert.Equal(cold.Events, warm.Events);
        Assert.Equal(cold with { Points = [], Stops = [], Events = [] }, warm with { Points = [], Stops = [], Events = [] });
        var onePass = RouteBuilder.Build(TrackAnalyzer.Analyze(track.Points), 5);
        Assert.Equal(onePass.DistanceKm, warm.DistanceKm, onePass.DistanceKm * Joined);
        Assert.Equal(onePass.Stops.Count, warm.Stops.Count);
        Assert.Equal(onePass.SourcePointCount, warm.SourcePointCount);

        await ReplacePieceAsync(May14, DayPiece.Empty);
        var tampered = await Routes().BuildAsync(Vehicle, TwoMoscowDays, 5, Ct);
        Assert.True(tampered.SourcePointCount < warm.SourcePointCount, "the stored piece of 14 May was not used");
    }

    [Fact]
    public async Task Build_LatePointIntoCachedDay_RecomputesExactlyThatDay()
    {
        var track = EveningDrive();
        await _store.WriteAsync(Records(track.Points), Ct);
        var before = await Routes().BuildAsync(Vehicle, TwoMoscowDays, 5, Ct);
        await ReplacePieceAsync(May14, DayPiece.Empty);
        var may14Points = track.Points.Count(p => p.Time < TwoMoscowDays.From.AddDays(1));

        var last = track.Points[^1];
        var late = last with { Time = last.Time.AddSeconds(15), Lat = last.Lat + (200 / 111_195.0), Speed = 48, Ignition = true };
        await _store.WriteAsync(Records([late], DateTimeOffset.UtcNow), Ct);
        var after = await Routes().BuildAsync(Vehicle, TwoMoscowDays, 5, Ct);

        // 15 May was recomputed with the late point; 14 May still comes from the (emptied) stored piece.
        Assert.Equal(before.SourcePointCount - may14Points + 1, after.SourcePointCount);
        Assert.Equal(late.Time, after.Points[^1].Time);
    }

    [Fact]
    public async Task Build_PeriodNotOnLocalMidnights_StoresOnlyWholeDaysAndMatchesOnePass()
    {
        var track = EveningDrive();
        await _store.WriteAsync(Records(track.Points), Ct);
        var utcDays = new Period(new(2024, 5, 14, 0, 0, 0, TimeSpan.Zero), new(2024, 5, 16, 0, 0, 0, TimeSpan.Zero));

        var route = await Routes().BuildAsync(Vehicle, utcDays, 5, Ct);

        Assert.Equal(1, await StoredCountAsync());
        var onePass = RouteBuilder.Build(TrackAnalyzer.Analyze(track.Points.Where(p => p.Time >= utcDays.From && p.Time < utcDays.To)), 5);
        Assert.Equal(onePass.SourcePointCount, route.SourcePointCount);
        Assert.Equal(onePass.DistanceKm, route.DistanceKm, onePass.DistanceKm * Joined);
        Assert.Equal(onePass.Stops.Count, route.Stops.Count);
    }

    [Fact]
    public async Task Warm_ComputesOnlyDaysWhoseHistoryChanged()
    {
        var track = EveningDrive();
        await _store.WriteAsync(Records(track.Points), Ct);
        var (may14, may16) = (May14, May14.AddDays(2));

        Assert.Equal(2, await Routes().WarmAsync([Vehicle], may14, may16, 5, Ct));
        var full = await Routes().BuildAsync(Vehicle, TwoMoscowDays, 5, Ct);
        await ReplacePieceAsync(May14, DayPiece.Empty);
        Assert.Equal(0, await Routes().WarmAsync([Vehicle], may14, may16, 5, Ct));
        var first = track.Points[0];
        await _store.WriteAsync(Records([first with { Time = first.Time.AddSeconds(-30) }], DateTimeOffset.UtcNow), Ct);
        Assert.Equal(1, await Routes().WarmAsync([Vehicle], may14, may16, 5, Ct));

        Assert.Equal(full.SourcePointCount + 1, (await Routes().BuildAsync(Vehicle, TwoMoscowDays, 5, Ct)).SourcePointCount);
    }

    [Fact]
    public async Task ForgetBefore_DropsOnlyOlderDays()
    {
        await _store.WriteAsync(Records(EveningDrive().Points), Ct);
        await Routes().WarmAsync([Vehicle], May14, May14.AddDays(2), 5, Ct);

        Assert.True(await Routes().ForgetBeforeAsync(May14.AddDays(1), Ct) >= 1);

        Assert.Equal(1, await StoredCountAsync());
    }

    [Fact]
    public async Task Build_DayNotYetEnded_IsAnsweredButNotStored()
    {
        var track = EveningDrive();
        await _store.WriteAsync(Records(track.Points), Ct);
        var duringMay15 = new Summaries.FixedClock(TwoMoscowDays.To.AddHours(-1));

        var route = await new DayRoutes(_store, new VehicleDayRouteTable(postgres.DataSource), duringMay15).BuildAsync(Vehicle, TwoMoscowDays, 5, Ct);

        Assert.Equal(track.Points.Count, route.SourcePointCount);
        Assert.Equal(1, await StoredCountAsync());
    }

    [Fact]
    public void Slices_CutAtLocalMidnights_MarkWholeDays()
    {
        var calendar = new LocalCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var period = new Period(new(2024, 5, 14, 0, 0, 0, TimeSpan.Zero), new(2024, 5, 16, 0, 0, 0, TimeSpan.Zero));

        var slices = DayRoutes.Slices(calendar, period);

        Assert.Equal(
            [
                new DaySlice(period.From, new(2024, 5, 14, 21, 0, 0, TimeSpan.Zero), null),
                new DaySlice(new(2024, 5, 14, 21, 0, 0, TimeSpan.Zero), new(2024, 5, 15, 21, 0, 0, TimeSpan.Zero), new DateOnly(2024, 5, 15)),
                new DaySlice(new(2024, 5, 15, 21, 0, 0, TimeSpan.Zero), period.To, null),
            ],
            slices);
    }

    /// <summary>
    /// Joined days match one pass except where a day starts parked: its drift is measured from its own first point rather
    /// than from where the day before stopped counting (under a metre over these parked midnights; at most one drift radius).
    /// </summary>
    private const double Joined = 1e-4;

    private DayRoutes Routes() => new(_store, new VehicleDayRouteTable(postgres.DataSource));

    private async Task<long> StoredCountAsync()
    {
        await using var command = postgres.DataSource.CreateCommand("SELECT count(*) FROM vehicle_day_route WHERE vehicle_id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = Vehicle.Id });
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task ReplacePieceAsync(DateOnly day, DayPiece piece)
    {
        await using var command = postgres.DataSource.CreateCommand("UPDATE vehicle_day_route SET piece = $3 WHERE vehicle_id = $1 AND local_date = $2");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = Vehicle.Id });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<DateOnly> { TypedValue = day });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<byte[]> { TypedValue = DayPieceCodec.Encode(piece) });
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }

    /// <summary>23:00 Moscow: a 20 km trip, a stop, a 25 min trip across local midnight, a stop, a morning drive.</summary>
    private static TrackBuilder EveningDrive() => new TrackBuilder(new(2024, 5, 14, 18, 0, 0, TimeSpan.Zero), 55.70, 37.50, seed: 5)
        .Stop(600).Straight(60, 1200, headingDegrees: 90).Stop(900).Straight(50, 1500, headingDegrees: 0).Stop(3 * 3600)
        .Straight(40, 1800, headingDegrees: 200).Stop(600);

    private List<HistoryRecord> Records(IEnumerable<HistoryPoint> points, DateTimeOffset? serverTime = null) => [.. points.Select(p => new HistoryRecord
    {
        VehicleId = Vehicle.Id, DeviceId = $"dev-route-{_id}", CompanyId = "c-1",
        DeviceTime = Ms(p.Time), ServerTime = serverTime is { } at ? Ms(at) : Ms(p.Time).AddSeconds(1),
        Lat = p.Lat, Lon = p.Lon, Valid = p.Valid, Speed = p.Speed, Heading = p.Heading, Altitude = p.Altitude,
        Satellites = p.Satellites, Ignition = p.Ignition, Fuel = p.Fuel, Odometer = p.OdometerKm, Alarm = p.Alarm ?? "",
    })];

    private static DateTimeOffset Ms(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
